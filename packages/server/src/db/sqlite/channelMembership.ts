// ServerDatabase.membershipInChannel on SQLite: two primary-key lookups in one read snapshot.
import { parseInput } from '@onenumber/core';
import type { ChannelMembership } from '../ServerDatabase';
import { channelMembershipQuerySchema, toChannelMembership } from '../common/channelMembership';
import { guarded } from '../common/errors';
import type { SqliteHandle } from './connection';

export function channelMembership(h: SqliteHandle) {
  return (input: { org: string; channel: string; service: string }): Promise<ChannelMembership | null> =>
    guarded(() => {
      const { org, channel, service } = parseInput(channelMembershipQuerySchema, input);
      return h.read(() =>
        toChannelMembership(
          org,
          service,
          h.sql.channelById.get(channel),
          h.sql.membershipInChannel.get(channel, service),
        ),
      );
    });
}
