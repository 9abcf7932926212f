// The server's WhatsApp options (issue 5), each defaulting from the environment the transport
// reads (readWhatsAppEnv: WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN,
// WHATSAPP_GRAPH_URL, WHATSAPP_API_VERSION). The webhook is on when the app secret and the verify
// token are known; the sender (the outbox worker) when an access token or a transport is given.
import { parseInput } from '@onenumber/core/schemas';
import { parkingDefaults, readWhatsAppEnv, type OutboxWorkerEvent, type WhatsAppTransport } from '@onenumber/whatsapp';
import { z } from 'zod';

const secret = z.string().trim().min(1).max(4096);
const perCustomerOptionsSchema = z
  .object({
    intervalMs: z.number().int().min(1).max(3_600_000).default(6000),
    burst: z.number().int().min(1).max(100).default(3),
  })
  .strict();
const rate = z.number().int().min(1).max(1000, 'WhatsApp allows at most 1,000 messages/s per number');
const has =
  (...methods: string[]) =>
  (v: unknown) =>
    typeof v === 'object' &&
    v !== null &&
    methods.every((m) => typeof (v as Record<string, unknown>)[m] === 'function');

export const whatsAppOptionsSchema = z
  .object({
    /** Signs every webhook delivery (default: env WHATSAPP_APP_SECRET). */
    appSecret: secret.optional(),
    /** Typed into the Meta app's webhook settings (default: env WHATSAPP_VERIFY_TOKEN). */
    verifyToken: secret.optional(),
    /** Sends through the Graph API (default: env WHATSAPP_ACCESS_TOKEN). */
    accessToken: secret.optional(),
    /** Default: env WHATSAPP_GRAPH_URL, else https://graph.facebook.com. */
    graphUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Default: env WHATSAPP_API_VERSION, else v23.0. */
    apiVersion: z
      .string()
      .regex(/^v[0-9]{1,3}\.[0-9]{1,3}$/, 'an API version looks like v23.0')
      .optional(),
    /** Sends through this instead of the Graph API: a Graph client, or the simulator (tests, the example app). */
    transport: z
      .custom<WhatsAppTransport>(has('sendText', 'sendTemplate'), 'a WhatsApp transport (sendText, sendTemplate)')
      .optional(),
    /** Messages per second per business number, shared fairly by the channel's services (default 80). */
    rate: rate.optional(),
    /** Per-number overrides, keyed by business number (E.164). */
    rates: z.record(z.string(), rate).optional(),
    /**
     * Pacing per customer (WhatsApp's pair rate, error 131056): one message per `intervalMs` to a
     * customer, `burst` at once, shared by every replica on the database; `false` turns it off.
     * Default: env WHATSAPP_PER_CUSTOMER (`6000/3`: interval ms / burst, or `off`), else 6,000 ms, 3.
     */
    perCustomer: z.union([z.literal(false), perCustomerOptionsSchema]).optional(),
    /** The outbox worker's timing: how long a claim is its own, the longest idle sleep, attempts per reply. */
    leaseMs: z.number().int().min(1000).max(3_600_000).optional(),
    pollMs: z.number().int().min(1).max(600_000).optional(),
    maxAttempts: z.number().int().min(1).max(100).optional(),
    /** Retries of codes that mean "not sent" (rate limits, temporary errors): exponential, full jitter (default 2 s doubling, at most 10 min). */
    backoff: z
      .object({ baseMs: z.number().int().min(0).max(3_600_000), maxMs: z.number().int().min(0).max(86_400_000) })
      .strict()
      .optional(),
    /** R29: how long a delivery for a number no org owns yet stays parked (default 7 days). */
    parkedTtlMs: z
      .number()
      .int()
      .min(1000)
      .max(365 * 86_400_000)
      .optional(),
    /** R29: the most bytes parked in all; past it the webhook answers 503 (default 256 MiB). */
    parkedMaxBytes: z
      .number()
      .int()
      .min(1)
      .max(64 * 1024 ** 3)
      .optional(),
    /** R29: how often parked deliveries are expired and released when nothing else triggers it (default 60 s). */
    parkedSweepMs: z.number().int().min(10).max(3_600_000).optional(),
    /** The parked deliveries' clock, ms since the epoch (default Date.now; tests pass their own). */
    now: z.custom<() => number>((v) => typeof v === 'function', 'a function').optional(),
    /** Told of every worker event (sent, retry, failed, paused, repeat-suspected...): ids and codes, never text. */
    onEvent: z.custom<(event: OutboxWorkerEvent) => void>((v) => typeof v === 'function', 'a function').optional(),
    /** Where the defaults are read (default: process.env). */
    env: z
      .custom<Record<string, string | undefined>>(
        (v) => typeof v === 'object' && v !== null,
        'an environment (name → value)',
      )
      .optional(),
  })
  .strict();

export type WhatsAppOptions = z.input<typeof whatsAppOptionsSchema>;

/** WHATSAPP_PER_CUSTOMER: `off`, `<intervalMs>` or `<intervalMs>/<burst>`. */
const perCustomerEnvSchema = z
  .string()
  .trim()
  .regex(
    /^(off|[0-9]{1,7}(\/[0-9]{1,3})?)$/,
    'WHATSAPP_PER_CUSTOMER is `off`, `<intervalMs>` or `<intervalMs>/<burst>`',
  )
  .transform((v) => {
    if (v === 'off') return false as const;
    const [intervalMs, burst] = v.split('/').map(Number);
    return { intervalMs: intervalMs!, ...(burst !== undefined ? { burst } : {}) };
  })
  .refine(
    (v) =>
      v === false || (v.intervalMs >= 1 && v.intervalMs <= 3_600_000 && (v.burst ?? 1) >= 1 && (v.burst ?? 1) <= 100),
    'WHATSAPP_PER_CUSTOMER: the interval is 1 to 3,600,000 ms, the burst 1 to 100',
  );

export interface ResolvedWhatsApp {
  webhook: { appSecret: string; verifyToken: string } | null;
  /** Why the webhook is off, when it is (never a secret). */
  webhookOff: string | null;
  sender: {
    accessToken: string | undefined;
    transport: WhatsAppTransport | undefined;
    graphUrl: string;
    apiVersion: string;
  } | null;
  rate: number;
  rates: Record<string, number>;
  /** R29: the webhook's parking (used when the database keeps parked deliveries). */
  parking: { ttlMs: number; maxBytes: number; now: () => number };
  parkedSweepMs: number;
  /** Pacing per customer, shared through the database; false: off. */
  perCustomer: { intervalMs: number; burst: number } | false;
  worker: {
    leaseMs?: number;
    pollMs?: number;
    maxAttempts?: number;
    backoff?: { baseMs: number; maxMs: number };
    onEvent?: (event: OutboxWorkerEvent) => void;
  };
}

function fromEnv(value: string): ResolvedWhatsApp['perCustomer'] {
  const read = parseInput(perCustomerEnvSchema, value, 'WHATSAPP_PER_CUSTOMER');
  return read === false ? false : parseInput(perCustomerOptionsSchema, read, 'WHATSAPP_PER_CUSTOMER');
}

const processEnv = () => (typeof process === 'undefined' ? {} : process.env);

/** The options, each falling back to its environment variable; `false` turns WhatsApp off. */
export function resolveWhatsApp(options: WhatsAppOptions | false | undefined): ResolvedWhatsApp {
  const off: ResolvedWhatsApp = {
    webhook: null,
    webhookOff: 'turned off',
    sender: null,
    rate: 80,
    rates: {},
    parking: { ttlMs: parkingDefaults.ttlMs, maxBytes: parkingDefaults.maxBytes, now: Date.now },
    parkedSweepMs: 60_000,
    perCustomer: false,
    worker: {},
  };
  if (options === false) return off;
  const o = parseInput(whatsAppOptionsSchema, options ?? {}, 'whatsapp');
  const env = readWhatsAppEnv(o.env ?? processEnv());
  const perCustomerEnv = (o.env ?? processEnv()).WHATSAPP_PER_CUSTOMER;
  const perCustomer =
    o.perCustomer ?? (perCustomerEnv === undefined ? perCustomerOptionsSchema.parse({}) : fromEnv(perCustomerEnv));
  const appSecret = o.appSecret ?? env.appSecret;
  const verifyToken = o.verifyToken ?? env.verifyToken;
  const accessToken = o.accessToken ?? env.accessToken;
  const missing = [!appSecret && 'WHATSAPP_APP_SECRET', !verifyToken && 'WHATSAPP_VERIFY_TOKEN'].filter(Boolean);
  const worker = {
    ...(o.leaseMs !== undefined ? { leaseMs: o.leaseMs } : {}),
    ...(o.pollMs !== undefined ? { pollMs: o.pollMs } : {}),
    ...(o.maxAttempts !== undefined ? { maxAttempts: o.maxAttempts } : {}),
    ...(o.backoff ? { backoff: o.backoff } : {}),
    ...(o.onEvent ? { onEvent: o.onEvent } : {}),
  };
  return {
    webhook: appSecret && verifyToken ? { appSecret, verifyToken } : null,
    webhookOff: missing.length ? `${missing.join(' and ')} not set` : null,
    sender:
      o.transport || accessToken
        ? {
            accessToken,
            transport: o.transport,
            graphUrl: (o.graphUrl ?? env.graphUrl).replace(/\/+$/, ''),
            apiVersion: o.apiVersion ?? env.apiVersion,
          }
        : null,
    rate: o.rate ?? 80,
    rates: o.rates ?? {},
    parking: {
      ttlMs: o.parkedTtlMs ?? parkingDefaults.ttlMs,
      maxBytes: o.parkedMaxBytes ?? parkingDefaults.maxBytes,
      now: o.now ?? Date.now,
    },
    parkedSweepMs: o.parkedSweepMs ?? 60_000,
    perCustomer,
    worker,
  };
}
