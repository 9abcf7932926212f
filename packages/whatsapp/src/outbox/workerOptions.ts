// The outbox worker's options (R16, R38; Meta's Cloud API docs, "Throughput", "Pair rate
// limits"): the store and the transport, the number's rate budget, each customer's pacing, leases,
// look-ahead, attempts and backoff. Checked with zod before the worker starts.
import { z } from 'zod';
import { perCustomerSchema } from '../pacing/customerPacer';
import { rateBudgetOptionsSchema, type RateBudget } from '../pacing/createRateBudget';
import type { PairPacingStore } from '../pacing/sharedCustomerPacer';
import { backoffSchema } from '../send/backoff';
import type { WhatsAppTransport } from '../send/transport';
import type { Clock } from '../time/clock';
import type { Random } from '../time/random';
import type { OutboxWorkerEvent } from './workerCounters';
import type { ClaimedItem, FairOutboxStore } from './fairOutbox';

const fn = <T>(what: string) => z.custom<T>((v) => typeof v === 'function', `${what} must be a function`);
const has =
  (...methods: string[]) =>
  (v: unknown) =>
    typeof v === 'object' &&
    v !== null &&
    methods.every((m) => typeof (v as Record<string, unknown>)[m] === 'function');

export const outboxWorkerOptionsSchema = z
  .object({
    outbox: z.custom<FairOutboxStore>(has('claim', 'complete', 'fail'), 'outbox must implement OutboxStore'),
    /** The Graph client or the simulator. */
    client: z.custom<WhatsAppTransport>(has('sendText', 'sendTemplate'), 'client must be a WhatsApp transport'),
    /** Business number → phone_number_id; without it the client resolves the number itself. */
    resolvePhoneNumberId:
      fn<(number: string) => string | null | Promise<string | null>>('resolvePhoneNumberId').optional(),
    /** The customer's last inbound time, for the 24-hour window (see lastInboundFromStorage). */
    lastInboundAt: fn<(item: ClaimedItem) => Promise<string | null>>('lastInboundAt').optional(),
    budget: z.union([z.custom<RateBudget>(has('take', 'nextAt')), rateBudgetOptionsSchema]).optional(),
    /** Pacing per customer (Meta's pair rate): one message per `intervalMs`, `burst` at once; `false`: none. */
    perCustomer: perCustomerSchema.default({ intervalMs: 6000, burst: 3 }),
    /**
     * Pacing per customer shared by several replicas: the pairs' allowance in a store they share
     * (the server's database). Without it, this worker paces alone.
     */
    pairPacing: z.custom<PairPacingStore>(has('reserve'), 'pairPacing must have reserve()').optional(),
    /** This worker's id, for leases. */
    worker: z
      .string()
      .min(1)
      .max(128)
      .default(() => `whatsapp-${Math.random().toString(36).slice(2, 10)}`),
    clock: z.custom<Clock>(has('now', 'sleep'), 'clock needs now() and sleep()').optional(),
    random: fn<Random>('random').optional(),
    /** A claim is this worker's for this long; items not started within half of it are let go. */
    leaseMs: z.number().int().min(1000).max(3_600_000).default(60_000),
    /** Items held at once (claimed, queued for their turn). */
    lookahead: z.number().int().min(1).max(10_000).default(500),
    /** With an outbox that has claimFair: at most this many per (number, service) per claim. */
    perService: z.number().int().min(1).max(10_000).optional(),
    maxInFlight: z.number().int().min(1).max(10_000).default(64),
    /** Longest sleep between passes when idle. */
    pollMs: z.number().int().min(1).max(600_000).default(1000),
    /** Attempts per item (claims), then it fails for good; rate limits and account refusals do not count. */
    maxAttempts: z.number().int().min(1).max(100).default(8),
    backoff: backoffSchema.default({ baseMs: 2000, maxMs: 600_000 }),
    onEvent: fn<(event: OutboxWorkerEvent) => void>('onEvent').optional(),
  })
  .strict();

export type OutboxWorkerOptions = z.input<typeof outboxWorkerOptionsSchema>;
