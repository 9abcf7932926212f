// R17, R32: a delivery report (or the outbox giving up) moves a reply's status forward only, tells
// every active member and records it on the timeline; used by updateStatus and by outbox.fail,
// inside their transaction.
import { advanceStatus, timelineDraft, type MessageError, type MessageStatus } from '@onenumber/core';
import { changeDrafts } from '../common/eventDrafts';
import { toJson, type MessageRow } from '../common/rows';
import { activeServices, placeOf } from './channels';
import type { Emit, SqliteHandle } from './connection';

export function applyStatus(
  h: SqliteHandle,
  emit: Emit,
  message: MessageRow,
  report: Exclude<MessageStatus, 'received' | 'sent'>,
  error: MessageError | null,
  at: string,
): { status: MessageStatus; changed: boolean } {
  const { sql } = h;
  const next = advanceStatus(message.status, report);
  if (next === message.status) return { status: next, changed: false };
  const stored = next === 'failed' ? error : null;
  sql.setStatus.run(next, stored === null ? null : toJson(stored), message.id);
  const channel = sql.channelById.get(message.channel)!;
  emit(
    changeDrafts(placeOf(channel, at), activeServices(sql, channel.id), {
      type: 'statusChanged',
      conversation: message.conversation,
      message: message.id,
      status: next,
      error: stored,
      sender: message.service,
    }),
  );
  h.record(channel.org, [
    timelineDraft({
      channel: channel.id,
      at,
      what: 'status',
      service: message.service,
      message: message.id,
      status: next,
      why: 'provider-report',
    }),
  ]);
  return { status: next, changed: true };
}
