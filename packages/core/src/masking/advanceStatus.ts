// R17, R38: a delivery status only moves forward, pending < sent < delivered < read, whatever
// order reports arrive in; failed can replace any of them but read; nothing moves a status back.
import type { MessageStatus } from './message';

const rank: Record<string, number> = { pending: 0, sent: 1, delivered: 2, read: 3 };

/** The status after a report arrives; equal to `current` when the report changes nothing. */
export function advanceStatus(current: MessageStatus, report: MessageStatus): MessageStatus {
  if (current === 'received' || report === 'received') return current; // inbound has no delivery status
  if (current === 'failed') return current;
  if (report === 'failed') return current === 'read' ? current : 'failed';
  return rank[report]! > rank[current]! ? report : current;
}
