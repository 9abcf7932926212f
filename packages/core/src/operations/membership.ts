// R3..R11, R13, R14, R28: connecting a number, leaving and rejoining, listing, configuring.
import { decideEligibility, subscriptionOf } from '../eligibility/decideEligibility';
import type { Mode, Reason } from '../eligibility/catalogue';
import type { Member } from '../election/electParent';
import { OneNumberError } from '../errors';
import type { ChannelSettings } from '../channel/settings';
import type { MembershipAction } from '../storage/records';
import { parseInput } from '../validate';
import { requireActiveMembership, requireNumber, requireOrg, type Context } from './context';
import {
  configureInputSchema,
  connectInputSchema,
  membersInputSchema,
  membershipInputSchema,
  type ConfigureInput,
  type ConnectInput,
  type MembersInput,
  type MembershipInput,
} from './schemas';

export interface ConnectResult {
  channel: string;
  mode: Mode;
  role: Member['role'];
  /** R4: why the service shares or is isolated, to show a user. */
  reason: Reason;
}

export async function connect(ctx: Context, input: ConnectInput): Promise<ConnectResult> {
  const { org, service, number: raw } = parseInput(connectInputSchema, input);
  const entry = await requireOrg(ctx, org);
  const number = requireNumber(raw);
  const facts = await ctx.directory.number(number);
  if (!facts?.verified)
    throw new OneNumberError(
      'NUMBER_NOT_VERIFIED',
      `${number} is not verified. Verify it with WhatsApp, then connect again.`,
    );
  const { mode, reason } = decideEligibility({
    plan: entry.plan,
    service,
    subscription: subscriptionOf(entry.plan, service, entry.services),
  });
  const outcome = await ctx.storage.connect({
    org,
    number,
    service,
    mode,
    reason,
    at: ctx.now(),
  });
  return { channel: outcome.channel, mode: outcome.mode, role: outcome.role, reason };
}

export interface MembershipResult {
  channel: string;
  /** The active members afterwards, parent first (R14). */
  members: Member[];
  parentChange: { from: string | null; to: string | null } | null;
}

export async function changeMembership(
  ctx: Context,
  action: MembershipAction,
  input: MembershipInput,
): Promise<MembershipResult> {
  const { org, service, number: raw } = parseInput(membershipInputSchema, input);
  await requireOrg(ctx, org);
  const number = requireNumber(raw);
  const outcome = await ctx.storage.changeMembership({ org, number, service, action, at: ctx.now() });
  return { channel: outcome.channel, members: outcome.members, parentChange: outcome.parentChange };
}

/** The service's own membership on a number: its channel, state and role (R8..R11). */
export interface MembershipState {
  channel: string;
  mode: Mode;
  state: 'active' | 'disabled';
  role: Member['role'];
}

/** R8..R11: the service's own membership on the number (shared or isolated), or null: no other service's. */
export async function membership(ctx: Context, input: MembershipInput): Promise<MembershipState | null> {
  const { org, service, number: raw } = parseInput(membershipInputSchema, input);
  await requireOrg(ctx, org);
  const found = await ctx.storage.findMembership({ org, number: requireNumber(raw), service });
  return found && { channel: found.channel, mode: found.mode, state: found.state, role: found.role };
}

export interface MembersResult {
  channel: string;
  status: 'active' | 'closed';
  parent: string | null;
  members: Member[];
  settings: ChannelSettings;
}

export async function members(ctx: Context, input: MembersInput): Promise<MembersResult> {
  const { org, number: raw, service } = parseInput(membersInputSchema, input);
  await requireOrg(ctx, org);
  const number = requireNumber(raw);
  const info = await ctx.storage.channelInfo({ org, number, service });
  if (!info) {
    throw new OneNumberError(
      'NOT_CONNECTED',
      service ? `${service} is not connected to ${number}.` : `${number} has no shared channel in org "${org}".`,
    );
  }
  return {
    channel: info.channel,
    status: info.status,
    parent: info.parent,
    members: info.members,
    settings: info.settings,
  };
}

export async function configure(ctx: Context, input: ConfigureInput): Promise<{ ok: true; settings: ChannelSettings }> {
  const { org, service, number: raw, settings } = parseInput(configureInputSchema, input);
  await requireOrg(ctx, org);
  const number = requireNumber(raw);
  const membership = await requireActiveMembership(ctx, org, number, service);
  const stored = await ctx.storage.configure({ org, channel: membership.channel, service, settings });
  return { ok: true, settings: stored };
}
