// R20, R36, R37: what the WhatsApp routes answer: GET /v1/admin/whatsapp's report (what is on, the
// webhook's counters as @onenumber/whatsapp keeps them; never a secret), the resume result, and
// a stored webhook delivery. The report is parsed with its schema before it is sent, so a field
// the schema does not name cannot reach the client.
import { z } from 'zod';
import { named } from '../schemas/named';

const count = z.number().int().min(0);

export const webhookCountersSchema = z.object({
  accepted: count,
  unauthorized: count,
  invalid: count,
  failed: count,
  /** R29: deliveries parked (once per number they name), replayed, expired, and refused with 503 (the park full). */
  parked: z.object({ parked: count, routed: count, expired: count, full: count }),
  challenges: count,
  challengesRefused: count,
  messages: z.object({ received: count, duplicates: count, unroutable: count }),
  statuses: z.object({ applied: count, unchanged: count, unknown: count, ignored: count }),
  /** R37 unattributed senders, messages refused for good (counted, the delivery still 200), R36 cut raws, WhatsApp's errors. */
  notes: z.object({ unattributed: count, rejected: count, rawOmitted: count, errors: count }),
  /** Changes of fields other than `messages`, acknowledged, by field (account_update, smb_message_echoes, ...). */
  fields: z.record(z.string(), count),
  /** The code of the last failure (no message: it could quote input). */
  lastFailure: z.string().nullable(),
});

const workerCountersSchema = z.object({
  claimed: count,
  sent: count,
  retried: count,
  failed: count,
  windowClosed: count,
  authErrors: count,
  repeatsSuspected: count,
  unrecorded: count,
  leaseLapsed: count,
  recordErrors: count,
  claimErrors: count,
});

/** Why sending is paused (a 190 token error), or null. */
const pausedSchema = z.enum(['auth']).nullable();

export const whatsAppReportSchema = named(
  'WhatsAppReport',
  z.object({
    webhook: z.union([
      webhookCountersSchema.extend({ on: z.literal(true), path: z.string() }),
      z.object({ on: z.literal(false), why: z.string().nullable() }),
    ]),
    sender: z.union([
      z.object({
        on: z.literal(true),
        running: z.boolean(),
        transport: z.string(),
        graphUrl: z.string().nullable(),
        apiVersion: z.string().nullable(),
        rate: count,
        rates: z.record(z.string(), count),
        paused: pausedSchema,
        counters: workerCountersSchema,
        /** Replies held per number and service, waiting for the rate budget. */
        queued: z.record(z.string(), z.record(z.string(), count)),
        /** R39: read receipts handed to WhatsApp (each inbound message's at most once), and those that failed. */
        receipts: z.object({ sent: count, failed: count }),
      }),
      z.object({ on: z.literal(false), why: z.string() }),
    ]),
  }),
);

export const whatsAppResumedSchema = named('WhatsAppResumed', z.object({ paused: pausedSchema }));

export const webhookAcceptedSchema = named(
  'WebhookAccepted',
  z.object({ ok: z.literal(true), messages: count, statuses: count }),
  'Stored: how many messages and statuses the delivery carried',
);

/** R29: GET /v1/admin/whatsapp/parked: the parked deliveries in arrival order (never their bytes). */
export const parkedListSchema = named(
  'ParkedDeliveries',
  z.object({
    deliveries: z.array(
      z.object({
        seq: count,
        phoneNumberId: z.string(),
        bytes: count,
        arrivedAt: z.string(),
        /** When it is removed unrouted, if its number is still not connected by then. */
        expiresAt: z.string(),
      }),
    ),
    /** All parked deliveries, and their bytes (the listing stops at `limit`). */
    count,
    bytes: count,
    maxBytes: count,
    ttlMs: count,
  }),
  'Deliveries for numbers no org owns yet, kept until their number is registered and connected (R29)',
);

export const parkedQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }).strict();
