// R13, R15, R18, R23: who hears about a change in a channel. Only active members receive a
// channel's messages and changes (a closed channel, with none, delivers to nobody); each brings
// its masking policy, which its projection of a message uses.
import type { ElectableMembership } from '../election/electParent';
import type { MaskingPolicy } from '../masking/policy';
import type { Recipient } from './announcement';

/** A membership as a storage reads it for a decision: creation order, state, and policy. */
export interface MembershipFacts extends ElectableMembership {
  policy: MaskingPolicy;
}

/** R23: the services with an active membership, in creation order. */
export const activeServices = (memberships: readonly ElectableMembership[]): string[] =>
  [...memberships]
    .filter((m) => m.state === 'active')
    .sort((a, b) => a.seq - b.seq)
    .map((m) => m.service);

/** R15, R18: the active members as recipients, by service name (R15: deliveredTo is alphabetical). */
export const recipientsOf = (memberships: readonly MembershipFacts[]): Recipient[] =>
  memberships
    .filter((m) => m.state === 'active')
    .map((m) => ({ service: m.service, policy: m.policy }))
    .sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0));
