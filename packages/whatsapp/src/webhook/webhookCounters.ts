// R15, R17, R36, R37: the webhook's counters, one type for the handler and for whoever mounts it
// (the server's GET /v1/admin/whatsapp reports them as they are). An ingest report has the same
// nested shape as the counting part, so it is added in by one generic walk, not field by field.

export interface MessageCounts {
  /** Stored (delivered to the members, R15). */
  received: number;
  /** Already stored: a redelivery (dedupe on the wamid, R15). */
  duplicates: number;
  /** For a phone_number_id nobody registered (rejected: 500, or skipped). */
  unroutable: number;
}

export interface StatusCounts {
  /** Moved a reply forward (R17). */
  applied: number;
  /** Changed nothing (`sent`, or behind the stored status). */
  unchanged: number;
  /** For a wamid that is not a reply we know. */
  unknown: number;
  /** Of a kind OneNumber does not track. */
  ignored: number;
}

export interface NoteCounts {
  /** R37: messages with no sender id at all, stored under the customer `unattributed`. */
  unattributed: number;
  /** Messages or statuses refused for good (INVALID_INPUT, e.g. a lone surrogate in an id): counted, the delivery still 200. */
  rejected: number;
  /** R36: messages stored with their raw object cut to its top-level fields. */
  rawOmitted: number;
  /** Value-level errors WhatsApp reported in deliveries. */
  errors: number;
}

/** R29: deliveries for a number no org owns yet. */
export interface ParkedCounts {
  /** Parked (acknowledged 200), once per phone_number_id they name. */
  parked: number;
  /** Replayed once their number was registered and connected. */
  routed: number;
  /** Removed unrouted after their time. */
  expired: number;
  /** Refused with 503: parking them would pass the total size allowed. */
  full: number;
}

/** What one delivery's ingest stored: added into the counters as it is. */
export interface IngestReport {
  messages: MessageCounts;
  statuses: StatusCounts;
  notes: NoteCounts;
}

export interface WebhookCounters extends IngestReport {
  /** Deliveries answered 200. */
  accepted: number;
  /** 401: missing or wrong signature. */
  unauthorized: number;
  /** 400 or 413: signed, but not a delivery we can read. */
  invalid: number;
  /** 500: storing failed (or the phone_number_id is not registered yet and nothing parks); WhatsApp delivers again. */
  failed: number;
  /** R29: parked deliveries (when the webhook parks). */
  parked: ParkedCounts;
  /** GET challenges answered 200, and refused (403). */
  challenges: number;
  challengesRefused: number;
  /** Changes of fields other than `messages` (account_update, smb_message_echoes, calls, ...): acknowledged, counted by field. */
  fields: Record<string, number>;
  /** The code of the last failure (never a message: it could quote input). */
  lastFailure: string | null;
}

export const emptyIngestReport = (): IngestReport => ({
  messages: { received: 0, duplicates: 0, unroutable: 0 },
  statuses: { applied: 0, unchanged: 0, unknown: 0, ignored: 0 },
  notes: { unattributed: 0, rejected: 0, rawOmitted: 0, errors: 0 },
});

export const emptyWebhookCounters = (): WebhookCounters => ({
  accepted: 0,
  unauthorized: 0,
  invalid: 0,
  failed: 0,
  parked: { parked: 0, routed: 0, expired: 0, full: 0 },
  challenges: 0,
  challengesRefused: 0,
  ...emptyIngestReport(),
  fields: {},
  lastFailure: null,
});

/** At most this many field names are counted apart; the rest under `(other)` (a signed sender could invent many). */
const fieldNames = 32;

export function countField(counters: Pick<WebhookCounters, 'fields'>, field: string): void {
  const { fields } = counters;
  const named = /^[a-z][a-z0-9_]{0,63}$/.test(field) && field !== '__proto__' && field !== 'constructor';
  const known = Object.hasOwn(fields, field);
  const key = named && (known || Object.keys(fields).length < fieldNames) ? field : '(other)';
  fields[key] = (fields[key] ?? 0) + 1;
}

/** Adds every number of `report` into the same place of `into` (objects walked, anything else left). */
export function addCounts(into: object, report: unknown): void {
  if (report === null || typeof report !== 'object') return;
  const target = into as Record<string, unknown>;
  for (const [key, value] of Object.entries(report)) {
    if (typeof value === 'number' && typeof target[key] === 'number') target[key] = (target[key] as number) + value;
    else if (value !== null && typeof value === 'object' && target[key] !== null && typeof target[key] === 'object')
      addCounts(target[key] as object, value);
  }
}
