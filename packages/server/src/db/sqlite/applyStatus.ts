// R17: a delivery report (or the outbox giving up) moves a reply's status forward only, and
// tells every active member; used by updateStatus and by outbox.fail, inside their transaction.
import { advanceStatus, type MessageError, type MessageStatus } from '@onenumber/core';
import { changeDrafts } from '../shared/eventDrafts';
import { toJson, type MessageRow } from '../shared/rows';
import { activeServices, placeOf } from './channels';
import type { Emit } from './connection';
import type { Statements } from './sql';

export function applyStatus(
  sql: Statements, emit: Emit, message: MessageRow, report: Exclude<MessageStatus, 'received' | 'sent'>, error: MessageError | null, at: string,
): { status: MessageStatus; changed: boolean } {
  const next = advanceStatus(message.status, report);
  if (next === message.status) return { status: next, changed: false };
  const stored = next === 'failed' ? error : null;
  sql.setStatus.run(next, stored === null ? null : toJson(stored), message.id);
  const channel = sql.channelById.get(message.channel)!;
  emit(changeDrafts(placeOf(channel, at), activeServices(sql, channel.id), {
    type: 'statusChanged', conversation: message.conversation, message: message.id, status: next, error: stored,
  }));
  return { status: next, changed: true };
}
