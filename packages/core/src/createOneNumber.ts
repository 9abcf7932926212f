// The one entry point: every rule behind a small API, over any ChannelStorage. The instance holds
// no raw storage or directory (R33): a caller acts through the operations, each with its rules.
import type { Directory } from './directory/Directory';
import { OneNumberError } from './errors';
import type { ChannelEvent } from './events';
import type { ServiceFeed } from './feed';
import { storageSpecificationVersion, type ChannelStorage } from './storage/ChannelStorage';
import { parseInput } from './validate';
import type { Context } from './operations/context';
import { assign } from './operations/assign';
import { canReply } from './operations/canReply';
import { previewLeave } from './operations/previewLeave';
import { changeMembership, configure, connect, members, membership } from './operations/membership';
import { receive, reply, updateStatus, view } from './operations/messages';
import { eventsInputSchema, feedInputSchema, type EventsInput, type FeedInput } from './operations/schemas';
import { timeline } from './operations/timeline';
import { markRead } from './operations/markRead';
import { conversations } from './operations/conversations';
import { feedOf } from './feedOf';

export interface OneNumberOptions {
  storage: ChannelStorage;
  directory: Directory;
  /** Injected for tests; the current time by default. */
  clock?: () => Date;
}

export function createOneNumber(options: OneNumberOptions) {
  const { storage, directory } = options;
  if (storage?.specificationVersion !== storageSpecificationVersion) {
    throw new OneNumberError(
      'STORAGE_MISMATCH',
      `Storage "${storage?.name}" implements specification ${String(storage?.specificationVersion)}; this core needs ${storageSpecificationVersion}. Install matching versions.`,
    );
  }
  const clock = options.clock ?? (() => new Date());
  const ctx: Context = { storage, directory, now: () => clock().toISOString() };

  return {
    /** R1..R8: join the number's shared channel, or get an isolated one, with the reason (R4). */
    connect: (input: Parameters<typeof connect>[1]) => connect(ctx, input),
    /** R10, R11: leave sharing, keeping the creation time; the parent is re-elected at once. */
    disable: (input: Parameters<typeof changeMembership>[2]) => changeMembership(ctx, 'disable', input),
    /** R10, R11: rejoin with the original creation time (the parent role is not taken back). */
    enable: (input: Parameters<typeof changeMembership>[2]) => changeMembership(ctx, 'enable', input),
    /** R10..R12: delete the membership; history stays. */
    remove: (input: Parameters<typeof changeMembership>[2]) => changeMembership(ctx, 'remove', input),
    /** R8..R11: the service's own membership on the number (channel, state, role), or null. */
    membership: (input: Parameters<typeof membership>[1]) => membership(ctx, input),
    /** R13, R14: the active members, parent first. */
    members: (input: Parameters<typeof members>[1]) => members(ctx, input),
    /** R9, R28: channel settings, parent only. */
    configure: (input: Parameters<typeof configure>[1]) => configure(ctx, input),
    /** R13, R15, R26: a customer message, delivered to every active member; deduped by id. */
    receive: (input: Parameters<typeof receive>[1]) => receive(ctx, input),
    /** R16, R24: a reply from one service, out of the shared number. */
    reply: (input: Parameters<typeof reply>[1]) => reply(ctx, input),
    /** R24, R25 and the 24-hour window: would this reply be accepted, and if not, why. */
    canReply: (input: Parameters<typeof canReply>[1]) => canReply(ctx, input),
    /** R10..R13: who would become parent if this service left, without changing anything. */
    previewLeave: (input: Parameters<typeof previewLeave>[1]) => previewLeave(ctx, input),
    /** R21, R23: assign to oneself in one service; may answer confirmation-required. */
    assign: (input: Parameters<typeof assign>[1]) => assign(ctx, input),
    /** R17..R22: the whole history for one service, masked, with its assignee and notice. */
    view: (input: Parameters<typeof view>[1]) => view(ctx, input),
    /** R39: an agent has read the conversation: the service's read marker moves; a read receipt goes out once. */
    markRead: (input: Parameters<typeof markRead>[1]) => markRead(ctx, input),
    /** Issue 21: the channel's conversations for a service, newest first: last message (masked), own assignee, unread. */
    conversations: (input: Parameters<typeof conversations>[1]) => conversations(ctx, input),
    /** R17: a delivery report; statuses only move forward. */
    updateStatus: (input: Parameters<typeof updateStatus>[1]) => updateStatus(ctx, input),
    /** One service's events after a cursor, projected for it (R20). */
    events: async (input: EventsInput): Promise<ChannelEvent[]> => storage.events(parseInput(eventsInputSchema, input)), // R27: refusals reject
    /** A live, typed feed of one service's events: after a cursor, from now, or `durable`. */
    feed: (input: FeedInput): ServiceFeed => feedOf(storage, parseInput(feedInputSchema, input)),
    /** Issue 9: the channel's audit timeline, for its parent service; paginated by `after`. */
    timeline: (input: Parameters<typeof timeline>[1]) => timeline(ctx, input),
    close: async () => storage.close?.(),
  };
}

export type OneNumber = ReturnType<typeof createOneNumber>;
