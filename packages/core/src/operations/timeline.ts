// Issue 9: the audit timeline of a channel, readable by its parent service (R9: the parent
// manages the channel). Admins read it through the server. It never holds message text (R20).
import { OneNumberError } from '../errors';
import type { TimelineEntry } from '../storage/timeline';
import { parseInput } from '../validate';
import { requireActiveMembership, requireNumber, requireOrg, type Context } from './context';
import { timelineInputSchema, type TimelineInput } from './schemas';

export async function timeline(
  ctx: Context,
  input: TimelineInput,
): Promise<{ entries: TimelineEntry[]; next: string | null }> {
  const { org, service, number: raw, after, limit = 100 } = parseInput(timelineInputSchema, input);
  if (!ctx.storage.timeline)
    throw new OneNumberError('NOT_SUPPORTED', `The ${ctx.storage.name} storage keeps no timeline.`);
  await requireOrg(ctx, org);
  const number = requireNumber(raw);
  const membership = await requireActiveMembership(ctx, org, number, service);
  if (membership.role !== 'parent')
    throw new OneNumberError('NOT_PARENT', 'Only the parent service (or an admin) may read the channel timeline.');
  const entries = await ctx.storage.timeline({ org, channel: membership.channel, service, after, limit }); // R33: as the parent reads it
  return { entries, next: entries.length === limit ? entries.at(-1)!.id : null };
}
