// R39: a read receipt the storage claimed (once per inbound message) goes to WhatsApp through the
// sender's transport, from the number's registered phone_number_id, with a typing indicator when
// the agent asked. Best effort: a receipt that fails is counted, never retried (a repeat could
// not hurt, but "at most once" is the rule), and never blocks the markRead that caused it.
import type { ReadReceipt, ServerDatabase } from '../../db/ServerDatabase';
import type { Sender } from './sender';

export interface ReceiptCounters {
  sent: number;
  failed: number;
}

export function readReceipts(db: ServerDatabase, sender: Sender) {
  const counters: ReceiptCounters = { sent: 0, failed: 0 };
  const pending = new Set<Promise<void>>();
  async function send(receipt: ReadReceipt): Promise<void> {
    const markRead = sender.client.markRead;
    if (!markRead) return void counters.failed++; // this transport has no read receipts
    try {
      const from = await db.directory.phoneNumberIdOf(receipt.number);
      if (!from) return void counters.failed++;
      await markRead.call(sender.client, { from, messageId: receipt.providerId, typing: receipt.typing });
      counters.sent++;
    } catch {
      counters.failed++;
    }
  }
  return {
    counters,
    /** Hands a receipt to the transport; returns at once. */
    send(receipt: ReadReceipt): void {
      const task = send(receipt).finally(() => pending.delete(task));
      pending.add(task);
    },
    /** Waits for the receipts under way (shutdown). */
    settle: () => Promise.allSettled([...pending]).then(() => undefined),
  };
}
