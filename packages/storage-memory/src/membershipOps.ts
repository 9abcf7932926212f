// R3, R5..R14 on memory: each operation runs without awaiting, so it is atomic in one process.
// Core's storage-kit decides (refusals, scope, election, events, timeline); this file applies.
import type { MembershipRecord } from '@onenumber/core';
import {
  activeServices as servicesActiveIn,
  channelScope,
  decideConnect,
  decideMembershipChange,
  listMembers,
  roleIn,
  settleMembership,
  sharedScope,
  type ChannelInfo,
  type ConnectOutcome,
  type ConnectRecord,
  type MembershipChange,
  type MembershipOutcome,
  type SettleAction,
} from '@onenumber/core/storage-kit';
import type { EventLog } from './eventLog';
import { key, type ChannelRow, type MemoryState } from './state';
import { record } from './timelineOps';

const rows = (channel: ChannelRow) => [...channel.memberships.values()];
export const membersOf = (channel: ChannelRow) => listMembers(rows(channel), channel.parent);
export const activeServices = (channel: ChannelRow) => servicesActiveIn(rows(channel));

export function membershipOps(state: MemoryState, log: EventLog) {
  /** R11: elects, records and announces in the same step as the change. */
  function settle(channel: ChannelRow, subject: string, action: SettleAction, at: string, fresh = false) {
    const settled = settleMembership({
      place: { org: channel.org, channel: channel.id, number: channel.number, at },
      memberships: rows(channel),
      before: channel.parent,
      subject,
      action,
      fresh,
    });
    channel.parent = settled.parent;
    for (const entry of settled.timeline) record(state, channel, entry);
    for (const announcement of settled.announcements) log.append(announcement);
    return settled;
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

  const channelOfMembership = (org: string, number: string, service: string) => {
    const id = state.membershipIndex.get(key(org, number, service));
    return id ? state.channels.get(id) : undefined;
  };

  return {
    async connect(input: ConnectRecord): Promise<ConnectOutcome> {
      const current = channelOfMembership(input.org, input.number, input.service);
      const membership = current?.memberships.get(input.service) ?? null;
      const owner = state.numberOwner.get(input.number) ?? null;
      if (decideConnect({ org: input.org, owner, membership }) === 'keep') {
        const role = roleIn(current!.parent, input.service);
        return { channel: current!.id, mode: current!.mode, role, created: false };
      }
      state.numberOwner.set(input.number, input.org);
      const indexKey = key(input.org, input.number, channelScope(input.mode, input.service));
      const found = state.channelIndex.get(indexKey);
      const channel = found ? state.channels.get(found)! : createChannel(input, indexKey);
      channel.memberships.set(input.service, {
        service: input.service,
        seq: ++state.seq,
        state: 'active',
      });
      state.membershipIndex.set(key(input.org, input.number, input.service), channel.id);
      const settled = settle(channel, input.service, 'connect', input.at, !found);
      return { channel: channel.id, mode: channel.mode, role: roleIn(settled.parent, input.service), created: true };
    },

    async changeMembership(input: MembershipChange): Promise<MembershipOutcome> {
      const channel = channelOfMembership(input.org, input.number, input.service);
      const membership = channel?.memberships.get(input.service) ?? null;
      const target = decideMembershipChange({ ...input, membership });
      if (target === null) {
        return { channel: channel!.id, mode: channel!.mode, members: membersOf(channel!), parentChange: null };
      }
      if (target === 'removed') {
        channel!.memberships.delete(input.service);
        state.membershipIndex.delete(key(input.org, input.number, input.service));
      } else {
        membership!.state = target;
      }
      const settled = settle(channel!, input.service, input.action, input.at);
      return {
        channel: channel!.id,
        mode: channel!.mode,
        members: settled.members,
        parentChange: settled.parentChange,
      };
    },

    async findMembership(input: { org: string; number: string; service: string }): Promise<MembershipRecord | null> {
      const channel = channelOfMembership(input.org, input.number, input.service);
      const membership = channel?.memberships.get(input.service);
      if (!channel || !membership) return null;
      const role = roleIn(channel.parent, input.service);
      return { channel: channel.id, mode: channel.mode, state: membership.state, role, seq: membership.seq };
    },

    async channelInfo(input: {
      org: string;
      number: string;
      service?: string | undefined;
    }): Promise<ChannelInfo | null> {
      const channel = input.service
        ? channelOfMembership(input.org, input.number, input.service)
        : state.channels.get(state.channelIndex.get(key(input.org, input.number, sharedScope)) ?? '');
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
