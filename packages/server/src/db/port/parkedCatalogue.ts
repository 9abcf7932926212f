// Statements on parked webhook deliveries (R29): the raw bytes of a delivery for a number no org
// owns yet, in arrival order, until their number is connected, they expire, or the park is full.
import type { Statement } from './statement';

export interface ParkedRow {
  seq: number;
  phone_number_id: string;
  size: number;
  arrived_at: number;
}

export interface ParkedCatalogue {
  /** Parks the bytes unless the total kept would pass maxBytes (then no row is written). */
  parkDelivery: Statement<[phoneNumberId: string, body: Uint8Array, size: number, arrivedAt: number, maxBytes: number]>;
  /** The phone_number_ids that have parked deliveries. */
  parkedNumbers: Statement<[], { phone_number_id: string }>;
  /** A phone_number_id's oldest parked deliveries, in arrival order. */
  oldestParked: Statement<[phoneNumberId: string, limit: number], { seq: number; body: Uint8Array }>;
  removeParked: Statement<[seq: number]>;
  /** Removes what arrived before a time (ms since the epoch). */
  expireParked: Statement<[before: number]>;
  /** The parked deliveries in arrival order (no bytes), up to a limit. */
  listParked: Statement<[limit: number], ParkedRow>;
  parkedTotal: Statement<[], { count: number; bytes: number }>;
}
