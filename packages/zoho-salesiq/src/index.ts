// @onenumber/zoho-salesiq: Zoho SalesIQ on the shared WhatsApp number. Only what differs for
// SalesIQ lives here, as data: its service id, its words (a chat is the conversation with a
// visitor on a number; operators are the agents). Its masking policy is the server's (R33: the
// catalogue gives SalesIQ the default, hiding other services' reply text and agent; the admin may
// change it). Built with core's adapter factory, so validation, scoping and events are the same
// for every service.
import {
  defineServiceAdapter,
  type AdapterCreateOptions,
  type AdapterEvent,
  type AdapterEventName,
  type ServiceAdapter,
} from '@onenumber/core';

/** SalesIQ's words mapped onto the spec's: chat = conversation, visitor = customer, operator = agent. */
export const salesiqVocabulary = { conversation: 'chat', customer: 'visitor', agent: 'operator' } as const;

/** The SalesIQ adapter definition: data, validated once by core. */
export const salesiqAdapter = defineServiceAdapter({
  service: 'salesiq',
  displayName: 'Zoho SalesIQ',
  vocabulary: salesiqVocabulary,
});

/** The SalesIQ facade: `connect`, `view`, `reply`, `assign`, `on('message')`, ... with `service: 'salesiq'` filled in. */
export type SalesIQAdapter = ServiceAdapter<typeof salesiqVocabulary>;
/** `{ operator, number, visitor }`: a chat, and the operator acting on it. */
export type SalesIQChatInput = Parameters<SalesIQAdapter['view']>[0];
export type SalesIQReplyInput = Parameters<SalesIQAdapter['reply']>[0];
export type SalesIQAssignInput = Parameters<SalesIQAdapter['assign']>[0];
export type SalesIQEvent<N extends AdapterEventName> = AdapterEvent<N, typeof salesiqVocabulary>;

/** The zod schemas the facade validates with, for callers who check input first. */
export const salesiqSchemas = salesiqAdapter.schemas;

/** Creates the SalesIQ facade over the app's one OneNumber instance, for one org. */
export function createSalesIQAdapter(options: AdapterCreateOptions): SalesIQAdapter {
  return salesiqAdapter.create(options);
}
