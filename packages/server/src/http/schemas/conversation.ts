// What the message and assignment routes answer: an inbound message's deliveries, what any member
// may know of a conversation, the decision for one agent (R22..R24, R33: only what that agent may
// see), and the versions writes move on.
import { z } from 'zod';
import { modeSchema } from './channel';
import { messageStatusSchema, messageViewSchema } from './message';
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

export const conversationInfoSchema = named(
  'ConversationInfo',
  z.object({
    id: z.string(),
    channel: z.string(),
    customer: z.string(),
    lastInboundAt: instantSchema.nullable(),
  }),
  "A conversation as any member may know it: its id and the customer's last message time (never who holds it, R33)",
);

/** R22: the notice; `agent` is the holder's name only when the viewer has access to that service. */
export const noticeSchema = named(
  'Notice',
  z.object({
    code: z.literal('ASSIGNED_IN_OTHER_SERVICE'),
    service: z.string(),
    agent: z.string().nullable(),
    messages: z.object({ en: z.string(), ja: z.string() }),
  }),
);

export const conversationDecisionSchema = named(
  'ConversationDecision',
  z.object({
    conversation: z.string(),
    /** A write carries it: one decided on an older version is CONFLICT. */
    version: z.number().int(),
    lastInboundAt: instantSchema.nullable(),
    /** R21: the agent assigned in the asking service. */
    assignee: z.string().nullable(),
    notice: noticeSchema.nullable(),
    /** R24 */
    reply: z.union([
      z.object({ ok: z.literal(true), assigns: z.boolean() }),
      z.object({ ok: z.literal(false), reason: z.enum(['ASSIGNED_TO_ANOTHER_AGENT', 'ASSIGNMENT_REQUIRED']) }),
    ]),
    /** R23 */
    assign: z.union([
      z.object({ kind: z.literal('unchanged') }),
      z.object({ kind: z.literal('assign'), confirmed: z.boolean() }),
      z.object({ kind: z.literal('confirmation-required'), notice: noticeSchema }),
    ]),
  }),
  'R22..R24 decided for one agent, with only what that agent may see (R33)',
);

export const replyAppendedSchema = named('ReplyAppended', z.object({ message: z.string(), version: z.number().int() }));
export const assignmentSetSchema = named('AssignmentSet', z.object({ version: z.number().int() }));
export const statusUpdatedSchema = named(
  'StatusUpdated',
  z.object({ status: messageStatusSchema, changed: z.boolean() }),
);

export const markReadOutcomeSchema = named(
  'MarkReadOutcome',
  z.object({
    /** Whether the service's read marker moved. */
    moved: z.boolean(),
    /** The inbound message a WhatsApp read receipt went out for now (at most once each), or null. */
    receipt: z.string().nullable(),
  }),
  "R39: the service's read marker moved to the last message; a read receipt went out once",
);

export const conversationPageSchema = named(
  'ConversationPage',
  z.object({
    conversations: z.array(
      z.object({
        conversation: z.string(),
        customer: z.string(),
        lastActivityAt: instantSchema,
        /** The last message as the listing service sees it (R17, R18, R20: masked like a view). */
        lastMessage: messageViewSchema.nullable(),
        /** The listing service's own assignee (R21; R33: never another service's). */
        assignee: z.string().nullable(),
        /** R39: the customer's messages after the listing service's read marker. */
        unread: z.number().int().min(0),
      }),
    ),
    /** The cursor of the next page, or null. */
    next: z.string().nullable(),
  }),
  "Issue 21: a channel's conversations for one service, newest activity first",
);
