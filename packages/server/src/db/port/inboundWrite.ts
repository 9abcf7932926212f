// Issue 17: one inbound message's rows, planned from kept facts (stores/inboundOneWrite.ts), as
// a dialect writes them at once: dedupe by (number, provider id), the conversations' 24-hour
// window, one message per channel, the events, the wake-up of every replica; all of it only if
// the number's facts still have the version they were planned on.
import type { EventDraft } from '@onenumber/core/storage-kit';
import type { MessageRow } from '../common/rows';

export interface InboundWrite {
  number: string;
  customer: string;
  providerId: string | null;
  at: string;
  /** The version of the number's facts the rows were planned on. */
  facts: number;
  conversations: readonly string[];
  messages: readonly MessageRow[];
  drafts: readonly EventDraft[];
}

/** stale: the facts changed since they were read (nothing written: read them again, plan again). */
export type InboundWriteResult = 'stored' | 'duplicate' | 'stale';

/** A dialect that writes a planned inbound message at once (PostgreSQL: one round trip). */
export interface InboundWriter {
  inboundWrite(write: InboundWrite): Promise<InboundWriteResult>;
}
