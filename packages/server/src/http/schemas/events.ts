// A ChannelEvent (core's events.ts) as the receiving service gets it, on GET /v1/events and from
// POST /v1/storage/events: already projected for it (R17, R20), `type` telling which one.
import { z } from 'zod';
import { memberSchema } from './channel';
import { messageErrorSchema, messageStatusSchema, messageViewSchema } from './message';
import { instantSchema, named } from './named';

const base = {
  /** A cursor in the receiving service's stream: resume after it. */
  id: z.string(),
  org: z.string(),
  /** The receiving service. */
  service: z.string(),
  channel: z.string(),
  number: z.string(),
  at: instantSchema,
};
const inConversation = { conversation: z.string(), customer: z.string() };

export const channelEventSchema = named(
  'ChannelEvent',
  z.discriminatedUnion('type', [
    z.object({ ...base, type: z.literal('messageReceived'), ...inConversation, message: messageViewSchema }),
    z.object({ ...base, type: z.literal('messageSent'), ...inConversation, message: messageViewSchema }),
    // R30: a customer's reaction (emoji null: removed), edit and revoke, pointing at `target` (a WhatsApp id).
    z.object({
      ...base,
      type: z.literal('messageReacted'),
      ...inConversation,
      message: messageViewSchema,
      target: z.string(),
      emoji: z.string().nullable(),
    }),
    z.object({
      ...base,
      type: z.literal('messageEdited'),
      ...inConversation,
      message: messageViewSchema,
      target: z.string(),
      text: z.string().nullable(),
    }),
    z.object({
      ...base,
      type: z.literal('messageRevoked'),
      ...inConversation,
      message: messageViewSchema,
      target: z.string(),
    }),
    z.object({
      ...base,
      type: z.literal('statusChanged'),
      conversation: z.string(),
      message: z.string(),
      status: messageStatusSchema,
      error: messageErrorSchema.nullable(),
    }),
    z.object({
      ...base,
      type: z.literal('parentChanged'),
      from: z.string().nullable(),
      to: z.string().nullable(),
      cause: z.enum(['created', 'disabled', 'removed', 'reopened']),
    }),
    z.object({
      ...base,
      type: z.literal('membershipChanged'),
      subject: z.string(),
      state: z.enum(['active', 'disabled', 'removed']),
      members: z.array(memberSchema),
    }),
    z.object({
      ...base,
      type: z.literal('assignmentChanged'),
      ...inConversation,
      subject: z.string(),
      agent: z.string().nullable(),
    }),
  ]),
  "One service's event, projected for it; `id` is its cursor",
);
