// R3, R5, R6, R8, R9, R10, R28: the refusals and choices of connect, a membership change and
// configure, decided from what the storage read (atomically, in the same step as its writes).
import { OneNumberError } from '../errors';
import type { ChannelSettings } from '../channel/settings';
import type { Mode } from '../eligibility/catalogue';
import type { MembershipAction } from '../storage/records';

/**
 * R5, R8: `keep` when the service is already an active member (connecting twice is harmless),
 * `join` when it needs a membership. Refuses a number another org holds, and a disabled membership.
 */
export function decideConnect(input: {
  org: string;
  /** The org holding the number, null when nobody does yet. */
  owner: string | null;
  membership: { state: 'active' | 'disabled' } | null;
}): 'keep' | 'join' {
  if (input.owner !== null && input.owner !== input.org) throw new OneNumberError('NUMBER_IN_USE_BY_ANOTHER_ORG');
  if (!input.membership) return 'join';
  if (input.membership.state === 'disabled') throw new OneNumberError('MEMBERSHIP_DISABLED');
  return 'keep';
}

/** R3, R6: the channel a service joins: the number's one shared channel (''), or an isolated one of its own. */
export const channelScope = (mode: Mode, service: string): string => (mode === 'shared' ? '' : service);

/** The scope of a number's shared channel. */
export const sharedScope = '';

/**
 * R10: the membership's state after `action`, or null when it changes nothing (disabling a
 * disabled membership, enabling an active one). NOT_CONNECTED when there is no membership.
 */
export function decideMembershipChange(input: {
  number: string;
  service: string;
  action: MembershipAction;
  membership: { state: 'active' | 'disabled' } | null;
}): 'active' | 'disabled' | 'removed' | null {
  const { membership, action } = input;
  if (!membership) throw new OneNumberError('NOT_CONNECTED', `${input.service} is not connected to ${input.number}.`);
  const target = action === 'disable' ? 'disabled' : action === 'enable' ? 'active' : 'removed';
  return target === membership.state ? null : target;
}

/** R9: a service's role in a channel. */
export const roleIn = (parent: string | null, service: string): 'parent' | 'child' =>
  parent === service ? 'parent' : 'child';

/** R9, R28: only the parent configures; the keys given replace theirs, the others stay. */
export function configureSettings(input: {
  parent: string | null;
  service: string;
  current: ChannelSettings;
  settings: ChannelSettings;
}): ChannelSettings {
  if (input.parent !== input.service) throw new OneNumberError('NOT_PARENT');
  return { ...input.current, ...input.settings };
}
