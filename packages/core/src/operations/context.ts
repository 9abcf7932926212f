// What every operation reads, and the guards that refuse in the documented order:
// UNKNOWN_AGENT; INVALID_NUMBER, NUMBER_NOT_VERIFIED, NUMBER_IN_USE_BY_ANOTHER_ORG; FORBIDDEN;
// NOT_CONNECTED, MEMBERSHIP_DISABLED; UNKNOWN_CONVERSATION; then the operation's own rules.
import type { AgentEntry, Directory, OrgEntry } from '../directory/Directory';
import { OneNumberError } from '../errors';
import { normaliseNumber } from '../channel/number';
import type { ChannelStorage } from '../storage/ChannelStorage';
import type { ConversationState, MembershipRecord } from '../storage/records';

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

export async function requireAgent(ctx: Context, org: string, id: string): Promise<AgentEntry> {
  const agent = await ctx.directory.agent(org, id);
  if (!agent) throw new OneNumberError('UNKNOWN_AGENT', `No agent "${id}" in org "${org}".`, { field: 'agent' });
  return agent;
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

export async function requireConversation(
  ctx: Context,
  org: string,
  channel: string,
  customer: string,
): Promise<ConversationState> {
  const conversation = await ctx.storage.conversation({ org, channel, customer });
  if (!conversation) {
    throw new OneNumberError(
      'UNKNOWN_CONVERSATION',
      `No conversation with ${customer} in this channel yet: it starts with the customer's first message.`,
      { field: 'customer' },
    );
  }
  return conversation;
}

/** R25 with its refusals in the documented order (UNKNOWN_AGENT; INVALID_NUMBER; FORBIDDEN;
 * NOT_CONNECTED, MEMBERSHIP_DISABLED), but with the agent and the membership looked up at once:
 * over a remote storage that is one round trip instead of two. */
export async function requireActingMember(ctx: Context, org: string, agentId: string, raw: string, service: string) {
  const e164 = normaliseNumber(raw);
  const [agentLookup, membershipLookup] = await Promise.allSettled([
    ctx.directory.agent(org, agentId),
    e164 ? ctx.storage.findMembership({ org, number: e164, service }) : Promise.resolve(null),
  ]);
  if (agentLookup.status === 'rejected') throw agentLookup.reason;
  if (!agentLookup.value)
    throw new OneNumberError('UNKNOWN_AGENT', `No agent "${agentId}" in org "${org}".`, { field: 'agent' });
  const agent = agentLookup.value;
  const number = requireNumber(raw);
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
