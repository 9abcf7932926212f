// R13, R15..R20, R24: inbound delivery, replies, views and delivery reports.
import type { Notice } from '../assignment/notice';
import type { MessageView } from '../masking/message';
import type { MessageStatus } from '../masking/message';
import { storedReplyMedia } from '../messages/replyMedia';
import { parseInput } from '../validate';
import { checkReply } from './checkReply';
import { requireActingMember, requireDecision, requireNumber, withRetry, type Context } from './context';
import {
  receiveInputSchema,
  replyInputSchema,
  updateStatusInputSchema,
  viewInputSchema,
  type ReceiveInput,
  type ReplyInput,
  type UpdateStatusInput,
  type ViewInput,
} from './schemas';

export interface ReceiveResult {
  org: string;
  /** The customer's conversation in the shared channel; null when the number has only isolated channels. */
  conversation: string | null;
  /** Services that received it, alphabetical (R15). */
  deliveredTo: string[];
  /** Stored, but no active membership received it (R13). */
  undelivered: boolean;
  duplicate: boolean;
}

export async function receive(ctx: Context, input: ReceiveInput): Promise<ReceiveResult> {
  const parsed = parseInput(receiveInputSchema, input);
  const number = requireNumber(parsed.number);
  const outcome = await ctx.storage.receive({
    number,
    customer: parsed.customer,
    providerId: parsed.id ?? null,
    type: parsed.type,
    text: parsed.text ?? null,
    raw: parsed.raw ?? null,
    at: parsed.at ?? ctx.now(),
  });
  const deliveredTo = [...new Set(outcome.deliveries.flatMap((d) => d.services))].sort();
  return {
    org: outcome.org,
    conversation: outcome.deliveries.find((d) => d.mode === 'shared')?.conversation ?? null,
    deliveredTo,
    undelivered: !outcome.duplicate && deliveredTo.length === 0,
    duplicate: outcome.duplicate,
  };
}

export async function reply(ctx: Context, input: ReplyInput): Promise<{ message: string; conversation: string }> {
  const { text, media, ...target } = parseInput(replyInputSchema, input);
  const content = media ? storedReplyMedia(media) : { type: 'text', text: text!, raw: null };
  return withRetry(async () => {
    const { agent, membership, decision, assign } = await checkReply(ctx, target);
    const { message } = await ctx.storage.appendReply({
      org: target.org,
      channel: membership.channel,
      conversation: decision.conversation,
      expectedVersion: decision.version,
      service: target.service,
      agent: agent.id,
      agentName: agent.name,
      ...content,
      assign,
      at: ctx.now(),
    });
    return { message, conversation: decision.conversation };
  });
}

export interface ViewResult {
  channel: string;
  conversation: string;
  /** The whole history, oldest first, masked per R17/R18 for the viewing service (R19). */
  messages: MessageView[];
  /** The agent assigned in the viewing service (R21). */
  assignee: string | null;
  notice: Notice | null;
}

export async function view(ctx: Context, input: ViewInput): Promise<ViewResult> {
  const { org, service, agent: agentId, number: raw, customer } = parseInput(viewInputSchema, input);
  const { agent, membership } = await requireActingMember(ctx, org, agentId, raw, service);
  const channel = membership.channel;
  // R22, R33: the storage decides the notice where the facts are, for this agent.
  const decision = await requireDecision(ctx, { org, channel, customer, service, agent: agent.id });
  const messages = await ctx.storage.view({ org, channel, conversation: decision.conversation, service });
  return {
    channel,
    conversation: decision.conversation,
    messages,
    assignee: decision.assignee,
    notice: decision.notice,
  };
}

export async function updateStatus(
  ctx: Context,
  input: UpdateStatusInput,
): Promise<{ ok: true; status: MessageStatus; changed: boolean }> {
  const { org, message, status, error } = parseInput(updateStatusInputSchema, input);
  const result = await ctx.storage.updateStatus({ org, message, status, error: error ?? null, at: ctx.now() });
  return { ok: true, ...result };
}
