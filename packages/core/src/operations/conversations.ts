// Issue 21: a channel's conversations for one service (an active member, R25), newest activity
// first: customer, last message projected for the service (R17, R18, R20), its own assignee (R21,
// R33) and its unread count (R39). The storage projects; this checks the caller and pages.
import { OneNumberError } from '../errors';
import type { ConversationPage } from '../storage/records';
import { parseInput } from '../validate';
import { requireActiveMembership, requireNumber, requireOrg, type Context } from './context';
import { conversationsInputSchema, type ConversationsInput } from './schemas';

export async function conversations(ctx: Context, input: ConversationsInput): Promise<ConversationPage> {
  const { org, service, number: raw, after, limit = 50 } = parseInput(conversationsInputSchema, input);
  if (!ctx.storage.conversations)
    throw new OneNumberError('NOT_SUPPORTED', `The ${ctx.storage.name} storage cannot list conversations.`);
  await requireOrg(ctx, org);
  const number = requireNumber(raw);
  const membership = await requireActiveMembership(ctx, org, number, service);
  return ctx.storage.conversations({ org, channel: membership.channel, service, after, limit });
}
