// Writes every message store shares: a message stored with its dialect-made id (R15, R16), and
// one service's assignee set or cleared as core decided (R21).
import type { AssignmentEffects, StoredMessage } from '@onenumber/core/storage-kit';
import { toMessageRow } from '../common/rows';
import { announce, one, record, run, type Steps } from '../port/steps';

/** Stores a message; `pos` is its place in the stored order (history, outbox). */
export function* storeMessage(
  message: Omit<StoredMessage, 'id'>,
  org: string,
): Steps<{ message: StoredMessage; pos: number }> {
  const r = toMessageRow({ ...message, id: '' }, org);
  const { id, pos } = (yield* one(
    'insertMessage',
    org,
    r.channel,
    r.conversation,
    r.direction,
    r.service,
    r.agent,
    r.agent_name,
    r.type,
    r.text,
    r.raw,
    r.status,
    r.error,
    r.provider_id,
    r.at,
  ))!;
  return { message: { ...message, id }, pos };
}

/** R21: one assignee per service; the timeline entry and the event with it. */
export function* assign(org: string, conversation: string, effects: AssignmentEffects): Steps<void> {
  yield* run('deleteAssignment', conversation, effects.service);
  yield* record(org, [effects.timeline]);
  if (effects.agent) yield* run('insertAssignment', conversation, effects.service, effects.agent);
  yield* announce([effects.announcement]);
}
