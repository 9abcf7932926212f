// How long a client may take and how many may connect: a client that sends its headers slowly
// (slowloris) or never finishes its body is cut off, and past the cap new connections are refused
// while open ones keep working. Each limit is a startServer option, else its ONENUMBER_*
// variable, else the default. An idle keep-alive connection between requests is not a slow
// request: it stays open for keepAliveTimeoutMs (longer than load balancers and webhook senders
// keep theirs, so a reused connection is never closed under them).
import type { Server } from 'node:http';
import { OneNumberError } from '@onenumber/core';
import { z } from 'zod';

export const serverLimitsSchema = z.object({
  /** Time to send the request line and headers; then 408 and the connection closes. */
  headersTimeoutMs: z.number().int().min(100).max(600_000).default(10_000),
  /** Time to send the whole request (headers and body). An event stream's answer is not limited. */
  requestTimeoutMs: z.number().int().min(100).max(3_600_000).default(30_000),
  /** How long an idle keep-alive connection waits for its next request. */
  keepAliveTimeoutMs: z.number().int().min(100).max(600_000).default(65_000),
  /** Open connections at most (event streams and idle keep-alive ones count); past it new ones are closed at once. */
  maxConnections: z.number().int().min(1).max(1_000_000).default(1024),
});

export type ServerLimits = z.output<typeof serverLimitsSchema>;

/** The variable each limit defaults from. */
export const serverLimitVariables = {
  headersTimeoutMs: 'ONENUMBER_HEADERS_TIMEOUT_MS',
  requestTimeoutMs: 'ONENUMBER_REQUEST_TIMEOUT_MS',
  keepAliveTimeoutMs: 'ONENUMBER_KEEP_ALIVE_TIMEOUT_MS',
  maxConnections: 'ONENUMBER_MAX_CONNECTIONS',
} as const satisfies Record<keyof ServerLimits, string>;

/** The limits set in `env`; a variable that is not a whole number in range is INVALID_INPUT naming it. */
export function serverLimitsFromEnv(env: Record<string, string | undefined>): Partial<ServerLimits> {
  const out: Partial<ServerLimits> = {};
  for (const [key, variable] of Object.entries(serverLimitVariables) as [keyof ServerLimits, string][]) {
    const text = env[variable]?.trim();
    if (!text) continue;
    const field = serverLimitsSchema.shape[key];
    const parsed = /^[0-9]{1,9}$/.test(text) ? field.safeParse(Number(text)) : null;
    if (!parsed?.success) {
      const { minValue, maxValue } = field.unwrap();
      throw new OneNumberError(
        'INVALID_INPUT',
        `${variable} must be a whole number from ${minValue} to ${maxValue} (got "${text.slice(0, 20)}").`,
        { field: variable },
      );
    }
    out[key] = parsed.data;
  }
  return out;
}

/** How often node:http looks for connections past their time (its default, 30 s, would add that much). */
export const checkingIntervalMs = (limits: ServerLimits): number =>
  Math.max(25, Math.min(1000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)));

/**
 * Applies the limits to a listening node server. Refused connections are counted and logged at
 * most once per `logEveryMs` (an attack must not flood the log); returns the count.
 */
export function applyServerLimits(
  server: Server,
  limits: ServerLimits,
  onRefused: (count: number) => void,
  logEveryMs = 10_000,
): { readonly refused: number } {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  let refused = 0;
  let unlogged = 0;
  let lastLog = 0;
  server.on('drop', () => {
    refused++;
    unlogged++;
    if (Date.now() - lastLog < logEveryMs) return;
    lastLog = Date.now();
    onRefused(unlogged);
    unlogged = 0;
  });
  return {
    get refused() {
      return refused;
    },
  };
}
