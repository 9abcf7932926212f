// R3, R5..R14, R28 on SQLite. Each write is one BEGIN IMMEDIATE transaction, so number ownership
// (R5), the one shared channel (R6), the one membership (R8) and the re-election (R11) hold
// across processes sharing the file; UNIQUE constraints back each of them.
import {
  OneNumberError,
  channelSettingsSchema,
  listMembers,
  maskingPolicySchema,
  parseInput,
  type ChannelInfo,
  type ChannelSettings,
  type ConnectOutcome,
  type ConnectRecord,
  type MembershipChange,
  type MembershipOutcome,
  type MembershipRecord,
} from '@onenumber/core';
import { guarded } from '../common/errors';
import { settleMembership, type SettleAction, type Settled } from '../common/settleMembership';
import { formatId, toJson, type ChannelRow } from '../common/rows';
import { channelIn, placeOf, settingsOf } from './channels';
import type { Emit, SqliteHandle } from './connection';

const sharedScope = '';

export function membershipStore(h: SqliteHandle) {
  const { sql } = h;

  function settle(
    channel: ChannelRow,
    subject: string,
    action: SettleAction,
    at: string,
    emit: Emit,
    fresh = false,
  ): Settled {
    const settled = settleMembership({
      place: placeOf(channel, at),
      memberships: sql.membershipsOfChannel.all(channel.id),
      before: channel.parent,
      subject,
      action,
      fresh,
    });
    if (settled.parent !== channel.parent) sql.setParent.run(settled.parent, channel.id);
    emit(settled.drafts);
    h.record(channel.org, settled.timeline);
    return settled;
  }

  function membersOf(channel: ChannelRow) {
    return listMembers(sql.membershipsOfChannel.all(channel.id), channel.parent);
  }

  return {
    connect: (input: ConnectRecord): Promise<ConnectOutcome> =>
      guarded(() => {
        const policy = toJson(parseInput(maskingPolicySchema, input.policy, 'policy'));
        return h.write((emit) => {
          const owner = sql.ownerOf.get(input.number);
          if (owner && owner.org !== input.org) throw new OneNumberError('NUMBER_IN_USE_BY_ANOTHER_ORG');
          const existing = sql.membershipOf.get(input.org, input.number, input.service);
          if (existing) {
            if (existing.state === 'disabled') throw new OneNumberError('MEMBERSHIP_DISABLED');
            sql.setMembershipPolicy.run(policy, input.org, input.number, input.service);
            const channel = sql.channelById.get(existing.channel)!;
            return {
              channel: channel.id,
              mode: channel.mode,
              role: channel.parent === input.service ? 'parent' : 'child',
              created: false,
            };
          }
          if (!owner) sql.claimNumber.run(input.number, input.org);
          const scope = input.mode === 'shared' ? sharedScope : input.service;
          let channel = sql.channelByScope.get(input.org, input.number, scope);
          const fresh = !channel;
          if (!channel) {
            const pos = h.next('channel');
            sql.insertChannel.run(formatId('ch', pos), pos, input.org, input.number, input.mode, scope);
            channel = sql.channelByScope.get(input.org, input.number, scope)!;
          }
          sql.insertMembership.run(input.org, input.number, input.service, channel.id, h.next('seq'), policy);
          const settled = settle(channel, input.service, 'connect', input.at, emit, fresh);
          return {
            channel: channel.id,
            mode: channel.mode,
            role: settled.parent === input.service ? 'parent' : 'child',
            created: true,
          };
        });
      }),

    changeMembership: (input: MembershipChange): Promise<MembershipOutcome> =>
      guarded(() =>
        h.write((emit) => {
          const membership = sql.membershipOf.get(input.org, input.number, input.service);
          if (!membership)
            throw new OneNumberError('NOT_CONNECTED', `${input.service} is not connected to ${input.number}.`);
          const channel = sql.channelById.get(membership.channel)!;
          const target = input.action === 'disable' ? 'disabled' : input.action === 'enable' ? 'active' : 'removed';
          if (target === 'removed') {
            sql.deleteMembership.run(input.org, input.number, input.service);
          } else if (membership.state === target) {
            return { channel: channel.id, mode: channel.mode, members: membersOf(channel), parentChange: null }; // R10: no-op
          } else {
            sql.setMembershipState.run(target, input.org, input.number, input.service);
          }
          const settled = settle(channel, input.service, input.action, input.at, emit);
          return {
            channel: channel.id,
            mode: channel.mode,
            members: settled.members,
            parentChange: settled.parentChange,
          };
        }),
      ),

    findMembership: (input: { org: string; number: string; service: string }): Promise<MembershipRecord | null> =>
      guarded(() =>
        h.read(() => {
          const membership = sql.membershipOf.get(input.org, input.number, input.service);
          if (!membership) return null;
          const channel = sql.channelById.get(membership.channel)!;
          const role = channel.parent === input.service ? 'parent' : 'child';
          return { channel: channel.id, mode: channel.mode, state: membership.state, role, seq: membership.seq };
        }),
      ),

    channelInfo: (input: { org: string; number: string; service?: string | undefined }): Promise<ChannelInfo | null> =>
      guarded(() =>
        h.read(() => {
          let channel: ChannelRow | undefined;
          if (input.service) {
            const membership = sql.membershipOf.get(input.org, input.number, input.service);
            channel = membership ? sql.channelById.get(membership.channel) : undefined;
          } else {
            channel = sql.channelByScope.get(input.org, input.number, sharedScope);
          }
          if (!channel) return null;
          const members = membersOf(channel);
          return {
            channel: channel.id,
            mode: channel.mode,
            status: members.length ? 'active' : 'closed',
            parent: channel.parent,
            members,
            settings: settingsOf(channel),
          };
        }),
      ),

    configure: (input: {
      org: string;
      channel: string;
      service: string;
      settings: ChannelSettings;
    }): Promise<ChannelSettings> =>
      guarded(() => {
        const settings = parseInput(channelSettingsSchema, input.settings, 'settings');
        return h.write(() => {
          const channel = channelIn(sql, input.org, input.channel);
          if (channel.parent !== input.service) throw new OneNumberError('NOT_PARENT');
          const merged = { ...settingsOf(channel), ...settings };
          sql.setSettings.run(toJson(merged), channel.id);
          return merged;
        });
      }),
  };
}
