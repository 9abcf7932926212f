// R34: one attempt of one claimed delivery, start to finish: the body is the event exactly as the
// service's stream sends it (eventJson, R17..R20), signed (Standard Webhooks); the destination is
// checked again before connecting (no SSRF); the outcome is recorded: delivered; 410 deletes the
// subscription; any other failure is retried after a backoff (or the receiver's Retry-After), or
// dead-lettered past the horizon, with the last answer kept. After a success the lane goes on: its
// next delivery is leased in the same write that records this one.
import { eventJson } from '../http/routes/sseFrame';
import type { Outcome, PushClaim, PushStore } from '../db/common/pushTypes';
import { nextAttemptAt, retryAfterMs } from './backoff';
import type { PushCounters } from './counters';
import { checkDestination, type Destination } from './destination';
import { post, type Answer } from './post';
import type { PushLogger, ResolvedPushOptions } from './pushOptions';
import { signatureHeader } from './signing';

export interface AttemptContext {
  store: PushStore;
  options: ResolvedPushOptions;
  worker: string;
  counters: PushCounters;
  log: PushLogger;
  /** A retry is due at this time: the worker wakes for it. */
  dueAt(at: number): void;
  /** Whether to go on with the next delivery of a lane after a success (false once stopping). */
  chaining(): boolean;
  /** Destinations checked lately, by URL: the socket still goes only to an address that was checked. */
  checked: Map<string, { destination: Destination; until: number }>;
}

/** How long a checked destination is reused before its name is resolved and checked again. */
const recheckMs = 5_000;

async function destinationOf(url: string, ctx: AttemptContext): Promise<Destination> {
  const known = ctx.checked.get(url);
  if (known && known.until > Date.now()) return known.destination;
  const destination = await withDeadline(checkDestination(url, ctx.options), ctx.options.timeoutMs);
  if (ctx.checked.size >= 10_000) ctx.checked.clear();
  ctx.checked.set(url, { destination, until: Date.now() + recheckMs });
  return destination;
}

const withDeadline = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });

async function send(claim: PushClaim, ctx: AttemptContext): Promise<Answer> {
  const started = performance.now();
  let destination: Destination;
  try {
    destination = await destinationOf(claim.subscription.url, ctx);
  } catch (error) {
    ctx.counters.refused++;
    const words = (error as Error).message.replace(/^url: /, '');
    return { status: null, retryAfter: null, error: `refused before connecting: ${words}`, ms: 0 };
  }
  const body = eventJson(claim.event);
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'OneNumber-Push/1',
    'webhook-id': claim.webhookId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatureHeader(claim.subscription.secrets, claim.webhookId, timestamp, body),
  };
  const left = Math.max(1, ctx.options.timeoutMs - Math.round(performance.now() - started));
  return post(destination, headers, body, left);
}

/** Makes the attempt and records it; after a success, answers the next delivery of its lane, leased in the same write (or null). */
export async function attempt(claim: PushClaim, ctx: AttemptContext): Promise<PushClaim | null> {
  const { store, counters, options } = ctx;
  const answer = await send(claim, ctx);
  const at = Date.now();
  if (answer.status !== null && answer.status >= 200 && answer.status < 300) {
    counters.delivered++;
    const leaseMs = options.timeoutMs + options.leaseMarginMs;
    const next = ctx.chaining() ? { claim, worker: ctx.worker, leaseMs } : undefined;
    return store.delivered(claim.delivery, { status: answer.status, ms: answer.ms, at }, next);
  }
  counters.failedAttempts++;
  const { subscription } = claim;
  if (answer.status === 410) {
    counters.gone++;
    await store.remove(subscription.id);
    ctx.log({
      push: 'subscription.gone',
      subscription: subscription.id,
      org: subscription.org,
      service: subscription.service,
    });
    return null;
  }
  const outcome: Outcome = { status: answer.status, error: answer.error ?? 'failed', ms: answer.ms || null, at };
  const next = nextAttemptAt(
    { attempt: claim.attempt, firstAt: claim.firstAt, now: at, retryAfterMs: retryAfterMs(answer.retryAfter, at) },
    options,
  );
  if (next === null) {
    counters.deadLettered++;
    await store.dead(claim.delivery, ctx.worker, outcome);
    ctx.log({
      push: 'delivery.dead',
      subscription: subscription.id,
      org: subscription.org,
      service: subscription.service,
      webhookId: claim.webhookId,
      attempts: claim.attempt,
      lastStatus: answer.status,
    });
    return null;
  }
  counters.retried++;
  await store.retry(claim.delivery, ctx.worker, next, outcome);
  ctx.dueAt(next);
  return null;
}
