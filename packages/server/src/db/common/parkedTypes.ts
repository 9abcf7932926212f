// R29: the server's parked webhook deliveries as the HTTP layer sees them: @onenumber/whatsapp's
// ParkedStore (what the webhook parks and replays), and a listing that never carries the bytes.
import type { ParkedStore } from '@onenumber/whatsapp';

export interface ParkedSummary {
  seq: number;
  phoneNumberId: string;
  bytes: number;
  /** When it arrived (ISO). */
  arrivedAt: string;
}

export interface ParkedDeliveries extends ParkedStore {
  /** The parked deliveries in arrival order (never their bytes), and the totals. */
  list(limit: number): Promise<{ deliveries: ParkedSummary[]; count: number; bytes: number }>;
}
