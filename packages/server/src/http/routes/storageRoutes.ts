// The ChannelStorage interface over HTTP, one POST route per method (`/v1/storage/<method>`):
// the body is the method's input record, the answer its result as JSON. createHttpStorage in
// @onenumber/storage-http is the exact mirror. Projections are computed here, by the storage,
// so a service never receives another service's reply text or agent (R17, R18, R20).
import { OneNumberError, type ChannelStorage } from '@onenumber/core';
import type { z } from 'zod';
import type { Principal } from '../../db/ServerDatabase';
import type { Guards } from '../guards';
import {
  assignmentRecordSchema,
  channelInfoSchema,
  configureRecordSchema,
  connectRecordSchema,
  conversationQuerySchema,
  cursorQuerySchema,
  eventQuerySchema,
  findMembershipSchema,
  inboundRecordSchema,
  membershipChangeSchema,
  noteSchema,
  replyRecordSchema,
  saveCursorSchema,
  statusRecordSchema,
  timelineQuerySchema,
  viewQuerySchema,
} from '../schemas/records';

type ServicePrincipal = Extract<Principal, { kind: 'service' }>;

export interface StorageRoute {
  /** The ChannelStorage method this route mirrors, and the last segment of its path. */
  method: string;
  summary: string;
  schema: z.ZodType;
  /** Runs the method for a principal whose scope (org, service) was already checked. */
  run(storage: ChannelStorage, guards: Guards, input: never, principal: Principal): Promise<unknown>;
}

const service = (p: Principal): p is ServicePrincipal => p.kind === 'service';

function route<S extends z.ZodType>(
  method: string,
  summary: string,
  schema: S,
  run: (storage: ChannelStorage, guards: Guards, input: z.output<S>, principal: Principal) => Promise<unknown>,
): StorageRoute {
  return { method, summary, schema, run: run as StorageRoute['run'] };
}

/** The routes, in the order of the interface. Admin tokens are trusted operators: guards apply to service tokens. */
export const storageRoutes: StorageRoute[] = [
  route('connect', 'R3, R5..R8, R13: join or create the channel', connectRecordSchema, async (s, g, input, p) =>
    s.connect(service(p) ? await g.connect(input) : input),
  ),
  route(
    'changeMembership',
    'R10..R13: disable, enable or remove a membership',
    membershipChangeSchema,
    (s, _g, input) => s.changeMembership(input),
  ),
  route('findMembership', "The service's membership on a number, or null", findMembershipSchema, (s, _g, input) =>
    s.findMembership(input),
  ),
  route(
    'channelInfo',
    'The shared channel of a number, or the channel of a service',
    channelInfoSchema,
    (s, _g, input) => s.channelInfo(input),
  ),
  route('configure', 'R9, R28: channel settings, parent only', configureRecordSchema, (s, _g, input) =>
    s.configure(input),
  ),
  route('receive', 'R13, R15, R26: store an inbound message', inboundRecordSchema, async (s, g, input, p) =>
    s.receive(service(p) ? await g.receive(input, p) : input),
  ),
  route(
    'conversation',
    'The conversation state the assignment rules read',
    conversationQuerySchema,
    async (s, g, input, p) => {
      const state = await s.conversation(input);
      return service(p) ? g.conversationResult(state, p) : state;
    },
  ),
  route('appendReply', 'R16, R24: append a reply at an expected version', replyRecordSchema, async (s, g, input, p) =>
    s.appendReply(service(p) ? await g.appendReply(input) : input),
  ),
  route(
    'setAssignment',
    "R21, R23: set one service's assignee at an expected version",
    assignmentRecordSchema,
    async (s, g, input, p) => s.setAssignment(service(p) ? await g.setAssignment(input) : input),
  ),
  route(
    'view',
    'R17..R20: the history projected for the viewing service (a service token: an active member)',
    viewQuerySchema,
    async (s, g, input, p) => s.view(service(p) ? await g.view(input) : input),
  ),
  route(
    'updateStatus',
    'R17: a delivery report; statuses only move forward (admin only: WhatsApp reports them on the webhook)',
    statusRecordSchema,
    (s, g, input, p) => (service(p) ? g.updateStatus() : s.updateStatus(input)),
  ),
  route('events', "One service's events after a cursor, projected for it", eventQuerySchema, (s, _g, input) =>
    s.events(input),
  ),
  // Optional capabilities (issue 9): GET /health says which ones this server's storage has.
  route(
    'timeline',
    "Issue 9: the channel's audit timeline (a service token: its parent only)",
    timelineQuerySchema,
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
    async (s, _g, input, p) => {
      if (service(p) && input.entry.service !== p.service)
        throw new OneNumberError('FORBIDDEN', `This token notes entries about ${p.service} only.`, {
          field: 'entry.service',
        });
      await s.note?.(input);
      return null;
    },
  ),
  route('loadCursor', "Issue 9: a service's durable event cursor", cursorQuerySchema, async (s, _g, input) => {
    if (!s.loadCursor) throw unsupported('keeps no durable cursors');
    return s.loadCursor(input);
  }),
  route(
    'saveCursor',
    "Issue 9: move a service's durable event cursor forward",
    saveCursorSchema,
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
});
