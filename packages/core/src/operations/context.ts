// What every operation reads, and the guards that refuse in the documented order:
// UNKNOWN_AGENT; INVALID_NUMBER, NUMBER_NOT_VERIFIED, NUMBER_IN_USE_BY_ANOTHER_ORG; FORBIDDEN;
// NOT_CONNECTED, MEMBERSHIP_DISABLED; UNKNOWN_CONVERSATION; then the operation's own rules.
import type { AgentEntry, Directory, OrgEntry } from '../directory/Directory';
import { OneNumberError } from '../errors';
import { normaliseNumber } from '../channel/number';
import type { ChannelStorage } from '../storage/ChannelStorage';
import type { ConversationDecision, MembershipRecord } from '../storage/records';

export interface Context {
  storage: ChannelStorage;
  directory: Directory;
  now(): string;
}

export async function requireOrg(ctx: Context, id: string): Promise<OrgEntry> {
  const org = await ctx.directory.org(id);
  if (!org)
    throw new OneNumberError('UNKNOWN_ORG', `No org "${id}" in the directory. An admin adds it first.`, {
      field: 'org',
    });
  return org;
}

export function requireNumber(value: string, field = 'number'): string {
  const e164 = normaliseNumber(value);
  if (!e164) {
    throw new OneNumberError(
      'INVALID_NUMBER',
      `${field}: "${value.slice(0, 40)}" is not a valid business number; write it with its country code.`,
      { field },
    );
  }
  return e164;
}

/** R25: an agent acts only in services they have access to. */
export function requireAccess(agent: AgentEntry, service: string): void {
  if (!agent.access.includes(service)) {
    throw new OneNumberError('FORBIDDEN', `Agent "${agent.id}" has no access to ${service}.`, { field: 'agent' });
  }
}

/** R25: a service acts only on channels it is an active member of. */
export async function requireActiveMembership(
  ctx: Context,
  org: string,
  number: string,
  service: string,
): Promise<MembershipRecord> {
  const membership = await ctx.storage.findMembership({ org, number, service });
  if (!membership)
    throw new OneNumberError('NOT_CONNECTED', `${service} is not connected to ${number}. Connect it first.`);
  if (membership.state !== 'active')
    throw new OneNumberError(
      'MEMBERSHIP_DISABLED',
      `${service}'s membership on ${number} is disabled. Enable it first.`,
    );
  return membership;
}

/**
 * R22..R24, R33: the storage decides for the acting or viewing agent where the facts are, and
 * answers only what that agent may see. UNKNOWN_CONVERSATION before the customer's first message.
 */
export async function requireDecision(
  ctx: Context,
  query: { org: string; channel: string; customer: string; service: string; agent: string; confirm?: boolean },
): Promise<ConversationDecision> {
  const decision = await ctx.storage.decide(query);
  if (!decision) {
    throw new OneNumberError(
      'UNKNOWN_CONVERSATION',
      `No conversation with ${query.customer} in this channel yet: it starts with the customer's first message.`,
      { field: 'customer' },
    );
  }
  return decision;
}

/**
 * R25, R33: a directory that answers a service only about agents with access to it (the server's
 * to a service token) refuses another agent with FORBIDDEN. That refusal is reported in its place
 * in the documented order, after the number's: the agent exists, without this access.
 */
const forbiddenLookup = (error: unknown): boolean => OneNumberError.isInstance(error) && error.code === 'FORBIDDEN';

/** R25 with its refusals in the documented order (UNKNOWN_AGENT; INVALID_NUMBER; FORBIDDEN;
 * NOT_CONNECTED, MEMBERSHIP_DISABLED), but with the agent and the membership looked up at once:
 * over a remote storage that is one round trip instead of two. */
export async function requireActingMember(ctx: Context, org: string, agentId: string, raw: string, service: string) {
  const e164 = normaliseNumber(raw);
  const [agentLookup, membershipLookup] = await Promise.allSettled([
    ctx.directory.agent(org, agentId),
    e164 ? ctx.storage.findMembership({ org, number: e164, service }) : Promise.resolve(null),
  ]);
  const refused = agentLookup.status === 'rejected' && forbiddenLookup(agentLookup.reason);
  if (agentLookup.status === 'rejected' && !refused) throw agentLookup.reason;
  const agent = agentLookup.status === 'fulfilled' ? agentLookup.value : null;
  if (!agent && !refused)
    throw new OneNumberError('UNKNOWN_AGENT', `No agent "${agentId}" in org "${org}".`, { field: 'agent' });
  const number = requireNumber(raw);
  if (!agent)
    throw new OneNumberError('FORBIDDEN', `Agent "${agentId}" has no access to ${service}.`, { field: 'agent' });
  requireAccess(agent, service);
  if (membershipLookup.status === 'rejected') throw membershipLookup.reason;
  const membership = membershipLookup.value;
  if (!membership)
    throw new OneNumberError('NOT_CONNECTED', `${service} is not connected to ${number}. Connect it first.`);
  if (membership.state !== 'active')
    throw new OneNumberError(
      'MEMBERSHIP_DISABLED',
      `${service}'s membership on ${number} is disabled. Enable it first.`,
    );
  return { agent, number, membership };
}

/**
 * Retries a read-decide-write step when the conversation changed underneath it (CONFLICT). Each
 * retry waits a random 0..2^i ms (at most 64): writers racing on one busy conversation across
 * replicas spread out instead of colliding again at once.
 */
export async function withRetry<T>(step: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await step();
    } catch (error) {
      if (!(OneNumberError.isInstance(error) && error.code === 'CONFLICT') || i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** Math.min(i, 6)));
    }
  }
}
