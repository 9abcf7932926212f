// Where the server's messages go (R38, R39): whether a sender sends its replies (then they are
// stored `pending` until WhatsApp accepts them), and where read receipts are handed to it.
import type { ReplyRoute } from '@onenumber/core/storage-kit';

/** A read receipt to send: from the business number, for the customer's message (its wamid). */
export interface ReadReceipt {
  number: string;
  providerId: string;
  typing: boolean;
}

export interface SendRoute extends ReplyRoute {
  receipt?: ((receipt: ReadReceipt) => void) | undefined;
}
