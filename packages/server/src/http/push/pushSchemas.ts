// R34, R35: the push routes' bodies and answers. A subscription is shown without its secrets; the
// secret appears once, in the answer that created or rotated it. Answers are parsed with these
// schemas (answerParsed), so a field they do not name (a secret) cannot reach a client.
import { channelEventTypes } from '@onenumber/core';
import { idSchema, serviceSchema } from '@onenumber/core/schemas';
import { z } from 'zod';
import { instantSchema, named } from '../schemas/named';

const eventTypeSchema = z.enum(channelEventTypes as [string, ...string[]]);
const cursorSchema = z
  .string()
  .regex(/^\d{1,16}$/, 'an event id (digits), as the event stream gives it')
  .refine((s) => Number.isSafeInteger(Number(s)), 'an event id (digits), as the event stream gives it');

export const createSubscriptionSchema = z
  .object({
    /** The admin names them; a service token may leave them out (they are its own). */
    org: idSchema.optional(),
    service: serviceSchema.optional(),
    /** https (http only to this machine, when the server allows it); never a private address. */
    url: z.string().min(1).max(2048),
    /** Only these event types (absent: every type). */
    types: z.array(eventTypeSchema).min(1).max(channelEventTypes.length).optional(),
  })
  .strict();

/** One hour, as for tokens (R35): long enough to roll the new secret out to every receiver. */
export const defaultSecretGraceSeconds = 3600;

export const rotateSecretSchema = z
  .object({
    /** How long the previous secret keeps signing too, in seconds (0: not at all; at most 7 days). */
    graceSeconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 86_400)
      .default(defaultSecretGraceSeconds),
  })
  .strict();

export const replaySchema = z
  .object({
    /** Every event of the stream after this one (its filter still applies); "0": from the start. */
    after: cursorSchema,
    /** At most this many (default and most: 10,000); continue after the answer's `last`. */
    limit: z.number().int().min(1).max(10_000).default(10_000),
  })
  .strict();

export const redeliverSchema = z.object({ event: cursorSchema }).strict();

export const subscriptionListQuerySchema = z
  .object({ org: idSchema.optional(), service: serviceSchema.optional() })
  .strict();

export const deliveryQuerySchema = z
  .object({
    state: z.enum(['pending', 'delivered', 'dead']).optional(),
    /** A delivery id: the log after it. */
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

export const pushSubscriptionSchema = named(
  'PushSubscription',
  z.object({
    id: z.string(),
    org: z.string(),
    service: z.string(),
    url: z.string(),
    types: z.array(eventTypeSchema).nullable(),
    state: z.enum(['active', 'paused']),
    /** Paused by hand, or because the token that created (or resumed) it was revoked or expired (R35). */
    pausedBecause: z.enum(['paused', 'token-revoked', 'token-expired']).optional(),
    /** The token it is bound to (its id, never its secret); null: the admin. */
    tokenId: z.string().nullable(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    /** After a rotation: until when the previous secret also signs. */
    previousSecretValidUntil: instantSchema.optional(),
  }),
  "A push subscription: where one service's events are delivered (R34), without its secrets",
);

export const createdSubscriptionSchema = named(
  'PushSubscriptionCreated',
  pushSubscriptionSchema.extend({
    /** The signing secret (`whsec_...`, Standard Webhooks): shown this once. */
    secret: z.string(),
  }),
  'A subscription just created, with its signing secret (shown once)',
);

export const rotatedSecretSchema = named(
  'PushSecretRotated',
  pushSubscriptionSchema.extend({ secret: z.string() }),
  'A subscription whose signing secret was just replaced: the new secret (shown once)',
);

export const pushDeliverySchema = named(
  'PushDelivery',
  z.object({
    id: z.string(),
    webhookId: z.string(),
    event: z.string(),
    lane: z.string(),
    state: z.enum(['pending', 'delivered', 'dead']),
    inFlight: z.boolean(),
    attempts: z.number().int(),
    queuedAt: instantSchema,
    firstAttemptAt: instantSchema.optional(),
    lastAttemptAt: instantSchema.optional(),
    nextAttemptAt: instantSchema.optional(),
    doneAt: instantSchema.optional(),
    lastStatus: z.number().int().optional(),
    lastError: z.string().optional(),
    latencyMs: z.number().int().optional(),
  }),
  'One event of a subscription in the delivery log: its attempts, last answer and latency',
);

export const subscriptionDeletedSchema = named('PushSubscriptionDeleted', z.object({ deleted: z.boolean() }));
export const redeliveredSchema = named(
  'PushRedelivered',
  z.object({ queued: z.boolean() }),
  'Whether the event was queued (false: its filter excludes it, it is queued already, or no such event)',
);
export const replayedSchema = named(
  'PushReplayed',
  z.object({ queued: z.number().int(), last: z.string().nullable() }),
  'How many events were queued again, and the last one (continue after it)',
);

const count = z.number().int().min(0);

export const pushReportSchema = named(
  'PushReport',
  z.object({
    worker: z.object({
      running: z.boolean(),
      id: z.string().nullable(),
      inFlight: count,
      counters: z.object({
        claimed: count,
        reclaimed: count,
        delivered: count,
        failedAttempts: count,
        retried: count,
        deadLettered: count,
        gone: count,
        refused: count,
      }),
    }),
    queue: z.array(
      z.object({
        subscription: z.string(),
        pending: count,
        delivered: count,
        dead: count,
        oldestPendingAt: instantSchema.nullable(),
      }),
    ),
  }),
  "Push delivery: this process's worker counters, and the queue per subscription (every replica)",
);
