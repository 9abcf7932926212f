// R3, R5..R14, R28 on PostgreSQL, atomic across replicas by the database: the number's owner row
// (claimed with INSERT ... ON CONFLICT, then locked FOR UPDATE) orders every membership change
// of that number; the channel row is locked while its parent is elected (R11); UNIQUE
// constraints back the one owner (R5), the one channel per scope (R6) and the one membership (R8).
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
import { settleMembership, type SettleAction, type Settled } from '../common/settleMembership';
import { placeOf, roleOf, settingsOf, toJson, type ChannelRow } from '../common/rows';
import { ownChannel } from './channels';
import type { PgHandle, PgTx } from './connection';
import { pgGuarded as guarded } from './pgErrors';
import { sql, type Queryable } from './sql';

const sharedScope = '';

export function membershipStore(h: PgHandle) {
  /** R11: elects with the channel row locked (the caller locked it), in the change's transaction. */
  async function settle(
    tx: PgTx,
    channel: ChannelRow,
    subject: string,
    action: SettleAction,
    at: string,
    fresh = false,
  ): Promise<Settled> {
    const settled = settleMembership({
      place: placeOf(channel, at),
      memberships: await sql.membershipsOfChannel.all(tx.client, channel.id),
      before: channel.parent,
      subject,
      action,
      fresh,
    });
    if (settled.parent !== channel.parent) await sql.setParent.run(tx.client, settled.parent, channel.id);
    tx.emit(settled.drafts);
    tx.record(channel.org, settled.timeline);
    return settled;
  }

  async function membersOf(db: Queryable, channel: ChannelRow) {
    return listMembers(await sql.membershipsOfChannel.all(db, channel.id), channel.parent);
  }

  /** R6: the scope's channel, created by the first connect (a racing one finds it), locked. */
  async function channelFor(tx: PgTx, input: ConnectRecord): Promise<{ channel: ChannelRow; fresh: boolean }> {
    const scope = input.mode === 'shared' ? sharedScope : input.service;
    const found = await sql.channelByScope.get(tx.client, input.org, input.number, scope);
    if (found) return { channel: found, fresh: false };
    const created = await sql.insertChannel.get(tx.client, input.org, input.number, input.mode, scope);
    return {
      channel: (await sql.channelByScope.get(tx.client, input.org, input.number, scope))!,
      fresh: created !== undefined,
    };
  }

  return {
    connect: (input: ConnectRecord): Promise<ConnectOutcome> =>
      guarded(async () => {
        const policy = toJson(parseInput(maskingPolicySchema, input.policy, 'policy'));
        return h.write(async (tx) => {
          // R5: claim the number if nobody holds it, then lock its row: this connect now runs alone.
          await sql.claimNumber.run(tx.client, input.number, input.org);
          const owner = (await sql.lockNumber.get(tx.client, input.number))!;
          if (owner.org !== input.org) throw new OneNumberError('NUMBER_IN_USE_BY_ANOTHER_ORG');
          const existing = await sql.membershipOf.get(tx.client, input.org, input.number, input.service);
          if (existing) {
            if (existing.state === 'disabled') throw new OneNumberError('MEMBERSHIP_DISABLED');
            await sql.setMembershipPolicy.run(tx.client, policy, input.org, input.number, input.service);
            const channel = (await sql.channelById.get(tx.client, existing.channel))!;
            return { channel: channel.id, mode: channel.mode, role: roleOf(channel, input.service), created: false };
          }
          const { channel, fresh } = await channelFor(tx, input);
          await sql.insertMembership.run(tx.client, input.org, input.number, input.service, channel.id, policy);
          const settled = await settle(tx, channel, input.service, 'connect', input.at, fresh);
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
        h.write(async (tx) => {
          await sql.lockNumber.get(tx.client, input.number);
          const membership = await sql.membershipOf.get(tx.client, input.org, input.number, input.service);
          if (!membership)
            throw new OneNumberError('NOT_CONNECTED', `${input.service} is not connected to ${input.number}.`);
          const channel = (await sql.lockChannel.get(tx.client, membership.channel))!;
          const target = input.action === 'disable' ? 'disabled' : input.action === 'enable' ? 'active' : 'removed';
          if (target === 'removed') {
            await sql.deleteMembership.run(tx.client, input.org, input.number, input.service);
          } else if (membership.state === target) {
            return {
              channel: channel.id,
              mode: channel.mode,
              members: await membersOf(tx.client, channel),
              parentChange: null,
            }; // R10: no-op
          } else {
            await sql.setMembershipState.run(tx.client, target, input.org, input.number, input.service);
          }
          const settled = await settle(tx, channel, input.service, input.action, input.at);
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
        h.read(async (db) => {
          const membership = await sql.membershipOf.get(db, input.org, input.number, input.service);
          if (!membership) return null;
          const channel = (await sql.channelById.get(db, membership.channel))!;
          return {
            channel: channel.id,
            mode: channel.mode,
            state: membership.state,
            role: roleOf(channel, input.service),
            seq: membership.seq,
          };
        }),
      ),

    channelInfo: (input: { org: string; number: string; service?: string | undefined }): Promise<ChannelInfo | null> =>
      guarded(() =>
        h.read(async (db) => {
          let channel: ChannelRow | undefined;
          if (input.service) {
            const membership = await sql.membershipOf.get(db, input.org, input.number, input.service);
            channel = membership ? await sql.channelById.get(db, membership.channel) : undefined;
          } else {
            channel = (await sql.channelsOfNumber.all(db, input.number, input.org)).find((c) => c.mode === 'shared');
          }
          if (!channel) return null;
          const members = await membersOf(db, channel);
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
      guarded(async () => {
        const settings = parseInput(channelSettingsSchema, input.settings, 'settings');
        return h.write(async (tx) => {
          const channel = ownChannel(await sql.lockChannel.get(tx.client, input.channel), input.org);
          if (channel.parent !== input.service) throw new OneNumberError('NOT_PARENT');
          const merged = { ...settingsOf(channel), ...settings };
          await sql.setSettings.run(tx.client, toJson(merged), channel.id);
          return merged;
        });
      }),
  };
}
