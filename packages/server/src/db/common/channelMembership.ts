// A service's membership in one channel, read by channel id (R9, R25, R26): what the HTTP guards
// check before a service token writes into a channel or reads its timeline. Every dialect reads
// the channel row (it must be in the caller's org) and the membership row; the parent is the
// channel's, so a disabled membership is never the parent (R11 re-elects at once).
import { idSchema, serviceSchema } from '@onenumber/core/schemas';
import { z } from 'zod';
import type { ChannelMembership } from '../ServerDatabase';
import type { ChannelRow, MembershipRow } from './rows';

export const channelMembershipQuerySchema = z
  .object({ org: idSchema, channel: idSchema, service: serviceSchema })
  .strict();

export function toChannelMembership(
  org: string,
  service: string,
  channel: ChannelRow | undefined,
  membership: MembershipRow | undefined,
): ChannelMembership | null {
  if (!channel || channel.org !== org || !membership) return null;
  return { state: membership.state, role: channel.parent === service ? 'parent' : 'child' };
}
