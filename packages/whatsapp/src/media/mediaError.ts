// R27: why an inbound message's file could not be served, typed. The code decides the HTTP status
// (NOT_FOUND 404, NOT_SUPPORTED 501, STORAGE_UNAVAILABLE 503), `reason` says which case it is.
// Never the access token, the lookaside URL or WhatsApp's own message text: a service reads it.
import { OneNumberError, type ErrorCode } from '@onenumber/core';

export type MediaErrorReason =
  /** The message has no file (a text, a location...). */
  | 'no-media'
  /** WhatsApp no longer has the file (media are kept about 30 days), or never had that id. */
  | 'gone'
  /** WhatsApp's download URL stayed refused after a fresh look-up. */
  | 'expired'
  /** Larger than Meta documents for its kind (or than WhatsApp said). */
  | 'too-large'
  /** WhatsApp refused the server's access token (190): an admin refreshes WHATSAPP_ACCESS_TOKEN. */
  | 'token'
  /** WhatsApp could not be reached, or answered something else. */
  | 'unavailable'
  /** The server has no access token: it cannot fetch media. */
  | 'off';

const codeOf: Record<MediaErrorReason, ErrorCode> = {
  'no-media': 'NOT_FOUND',
  gone: 'NOT_FOUND',
  expired: 'NOT_FOUND',
  'too-large': 'NOT_SUPPORTED',
  token: 'STORAGE_UNAVAILABLE',
  unavailable: 'STORAGE_UNAVAILABLE',
  off: 'NOT_SUPPORTED',
};

const messages: Record<MediaErrorReason, string> = {
  'no-media': 'This message has no file.',
  gone: 'WhatsApp no longer has this file (media are kept about 30 days).',
  expired: "WhatsApp's download link for this file stayed refused; try again later.",
  'too-large': 'The file is larger than WhatsApp allows for its kind.',
  token: "WhatsApp refused the server's access token: an admin must refresh WHATSAPP_ACCESS_TOKEN.",
  unavailable: 'WhatsApp could not be reached for this file; try again.',
  off: 'This server has no WhatsApp access token (WHATSAPP_ACCESS_TOKEN): it cannot fetch media.',
};

export class WhatsAppMediaError extends OneNumberError {
  readonly reason: MediaErrorReason;
  constructor(reason: MediaErrorReason, details: Record<string, unknown> = {}) {
    super(codeOf[reason], messages[reason], { details: { reason, ...details } });
    this.name = 'WhatsAppMediaError';
    this.reason = reason;
  }
}
