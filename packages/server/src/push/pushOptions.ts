// R34: push delivery's options. Defaults: https endpoints on public addresses only, a 10 s timeout
// per attempt, at most 16 attempts in flight per subscription (across replicas), retries with
// exponential backoff and jitter for 3 days, then a dead letter. Loopback http (tests,
// playground) and private networks are refused unless an option allows them. Tests pass a
// resolver (no DNS) and short delays.
import { z } from 'zod';

/** A host name's addresses (default: the system resolver, every address). */
export type Resolver = (host: string) => Promise<string[]>;

/** One structured line about a subscription or a dead letter; never a secret or an event body. */
export type PushLog = Record<string, unknown> & { push: string };
export type PushLogger = (line: PushLog) => void;

const fn = <T>(what: string) => z.custom<T>((v) => typeof v === 'function', what);

export const pushOptionsSchema = z
  .object({
    /** Also accept `http://` URLs to this machine (127.0.0.0/8, ::1, localhost): tests, the playground. */
    allowLoopbackHttp: z.boolean().default(false),
    /** Also accept private and special addresses (10/8, 192.168/16, fd00::/8...): a closed network only. */
    allowPrivateNetworks: z.boolean().default(false),
    resolve: fn<Resolver>('a function (host) => Promise<string[]>').optional(),
    /** Each attempt (resolving, connecting, sending, the answer's head) ends after this. */
    timeoutMs: z.number().int().min(50).max(120_000).default(10_000),
    /** Attempts in flight at once per subscription, on every replica together. */
    concurrency: z.number().int().min(1).max(256).default(16),
    /** Attempts in flight at once in this process. */
    maxInFlight: z.number().int().min(1).max(4096).default(64),
    /** How long a delivery is retried, from its first attempt, before it is dead-lettered. */
    horizonMs: z
      .number()
      .int()
      .min(0)
      .max(30 * 86_400_000)
      .default(3 * 86_400_000),
    /** The first retry's delay; each next one doubles, up to retryMaxMs, with jitter. */
    retryBaseMs: z.number().int().min(1).max(3_600_000).default(2_000),
    retryMaxMs: z.number().int().min(1).max(86_400_000).default(3_600_000),
    /** A lease outlives the attempt's timeout by this much; then another worker may take it (at least once). */
    leaseMarginMs: z.number().int().min(10).max(600_000).default(5_000),
    /** How often the queue is looked at without a wake-up (events wake the worker at once). */
    pollMs: z.number().int().min(10).max(60_000).default(1_000),
    /** Subscriptions per (org, service). */
    maxPerService: z.number().int().min(1).max(100).default(10),
    /** Delivered rows stay in the delivery log this long. */
    keepDeliveredMs: z
      .number()
      .int()
      .min(0)
      .max(90 * 86_400_000)
      .default(3 * 86_400_000),
    /** Run a delivery worker in this process (several replicas may each run one). */
    worker: z.boolean().default(true),
    logger: fn<PushLogger>('a function').optional(),
  })
  .strict();

export type PushOptions = z.input<typeof pushOptionsSchema>;

/** The variables an operator may set instead of options (`onenumber serve`): "1" or "true" turns one on. */
export const pushVariables = {
  allowLoopbackHttp: 'ONENUMBER_PUSH_ALLOW_LOOPBACK_HTTP',
  allowPrivateNetworks: 'ONENUMBER_PUSH_ALLOW_PRIVATE_NETWORKS',
} as const;

/** The options the environment sets; options given in code win over them. */
export function pushOptionsFromEnv(env: Record<string, string | undefined>): PushOptions {
  const on = (name: string) => ['1', 'true'].includes((env[name] ?? '').trim().toLowerCase());
  return {
    ...(on(pushVariables.allowLoopbackHttp) ? { allowLoopbackHttp: true } : {}),
    ...(on(pushVariables.allowPrivateNetworks) ? { allowPrivateNetworks: true } : {}),
  };
}
export type ResolvedPushOptions = z.output<typeof pushOptionsSchema>;
