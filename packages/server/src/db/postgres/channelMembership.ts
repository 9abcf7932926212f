// ServerDatabase.membershipInChannel on PostgreSQL: two primary-key lookups in one read snapshot.
import { parseInput } from '@onenumber/core';
import type { ChannelMembership } from '../ServerDatabase';
import { channelMembershipQuerySchema, toChannelMembership } from '../common/channelMembership';
import type { PgHandle } from './connection';
import { pgGuarded as guarded } from './pgErrors';
import { sql } from './sql';

export function channelMembership(h: PgHandle) {
  return (input: { org: string; channel: string; service: string }): Promise<ChannelMembership | null> =>
    guarded(async () => {
      const { org, channel, service } = parseInput(channelMembershipQuerySchema, input);
      return h.read(async (db) =>
        toChannelMembership(
          org,
          service,
          await sql.channelById.get(db, channel),
          await sql.membershipInChannel.get(db, channel, service),
        ),
      );
    });
}
