// R17, R32: a delivery report (or the outbox giving up) moves a reply's status forward only, tells
// every active member and records it on the timeline; used by updateStatus and by outbox.fail,
// inside their transaction. The message row is re-read under its lock, so two reports racing on
// two replicas never both move the status from the same value.
import { advanceStatus, timelineDraft, type MessageError, type MessageStatus } from '@onenumber/core';
import { changeDrafts } from '../common/eventDrafts';
import { placeOf, toJson, type MessageRow } from '../common/rows';
import { activeMembers, shareNumber } from './channels';
import type { PgTx } from './connection';
import { sql } from './sql';

export async function applyStatus(
  tx: PgTx,
  found: MessageRow,
  report: Exclude<MessageStatus, 'received' | 'sent'>,
  error: MessageError | null,
  at: string,
): Promise<{ status: MessageStatus; changed: boolean }> {
  const channel = (await sql.channelById.get(tx.client, found.channel))!;
  await shareNumber(tx.client, channel.number);
  const message = (await sql.lockMessage.get(tx.client, found.id))!;
  const next = advanceStatus(message.status, report);
  if (next === message.status) return { status: next, changed: false };
  const stored = next === 'failed' ? error : null;
  await sql.setStatus.run(tx.client, next, stored === null ? null : toJson(stored), message.id);
  tx.emit(
    changeDrafts(placeOf(channel, at), (await activeMembers(tx.client, channel.id)).services, {
      type: 'statusChanged',
      conversation: message.conversation,
      message: message.id,
      status: next,
      error: stored,
      sender: message.service,
    }),
  );
  tx.record(channel.org, [
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
