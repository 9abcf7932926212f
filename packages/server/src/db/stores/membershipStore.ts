// R3, R5..R14, R28, written once for every dialect. Each write is one atomic step: number
// ownership (R5), the one shared channel per scope (R6), the one membership (R8) and the
// re-election (R11) hold across processes and replicas: SQLite's write transaction holds the
// file; PostgreSQL's number owner row (claimed, then locked) orders every membership change of a
// number, and the channel row is locked while its parent is elected. UNIQUE constraints back
// each of them. Core's storage-kit decides; this file reads the facts and writes the result.
import type { ChannelSettings, MembershipRecord } from '@onenumber/core';
import { channelSettingsSchema, parseInput } from '@onenumber/core/schemas';
import {
  channelScope,
  configureSettings,
  decideConnect,
  decideMembershipChange,
  listMembers,
  roleIn,
  settleMembership,
  type ChannelInfo,
  type ConnectOutcome,
  type ConnectRecord,
  type MembershipChange,
  type MembershipOutcome,
  type SettleAction,
  type Settled,
} from '@onenumber/core/storage-kit';
import { guarded } from '../common/errors';
import { settingsOf, toJson, type ChannelRow } from '../common/rows';
import type { Runner } from '../port/runner';
import { all, announce, channelLane, one, order, record, run, type Steps } from '../port/steps';
import { heldChannelIn, placeOf } from './facts';

/** R11: elects (the channel row is held), records and announces in the change's transaction. */
function* settle(
  channel: ChannelRow,
  subject: string,
  action: SettleAction,
  at: string,
  fresh = false,
): Steps<Settled> {
  const settled = settleMembership({
    place: placeOf(channel, at),
    memberships: yield* all('membershipsOfChannel', channel.id),
    before: channel.parent,
    subject,
    action,
    fresh,
  });
  if (settled.parent !== channel.parent) yield* run('setParent', settled.parent, channel.id);
  yield* announce(settled.announcements);
  yield* record(channel.org, settled.timeline);
  return settled;
}

function* membersOf(channel: ChannelRow) {
  return listMembers(yield* all('membershipsOfChannel', channel.id), channel.parent);
}

/** R6: the scope's channel, created by the first connect (a racing one finds it), held. */
function* channelFor(input: ConnectRecord): Steps<{ channel: ChannelRow; fresh: boolean }> {
  const scope = channelScope(input.mode, input.service);
  const found = yield* one('channelByScope', input.org, input.number, scope);
  if (found) return { channel: found, fresh: false };
  const created = yield* one('insertChannel', input.org, input.number, input.mode, scope);
  return { channel: (yield* one('channelByScope', input.org, input.number, scope))!, fresh: created !== undefined };
}

/** R33: the membership's masking policy is not stored with it: projections read the org's (policies). */
function* connect(input: ConnectRecord): Steps<ConnectOutcome> {
  // R5: claim the number if nobody holds it, then hold its row: this connect now runs alone.
  yield* order(channelLane(input.number));
  yield* run('claimNumber', input.number, input.org);
  const owner = (yield* one('lockNumber', input.number))!.org;
  const membership = (yield* one('membershipOf', input.org, input.number, input.service)) ?? null;
  if (decideConnect({ org: input.org, owner, membership }) === 'keep') {
    const channel = (yield* one('channelById', membership!.channel))!;
    return { channel: channel.id, mode: channel.mode, role: roleIn(channel.parent, input.service), created: false };
  }
  const { channel, fresh } = yield* channelFor(input);
  yield* run('insertMembership', input.org, input.number, input.service, channel.id);
  const settled = yield* settle(channel, input.service, 'connect', input.at, fresh);
  return { channel: channel.id, mode: channel.mode, role: roleIn(settled.parent, input.service), created: true };
}

function* changeMembership(input: MembershipChange): Steps<MembershipOutcome> {
  yield* order(channelLane(input.number));
  yield* one('lockNumber', input.number);
  const membership = (yield* one('membershipOf', input.org, input.number, input.service)) ?? null;
  const target = decideMembershipChange({ ...input, membership });
  const channel = (yield* one('lockChannel', membership!.channel))!;
  if (target === null) {
    return { channel: channel.id, mode: channel.mode, members: yield* membersOf(channel), parentChange: null }; // R10
  }
  if (target === 'removed') yield* run('deleteMembership', input.org, input.number, input.service);
  else yield* run('setMembershipState', target, input.org, input.number, input.service);
  const settled = yield* settle(channel, input.service, input.action, input.at);
  return { channel: channel.id, mode: channel.mode, members: settled.members, parentChange: settled.parentChange };
}

function* findMembership(input: { org: string; number: string; service: string }): Steps<MembershipRecord | null> {
  const membership = yield* one('membershipOf', input.org, input.number, input.service);
  if (!membership) return null;
  const channel = (yield* one('channelById', membership.channel))!;
  const role = roleIn(channel.parent, input.service);
  return { channel: channel.id, mode: channel.mode, state: membership.state, role, seq: membership.seq };
}

function* channelInfo(input: { org: string; number: string; service?: string | undefined }): Steps<ChannelInfo | null> {
  let channel: ChannelRow | undefined;
  if (input.service) {
    const membership = yield* one('membershipOf', input.org, input.number, input.service);
    channel = membership ? yield* one('channelById', membership.channel) : undefined;
  } else {
    channel = yield* one('sharedChannelOf', input.org, input.number);
  }
  if (!channel) return null;
  const members = yield* membersOf(channel);
  return {
    channel: channel.id,
    mode: channel.mode,
    status: members.length ? 'active' : 'closed',
    parent: channel.parent,
    members,
    settings: settingsOf(channel),
  };
}

/** R9, R28: decided with the channel row held, so the parent cannot change meanwhile. */
function* configure(
  input: { org: string; channel: string; service: string },
  settings: ChannelSettings,
): Steps<ChannelSettings> {
  const channel = yield* heldChannelIn(input.org, input.channel);
  const merged = configureSettings({
    parent: channel.parent,
    service: input.service,
    current: settingsOf(channel),
    settings,
  });
  yield* run('setSettings', toJson(merged), channel.id);
  return merged;
}

export function membershipStore(db: Runner) {
  return {
    connect: (input: ConnectRecord): Promise<ConnectOutcome> => guarded(() => db.write(() => connect(input))),
    changeMembership: (input: MembershipChange): Promise<MembershipOutcome> =>
      guarded(() => db.write(() => changeMembership(input))),
    findMembership: (input: { org: string; number: string; service: string }): Promise<MembershipRecord | null> =>
      guarded(() => db.read(() => findMembership(input))),
    channelInfo: (input: { org: string; number: string; service?: string | undefined }): Promise<ChannelInfo | null> =>
      guarded(() => db.read(() => channelInfo(input))),
    configure: (input: { org: string; channel: string; service: string; settings: ChannelSettings }) =>
      guarded(() => {
        const settings = parseInput(channelSettingsSchema, input.settings, 'settings');
        return db.write(() => configure(input, settings));
      }),
  };
}
