// What the message and assignment routes answer: an inbound message's deliveries, a
// conversation's state as the assignment rules read it, and the versions writes move on.
import { z } from 'zod';
import { modeSchema } from './channel';
import { messageStatusSchema } from './message';
import { instantSchema, named } from './named';

export const inboundOutcomeSchema = named(
  'InboundOutcome',
  z.object({
    org: z.string(),
    /** True when this provider id was stored before: nothing stored, nothing delivered (R15). */
    duplicate: z.boolean(),
    /** One per channel on the number (R15, R26). */
    deliveries: z.array(
      z.object({
        channel: z.string(),
        mode: modeSchema,
        conversation: z.string(),
        message: z.string(),
        services: z.array(z.string()),
      }),
    ),
  }),
);

export const conversationStateSchema = named(
  'ConversationState',
  z.object({
    id: z.string(),
    channel: z.string(),
    customer: z.string(),
    version: z.number().int(),
    assignments: z.array(z.object({ service: z.string(), agent: z.string(), seq: z.number().int() })),
    activeServices: z.array(z.string()),
    lastInboundAt: instantSchema.nullable(),
  }),
);

export const replyAppendedSchema = named('ReplyAppended', z.object({ message: z.string(), version: z.number().int() }));
export const assignmentSetSchema = named('AssignmentSet', z.object({ version: z.number().int() }));
export const statusUpdatedSchema = named(
  'StatusUpdated',
  z.object({ status: messageStatusSchema, changed: z.boolean() }),
);
