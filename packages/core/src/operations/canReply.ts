// Issue 9: answer before sending whether a reply would be accepted, and why not, so that a UI can
// disable the reply box with an explanation instead of failing after the agent typed.
import { OneNumberError, type ErrorCode } from '../errors';
import { parseInput } from '../validate';
import { checkReply } from './checkReply';
import type { Context } from './context';
import { canReplyInputSchema, type CanReplyInput } from './schemas';

export type CanReplyResult =
  | { ok: true; assigns: boolean }
  | { ok: false; reason: ErrorCode; message: string; templateAllowed: boolean };

/** The refusals canReply answers with; anything else (bad input, unknown agent) still throws. */
const answerable = new Set<ErrorCode>([
  'FORBIDDEN',
  'NOT_CONNECTED',
  'MEMBERSHIP_DISABLED',
  'UNKNOWN_CONVERSATION',
  'ASSIGNMENT_REQUIRED',
  'ASSIGNED_TO_ANOTHER_AGENT',
  'WINDOW_CLOSED',
]);

export async function canReply(ctx: Context, input: CanReplyInput): Promise<CanReplyResult> {
  const target = parseInput(canReplyInputSchema, input);
  try {
    const plan = await checkReply(ctx, target);
    return { ok: true, assigns: plan.assign };
  } catch (error) {
    if (!OneNumberError.isInstance(error) || !answerable.has(error.code)) throw error;
    return { ok: false, reason: error.code, message: error.message, templateAllowed: error.code === 'WINDOW_CLOSED' };
  }
}
