// Statements on read markers and read receipts (R39). A marker and a receipt only move forward:
// each write is an upsert that changes nothing (and answers no row) when it would move back, so
// two replicas marking at once never send one inbound message's receipt twice.
import type { StoredMessage } from '@onenumber/core/storage-kit';
import type { Statement } from './statement';

export interface ReadCatalogue {
  /** The service's read marker: the place (pos) of the last message it read. */
  readMarkerOf: Statement<[conversation: string, service: string], { pos: number }>;
  /** Moves the marker forward to `pos`; answers a row only when it moved. */
  moveReadMarker: Statement<[conversation: string, service: string, pos: number, at: string], { pos: number }>;
  /** The conversation's last message, either direction. */
  lastMessageOf: Statement<[conversation: string], { id: string; pos: number }>;
  /** The conversation's last inbound message, with the provider's id. */
  lastInboundOf: Statement<[conversation: string], { id: string; pos: number; provider_id: string | null }>;
  /** The place of the last inbound message a read receipt went out for. */
  receiptOf: Statement<[conversation: string], { pos: number }>;
  /** Issue 21: the channel's conversations with a message, and the time of the last one. */
  conversationsOfChannel: Statement<[channel: string], { id: string; customer: string; last_at: string }>;
  /** The conversation's last message, decoded (R36: defensively). */
  lastStoredOf: Statement<[conversation: string], StoredMessage>;
  /** R39: the customer's messages after a place (-1: all of them). */
  unreadAfter: Statement<[conversation: string, pos: number], { count: number }>;
  /** Claims the receipt of the inbound message at `pos`; answers a row only for the first claim. */
  claimReceipt: Statement<[conversation: string, pos: number, at: string], { pos: number }>;
}
