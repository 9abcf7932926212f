// Statements on conversations, assignments, messages and inbound dedupe (R15..R21, R24).
import type { StoredMessage } from '@onenumber/core/storage-kit';
import type { ConversationRow, MessageRow } from '../common/rows';
import type { Statement } from './statement';

/** A message's columns, in the order insertMessage takes them (after its id, which the dialect makes). */
export type MessageParams = [
  org: string,
  channel: string,
  conversation: string,
  direction: string,
  service: string | null,
  agent: string | null,
  agentName: string | null,
  type: string,
  text: string | null,
  raw: string,
  status: string,
  error: string | null,
  providerId: string | null,
  at: string,
];

export interface MessageCatalogue {
  conversationByCustomer: Statement<[channel: string, customer: string], ConversationRow>;
  conversationById: Statement<[id: string], ConversationRow>;
  /** An inbound message in an open conversation: its row (held until commit, so messages store in commit order). */
  touchInbound: Statement<[channel: string, customer: string, at: string], ConversationRow>;
  /** R15: the customer's first message in a channel opens the conversation (a racing first one makes it an update). */
  openConversation: Statement<[channel: string, customer: string, at: string], ConversationRow>;
  /** R21..R24: moves the version on by `step` (0: only checks it) from the expected one; no row: another write came first. */
  bumpVersion: Statement<[id: string, expected: number, step: number], { version: number }>;
  assignmentsOf: Statement<[conversation: string], { service: string; agent: string; seq: number }>;
  deleteAssignment: Statement<[conversation: string, service: string]>;
  /** R21, R22: the service's assignee, with the next sequence (the earliest assignment counts). */
  insertAssignment: Statement<[conversation: string, service: string, agent: string]>;
  /** Stores a message with the next message id; `pos` is its place in the stored order (history, outbox). */
  insertMessage: Statement<MessageParams, { id: string; pos: number }>;
  /** R19: the conversation's history, oldest first, decoded (R36: defensively). */
  historyOf: Statement<[conversation: string], StoredMessage>;
  messageById: Statement<[id: string, org: string], MessageRow>;
  /** R17: the message row, held until commit, so two reports never both move its status from one value. */
  lockMessage: Statement<[id: string], MessageRow>;
  setStatus: Statement<[status: string, error: string | null, id: string]>;
  /** The lane of a message's conversation (its number and customer), read before a write orders it. */
  laneOfMessage: Statement<[id: string], { number: string; customer: string }>;
  /** R15: writes 1 row when the provider id is new on this number, 0 when it was stored before. */
  rememberInbound: Statement<[number: string, providerId: string]>;
}
