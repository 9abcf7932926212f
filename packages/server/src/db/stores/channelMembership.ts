// ServerDatabase.membershipInChannel, for every dialect: two primary-key lookups in one read
// snapshot (R9, R25, R26: what the HTTP guards check before a service writes into a channel).
import { parseInput } from '@onenumber/core/schemas';
import type { ChannelMembership } from '../ServerDatabase';
import { channelMembershipQuerySchema, toChannelMembership } from '../common/channelMembership';
import { guarded } from '../common/errors';
import type { Runner } from '../port/runner';
import { one } from '../port/steps';

export function channelMembership(db: Runner) {
  return (input: { org: string; channel: string; service: string }): Promise<ChannelMembership | null> =>
    guarded(() => {
      const { org, channel, service } = parseInput(channelMembershipQuerySchema, input);
      return db.read(function* () {
        return toChannelMembership(
          org,
          service,
          yield* one('channelById', channel),
          yield* one('membershipInChannel', channel, service),
        );
      });
    });
}
