// @onenumber/zoho-desk: Zoho Desk on the shared WhatsApp number. Only what differs for Desk
// lives here, as data: its service id, its words (a ticket is the conversation with a contact
// on a number; agents; an optional department label). Its masking policy is the server's (R33:
// the catalogue gives Desk the default, hiding other services' reply text and agent; the admin
// may change it). Built with core's adapter factory, so validation, scoping and events are the
// same for every service.
import {
  defineServiceAdapter,
  type AdapterCreateOptions,
  type AdapterEvent,
  type AdapterEventName,
  type ServiceAdapter,
} from '@onenumber/core';

/** Desk's words mapped onto the spec's: ticket = conversation, contact = customer, agent = agent. */
export const deskVocabulary = {
  conversation: 'ticket',
  customer: 'contact',
  agent: 'agent',
  labels: ['department'],
} as const;

/** The Desk adapter definition: data, validated once by core. */
export const deskAdapter = defineServiceAdapter({
  service: 'desk',
  displayName: 'Zoho Desk',
  vocabulary: deskVocabulary,
});

/** The Desk facade: `connect`, `view`, `reply`, `assign`, `on('message')`, ... with `service: 'desk'` filled in. */
export type DeskAdapter = ServiceAdapter<typeof deskVocabulary>;
/** `{ agent, number, contact, department? }`: a ticket, and the Desk agent acting on it. */
export type DeskTicketInput = Parameters<DeskAdapter['view']>[0];
export type DeskReplyInput = Parameters<DeskAdapter['reply']>[0];
export type DeskAssignInput = Parameters<DeskAdapter['assign']>[0];
export type DeskEvent<N extends AdapterEventName> = AdapterEvent<N, typeof deskVocabulary>;

/** The zod schemas the facade validates with, for callers who check input first. */
export const deskSchemas = deskAdapter.schemas;

/** Creates the Desk facade over the app's one OneNumber instance, for one org. */
export function createDeskAdapter(options: AdapterCreateOptions): DeskAdapter {
  return deskAdapter.create(options);
}
