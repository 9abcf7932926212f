// Issue 9, R10..R13: what would change if a service disabled or removed its membership, without
// changing anything: who would become parent, who would stay, whether the channel would close.
import type { Member } from '../election/electParent';
import { OneNumberError } from '../errors';
import { parseInput } from '../validate';
import { requireNumber, requireOrg, type Context } from './context';
import { previewLeaveInputSchema, type PreviewLeaveInput } from './schemas';

export interface LeavePreview {
  service: string;
  action: 'disable' | 'remove';
  /** False when the action would change nothing (R10: disabling a disabled membership). */
  changes: boolean;
  parentBefore: string | null;
  parentAfter: string | null;
  /** The active members afterwards, parent first (R14). */
  membersAfter: Member[];
  /** R13: nobody would be active; inbound messages would be stored but undelivered. */
  closes: boolean;
}

export async function previewLeave(ctx: Context, input: PreviewLeaveInput): Promise<LeavePreview> {
  const { org, service, number: raw, action } = parseInput(previewLeaveInputSchema, input);
  await requireOrg(ctx, org);
  const number = requireNumber(raw);
  const membership = await ctx.storage.findMembership({ org, number, service });
  if (!membership) throw new OneNumberError('NOT_CONNECTED', `${service} is not connected to ${number}.`);
  const info = (await ctx.storage.channelInfo({ org, number, service }))!;
  const active = membership.state === 'active';
  // Members are listed parent first, then by creation order; without the leaver, the earliest
  // remaining one is the next parent when the leaver was parent (R11).
  const rest = info.members.filter((m) => m.service !== service);
  const parentAfter = !active || info.parent !== service ? info.parent : (rest[0]?.service ?? null);
  const membersAfter = rest.map((m) => ({
    service: m.service,
    role: m.service === parentAfter ? ('parent' as const) : ('child' as const),
  }));
  return {
    service,
    action,
    changes: active || action === 'remove',
    parentBefore: info.parent,
    parentAfter,
    membersAfter,
    closes: membersAfter.length === 0,
  };
}
