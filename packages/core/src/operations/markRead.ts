// R39: an agent of an active member service (R25) has read the conversation. The storage moves
// that service's read marker (what its unread count is measured from) and sends WhatsApp's read
// receipt at most once per inbound message where a transport does; nobody is assigned, and
// `view` stays a read that changes nothing.
import { OneNumberError } from '../errors';
import { parseInput } from '../validate';
import { requireActingMember, type Context } from './context';
import { markReadInputSchema, type MarkReadInput } from './schemas';

export interface MarkReadResult {
  ok: true;
  conversation: string;
  /** Whether the service's read marker moved (false: it had read up to the last message already). */
  moved: boolean;
  /** Whether a read receipt went out to WhatsApp now (once per inbound message, where a sender is configured). */
  receipt: boolean;
}

export async function markRead(ctx: Context, input: MarkReadInput): Promise<MarkReadResult> {
  const { org, service, agent, number, customer, typing } = parseInput(markReadInputSchema, input);
  if (!ctx.storage.markRead)
    throw new OneNumberError('NOT_SUPPORTED', `The ${ctx.storage.name} storage keeps no read markers.`);
  const { agent: reader, membership } = await requireActingMember(ctx, org, agent, number, service);
  const channel = membership.channel;
  const conversation = await ctx.storage.conversation({ org, channel, customer });
  if (!conversation)
    throw new OneNumberError(
      'UNKNOWN_CONVERSATION',
      `No conversation with ${customer} in this channel yet: it starts with the customer's first message.`,
      { field: 'customer' },
    );
  const outcome = await ctx.storage.markRead({
    org,
    channel,
    conversation: conversation.id,
    service,
    agent: reader.id,
    typing,
    at: ctx.now(),
  });
  return { ok: true, conversation: conversation.id, moved: outcome.moved, receipt: outcome.receipt !== null };
}
