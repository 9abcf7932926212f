// R15, R17, R20: the facade's events are the service's own feed (already projected for it by the
// storage), under short names, with `conversation` and `customer` in the service's words.
import type { ChannelEventOf } from '../events';
import type { InVocabulary, VocabularyInput } from './vocabulary';

/** Facade event name → the core event it carries. */
export const adapterEventNames = {
  /** R15: a customer message, live. */
  message: 'messageReceived',
  /** R16, R17: a reply from any member (masked when another service sent it). */
  reply: 'messageSent',
  /** R30: the customer reacted to a message (emoji null: removed). */
  reaction: 'messageReacted',
  /** R30: the customer edited a message. */
  edit: 'messageEdited',
  /** R30: the customer revoked (deleted for everyone) a message. */
  revoke: 'messageRevoked',
  /** R17: a delivery status moved forward. */
  status: 'statusChanged',
  /** R9, R11, R13: the parent changed, with the cause. */
  parent: 'parentChanged',
  /** R10, R14: a membership joined, was disabled, enabled or removed; members afterwards. */
  membership: 'membershipChanged',
  /** R21: an assignee changed in some service. */
  assignment: 'assignmentChanged',
} as const;

export type AdapterEventName = keyof typeof adapterEventNames;

export type AdapterEvent<N extends AdapterEventName, V extends VocabularyInput> = InVocabulary<
  ChannelEventOf<(typeof adapterEventNames)[N]>,
  V
>;

export type AdapterListener<N extends AdapterEventName, V extends VocabularyInput> = (
  event: AdapterEvent<N, V>,
) => void;

export const isAdapterEventName = (name: unknown): name is AdapterEventName =>
  typeof name === 'string' && Object.hasOwn(adapterEventNames, name);
