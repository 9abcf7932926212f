// R3, R5..R14 on memory: each operation runs without awaiting, so it is atomic in one process.
import {
  OneNumberError,
  electParent,
  listMembers,
  type ChannelInfo,
  type ConnectOutcome,
  type ConnectRecord,
  type MembershipChange,
  type MembershipOutcome,
  type MembershipRecord,
  type ParentChangeCause,
} from '@onenumber/core';
import type { EventLog } from './eventLog';
import { record } from './timelineOps';
import { key, type ChannelRow, type MemoryState } from './state';

const rows = (channel: ChannelRow) => [...channel.memberships.values()];
export const membersOf = (channel: ChannelRow) => listMembers(rows(channel), channel.parent);
export const activeServices = (channel: ChannelRow) =>
  rows(channel)
    .filter((m) => m.state === 'active')
    .map((m) => m.service);

export function membershipOps(state: MemoryState, log: EventLog) {
  function announce(
    channel: ChannelRow,
    subject: string,
    subjectState: 'active' | 'disabled' | 'removed',
    before: string | null,
    cause: ParentChangeCause,
    at: string,
  ) {
    const members = membersOf(channel);
    const recipients = new Set([...members.map((m) => m.service), subject]);
    const base = { org: channel.org, channel: channel.id, number: channel.number, at };
    log.append(channel.org, recipients, { ...base, type: 'membershipChanged', subject, state: subjectState, members });
    if (before !== channel.parent)
      log.append(channel.org, recipients, { ...base, type: 'parentChanged', from: before, to: channel.parent, cause });
  }

  function createChannel(input: ConnectRecord, indexKey: string): ChannelRow {
    const channel: ChannelRow = {
      id: state.nextId('ch'),
      org: input.org,
      number: input.number,
      mode: input.mode,
      parent: null,
      settings: {},
      memberships: new Map(),
      conversations: new Map(),
      timeline: [],
    };
    state.channels.set(channel.id, channel);
    state.channelIndex.set(indexKey, channel.id);
    state.channelsByNumber.set(input.number, [...(state.channelsByNumber.get(input.number) ?? []), channel.id]);
    return channel;
  }

  return {
    async connect(input: ConnectRecord): Promise<ConnectOutcome> {
      const owner = state.numberOwner.get(input.number);
      if (owner && owner !== input.org) throw new OneNumberError('NUMBER_IN_USE_BY_ANOTHER_ORG');
      const existing = state.membershipIndex.get(key(input.org, input.number, input.service));
      if (existing) {
        const channel = state.channels.get(existing)!;
        const membership = channel.memberships.get(input.service)!;
        if (membership.state === 'disabled') throw new OneNumberError('MEMBERSHIP_DISABLED');
        membership.policy = input.policy;
        return {
          channel: channel.id,
          mode: channel.mode,
          role: channel.parent === input.service ? 'parent' : 'child',
          created: false,
        };
      }
      state.numberOwner.set(input.number, input.org);
      const indexKey =
        input.mode === 'shared' ? key(input.org, input.number) : key(input.org, input.number, input.service);
      const found = state.channelIndex.get(indexKey);
      const fresh = !found;
      const channel = found ? state.channels.get(found)! : createChannel(input, indexKey);
      channel.memberships.set(input.service, {
        service: input.service,
        seq: ++state.seq,
        state: 'active',
        policy: input.policy,
      });
      state.membershipIndex.set(key(input.org, input.number, input.service), channel.id);
      const before = channel.parent;
      channel.parent = electParent(rows(channel), before);
      record(state, channel, {
        channel: channel.id,
        at: input.at,
        what: 'joined',
        service: input.service,
        why: 'connected',
      });
      if (before !== channel.parent)
        record(state, channel, {
          channel: channel.id,
          at: input.at,
          what: 'elected',
          from: before,
          to: channel.parent,
          why: fresh ? 'created' : 'reopened',
        });
      announce(channel, input.service, 'active', before, fresh ? 'created' : 'reopened', input.at);
      return {
        channel: channel.id,
        mode: channel.mode,
        role: channel.parent === input.service ? 'parent' : 'child',
        created: true,
      };
    },

    async changeMembership(input: MembershipChange): Promise<MembershipOutcome> {
      const mkey = key(input.org, input.number, input.service);
      const id = state.membershipIndex.get(mkey);
      if (!id) throw new OneNumberError('NOT_CONNECTED', `${input.service} is not connected to ${input.number}.`);
      const channel = state.channels.get(id)!;
      const membership = channel.memberships.get(input.service)!;
      const before = channel.parent;
      const target = input.action === 'disable' ? 'disabled' : input.action === 'enable' ? 'active' : 'removed';
      if (target === 'removed') {
        channel.memberships.delete(input.service);
        state.membershipIndex.delete(mkey);
      } else if (membership.state === target) {
        return { channel: channel.id, mode: channel.mode, members: membersOf(channel), parentChange: null }; // R10: no-op
      } else {
        membership.state = target;
      }
      channel.parent = electParent(rows(channel), before);
      const cause: ParentChangeCause =
        input.action === 'enable' ? 'reopened' : input.action === 'disable' ? 'disabled' : 'removed';
      const what = target === 'active' ? 'enabled' : target;
      record(state, channel, { channel: channel.id, at: input.at, what, service: input.service, why: input.action });
      if (before !== channel.parent) {
        record(state, channel, {
          channel: channel.id,
          at: input.at,
          what: 'elected',
          from: before,
          to: channel.parent,
          why: cause === 'reopened' ? cause : `parent-${cause}`,
        });
      }
      announce(channel, input.service, target, before, cause, input.at);
      const parentChange = before === channel.parent ? null : { from: before, to: channel.parent };
      return { channel: channel.id, mode: channel.mode, members: membersOf(channel), parentChange };
    },

    async findMembership(input: { org: string; number: string; service: string }): Promise<MembershipRecord | null> {
      const id = state.membershipIndex.get(key(input.org, input.number, input.service));
      const channel = id ? state.channels.get(id) : undefined;
      const membership = channel?.memberships.get(input.service);
      if (!channel || !membership) return null;
      const role = channel.parent === input.service ? 'parent' : 'child';
      return { channel: channel.id, mode: channel.mode, state: membership.state, role, seq: membership.seq };
    },

    async channelInfo(input: {
      org: string;
      number: string;
      service?: string | undefined;
    }): Promise<ChannelInfo | null> {
      const id = input.service
        ? state.membershipIndex.get(key(input.org, input.number, input.service))
        : state.channelIndex.get(key(input.org, input.number));
      const channel = id ? state.channels.get(id) : undefined;
      if (!channel) return null;
      const members = membersOf(channel);
      return {
        channel: channel.id,
        mode: channel.mode,
        status: members.length ? 'active' : 'closed',
        parent: channel.parent,
        members,
        settings: { ...channel.settings },
      };
    },
  };
}
