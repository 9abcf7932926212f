// @onenumber/zoho-crm: Zoho CRM on the shared WhatsApp number. Only what differs for CRM lives
// here, as data: its service id, its words (contacts are the customers, users are the agents,
// a conversation is the contact's WhatsApp thread on a number). Its masking policy is the
// server's (R33: the catalogue shows CRM the sending agent's name on other services' replies,
// never their text; the admin may change it). Built with core's adapter factory, so validation,
// scoping and events match every service.
import {
  defineServiceAdapter,
  type AdapterCreateOptions,
  type AdapterEvent,
  type AdapterEventName,
  type ServiceAdapter,
} from '@onenumber/core';

/** CRM's words mapped onto the spec's: contact = customer, user = agent. */
export const crmVocabulary = { conversation: 'conversation', customer: 'contact', agent: 'user' } as const;

/** The CRM adapter definition: data, validated once by core. */
export const crmAdapter = defineServiceAdapter({
  service: 'crm',
  displayName: 'Zoho CRM',
  vocabulary: crmVocabulary,
});

/** The CRM facade: `connect`, `view`, `reply`, `assign`, `on('message')`, ... with `service: 'crm'` filled in. */
export type CrmAdapter = ServiceAdapter<typeof crmVocabulary>;
/** `{ user, number, contact }`: a contact's conversation, and the CRM user acting on it. */
export type CrmConversationInput = Parameters<CrmAdapter['view']>[0];
export type CrmReplyInput = Parameters<CrmAdapter['reply']>[0];
export type CrmAssignInput = Parameters<CrmAdapter['assign']>[0];
export type CrmEvent<N extends AdapterEventName> = AdapterEvent<N, typeof crmVocabulary>;

/** The zod schemas the facade validates with, for callers who check input first. */
export const crmSchemas = crmAdapter.schemas;

/** Creates the CRM facade over the app's one OneNumber instance, for one org. */
export function createCrmAdapter(options: AdapterCreateOptions): CrmAdapter {
  return crmAdapter.create(options);
}
