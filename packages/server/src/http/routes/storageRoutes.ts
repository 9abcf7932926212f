// The ChannelStorage interface over HTTP, one POST route per method (`/v1/storage/<method>`):
// the body is the method's input record, the answer its result as JSON. createHttpStorage in
// @onenumber/storage-http is the exact mirror. Projections are computed here, by the storage,
// so a service never receives another service's reply text or agent (R17, R18, R20). Each route
// names the schema of its answer: `run` must return that type (a compile-time tie, no cost per
// request), and GET /openapi.json documents it, with the refusals the route adds.
import { OneNumberError, type ChannelStorage } from '@onenumber/core';
import { z } from 'zod';
import type { Principal } from '../../db/ServerDatabase';
import type { Guards } from '../guards';
import {
  channelInfoResultSchema,
  connectOutcomeSchema,
  membershipOutcomeSchema,
  membershipRecordSchema,
} from '../schemas/channel';
import {
  assignmentSetSchema,
  conversationDecisionSchema,
  conversationInfoSchema,
  inboundOutcomeSchema,
  markReadOutcomeSchema,
  conversationPageSchema,
  replyAppendedSchema,
  statusUpdatedSchema,
} from '../schemas/conversation';
import { channelEventSchema } from '../schemas/events';
import { messageViewSchema } from '../schemas/message';
import { timelineEntrySchema } from '../schemas/timeline';
import {
  assignmentRecordSchema,
  channelInfoSchema,
  configureRecordSchema,
  connectRecordSchema,
  conversationQuerySchema,
  cursorQuerySchema,
  decisionQuerySchema,
  eventQuerySchema,
  findMembershipSchema,
  inboundRecordSchema,
  markReadRecordSchema,
  conversationListQuerySchema,
  membershipChangeSchema,
  noteSchema,
  replyRecordSchema,
  saveCursorSchema,
  statusRecordSchema,
  timelineQuerySchema,
  viewQuerySchema,
} from '../schemas/records';

type ServicePrincipal = Extract<Principal, { kind: 'service' }>;

/**
 * The statuses a route answers beyond those of every storage route (400 input, 401, 403 scope, 500,
 * 503): 404 an unknown org, conversation or message, 409 a version or write conflict, 422 a rule's
 * refusal, 501 an optional capability this storage lacks.
 */
export type StorageRefusal = 404 | 409 | 422 | 501;

export interface StorageRoute {
  /** The ChannelStorage method this route mirrors, and the last segment of its path. */
  method: string;
  summary: string;
  schema: z.ZodType;
  /** The answer's schema (200). */
  result: z.ZodType;
  refusals: readonly StorageRefusal[];
  /** Runs the method for a principal whose scope (org, service) was already checked. */
  run(storage: ChannelStorage, guards: Guards, input: never, principal: Principal): Promise<unknown>;
}

const service = (p: Principal): p is ServicePrincipal => p.kind === 'service';

function route<S extends z.ZodType, R extends z.ZodType>(
  method: string,
  summary: string,
  schema: S,
  answer: { result: R; refusals: readonly StorageRefusal[] },
  run: (storage: ChannelStorage, guards: Guards, input: z.output<S>, principal: Principal) => Promise<z.output<R>>,
): StorageRoute {
  return { method, summary, schema, ...answer, run: run as StorageRoute['run'] };
}

const answers = <R extends z.ZodType>(result: R, ...refusals: StorageRefusal[]) => ({ result, refusals });
const nothing = z.null();

/** The routes, in the order of the interface. Admin tokens are trusted operators: guards apply to service tokens. */
export const storageRoutes: StorageRoute[] = [
  route(
    'connect',
    'R3, R5..R8, R13: join or create the channel',
    connectRecordSchema,
    answers(connectOutcomeSchema, 404, 409, 422),
    async (s, g, input, p) => s.connect(service(p) ? await g.connect(input) : input),
  ),
  route(
    'changeMembership',
    'R10..R13: disable, enable or remove a membership',
    membershipChangeSchema,
    answers(membershipOutcomeSchema, 409, 422),
    (s, _g, input) => s.changeMembership(input),
  ),
  route(
    'findMembership',
    "The service's membership on a number, or null",
    findMembershipSchema,
    answers(membershipRecordSchema.nullable()),
    (s, _g, input) => s.findMembership(input),
  ),
  route(
    'channelInfo',
    'The shared channel of a number, or the channel of a service',
    channelInfoSchema,
    answers(channelInfoResultSchema.nullable()),
    (s, _g, input) => s.channelInfo(input),
  ),
  route(
    'configure',
    'R9, R28: channel settings, parent only',
    configureRecordSchema,
    answers(channelInfoResultSchema.shape.settings, 409, 422),
    (s, _g, input) => s.configure(input),
  ),
  route(
    'receive',
    'R13, R15, R26: store an inbound message',
    inboundRecordSchema,
    answers(inboundOutcomeSchema, 409, 422),
    async (s, g, input, p) => s.receive(service(p) ? await g.receive(input, p) : input),
  ),
  route(
    'conversation',
    "A conversation's id and last inbound time (a service token: an active member); never who holds it (R33)",
    conversationQuerySchema,
    answers(conversationInfoSchema.nullable(), 422),
    async (s, g, input, p) => s.conversation(service(p) ? await g.conversation(input, p) : input),
  ),
  route(
    'decide',
    'R22..R24, R33: the decision for an agent of the service, with only what that agent may see',
    decisionQuerySchema,
    answers(conversationDecisionSchema.nullable(), 422),
    async (s, g, input, p) => s.decide(service(p) ? await g.decide(input) : input),
  ),
  route(
    'appendReply',
    'R16, R24: append a reply at an expected version',
    replyRecordSchema,
    answers(replyAppendedSchema, 404, 409, 422),
    async (s, g, input, p) => s.appendReply(service(p) ? await g.appendReply(input) : input),
  ),
  route(
    'setAssignment',
    "R21, R23: set one service's assignee at an expected version",
    assignmentRecordSchema,
    answers(assignmentSetSchema, 404, 409, 422),
    async (s, g, input, p) => s.setAssignment(service(p) ? await g.setAssignment(input) : input),
  ),
  route(
    'view',
    'R17..R20: the history projected for the viewing service (a service token: an active member)',
    viewQuerySchema,
    answers(z.array(messageViewSchema), 404, 422),
    async (s, g, input, p) => s.view(service(p) ? await g.view(input) : input),
  ),
  route(
    'updateStatus',
    'R17: a delivery report; statuses only move forward (admin only: WhatsApp reports them on the webhook)',
    statusRecordSchema,
    answers(statusUpdatedSchema, 404, 409),
    (s, g, input, p) => (service(p) ? g.updateStatus() : s.updateStatus(input)),
  ),
  route(
    'events',
    "One service's events after a cursor, projected for it",
    eventQuerySchema,
    answers(z.array(channelEventSchema)),
    (s, _g, input) => s.events(input),
  ),
  // Optional capabilities (issue 9): GET /health says which ones this server's storage has.
  route(
    'conversations',
    "Issue 21: the channel's conversations for the service, newest first: last message (masked), its own assignee, unread",
    conversationListQuerySchema,
    answers(conversationPageSchema, 422, 501),
    async (s, g, input, p) => {
      if (!s.conversations) throw unsupported('cannot list conversations');
      return s.conversations(service(p) ? await g.conversations(input) : input);
    },
  ),
  route(
    'markRead',
    "R39: an agent of the service read the conversation: the service's read marker moves; a read receipt goes out once",
    markReadRecordSchema,
    answers(markReadOutcomeSchema, 404, 422, 501),
    async (s, g, input, p) => {
      if (!s.markRead) throw unsupported('keeps no read markers');
      return s.markRead(service(p) ? await g.markRead(input) : input);
    },
  ),
  route(
    'timeline',
    "Issue 9: the channel's audit timeline as the reading service sees it (R33; a service token: its parent only)",
    timelineQuerySchema,
    answers(z.array(timelineEntrySchema), 422, 501),
    async (s, g, input, p) => {
      if (!s.timeline) throw unsupported('keeps no timeline');
      if (service(p)) await g.requireParent(input.org, input.channel, p.service);
      return s.timeline(input);
    },
  ),
  route(
    'note',
    'Issue 9: record a timeline entry the storage cannot see (R23); nothing when it keeps no timeline',
    noteSchema,
    answers(nothing, 409),
    async (s, _g, input, p) => {
      if (service(p) && input.entry.service !== p.service)
        throw new OneNumberError('FORBIDDEN', `This token notes entries about ${p.service} only.`, {
          field: 'entry.service',
        });
      await s.note?.(input);
      return null;
    },
  ),
  route(
    'loadCursor',
    "Issue 9: a service's durable event cursor",
    cursorQuerySchema,
    answers(z.string().nullable(), 501),
    async (s, _g, input) => {
      if (!s.loadCursor) throw unsupported('keeps no durable cursors');
      return s.loadCursor(input);
    },
  ),
  route(
    'saveCursor',
    "Issue 9: move a service's durable event cursor forward",
    saveCursorSchema,
    answers(nothing, 409, 501),
    async (s, _g, input) => {
      if (!s.saveCursor) throw unsupported('keeps no durable cursors');
      await s.saveCursor(input);
      return null;
    },
  ),
];

const unsupported = (what: string) => new OneNumberError('NOT_SUPPORTED', `This server's storage ${what}.`);

/** What GET /health reports, so clients enable the optional methods the storage has. */
export const capabilitiesOf = (s: ChannelStorage) => ({
  timeline: Boolean(s.timeline && s.note),
  cursors: Boolean(s.loadCursor && s.saveCursor),
  reads: Boolean(s.markRead && s.conversations),
});
