// R17, R32, written once for every dialect: a delivery report (or the outbox giving up) moves a
// reply's status forward only, tells every active member and records it on the timeline (core's
// decideStatus and statusEffects). The message row is re-read under its lock, so two reports
// racing on two replicas never both move the status from the same value.
import type { MessageError, MessageStatus, MessageView } from '@onenumber/core';
import {
  decideStatus,
  statusEffects,
  unknownMessage,
  type ReportedStatus,
  type StatusRecord,
} from '@onenumber/core/storage-kit';
import { guarded } from '../common/errors';
import { toJson, type MessageRow } from '../common/rows';
import type { Runner } from '../port/runner';
import { all, announce, conversationLane, one, order, record, run, type Steps } from '../port/steps';
import { placeOf } from './facts';

/** Orders the write in the message's conversation lane (before its first write; unknown: nothing to order). */
export function* orderMessage(id: string): Steps<void> {
  const lane = yield* one('laneOfMessage', id);
  if (lane) yield* order(conversationLane(lane.number, lane.customer));
}

/** Applies a report to a stored message, inside the caller's write (ordered by it, orderMessage) (updateStatus, outbox.complete and fail). */
export function* applyStatus(
  found: MessageRow,
  report: ReportedStatus,
  error: MessageError | null,
  at: string,
): Steps<{ status: MessageStatus; changed: boolean }> {
  const channel = (yield* one('channelById', found.channel))!;
  yield* one('shareNumber', channel.number);
  const message = (yield* one('lockMessage', found.id))!;
  const decision = decideStatus({ current: message.status, report, error });
  if (!decision.changed) return { status: decision.status, changed: false };
  yield* run('setStatus', decision.status, decision.error === null ? null : toJson(decision.error), message.id);
  const effects = statusEffects({
    place: placeOf(channel, at),
    message,
    decision,
    memberships: yield* all('membershipsOfChannel', channel.id),
  });
  yield* announce([effects.announcement]);
  yield* record(channel.org, [effects.timeline]);
  return { status: decision.status, changed: true };
}

function* updateStatus(input: StatusRecord): Steps<{ status: MessageView['status']; changed: boolean }> {
  const message = yield* one('messageById', input.message, input.org);
  if (!message) throw unknownMessage(input.message);
  yield* orderMessage(message.id);
  return yield* applyStatus(message, input.status, input.error, input.at);
}

export function statusStore(db: Runner) {
  return {
    updateStatus: (input: StatusRecord): Promise<{ status: MessageView['status']; changed: boolean }> =>
      guarded(() => db.write(() => updateStatus(input))),
  };
}
