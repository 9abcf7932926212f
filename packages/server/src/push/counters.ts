// R34: this process's push counters (GET /v1/admin/push), since it started.
export interface PushCounters {
  /** Deliveries leased by this process's worker. */
  claimed: number;
  /** Of them, leases another process had let lapse (it stopped mid-attempt): possible repeats. */
  reclaimed: number;
  delivered: number;
  /** Attempts that failed (an error answer, no answer, a refused destination). */
  failedAttempts: number;
  /** Failed attempts scheduled again. */
  retried: number;
  deadLettered: number;
  /** Subscriptions deleted because their endpoint answered 410 Gone. */
  gone: number;
  /** Attempts refused before connecting: the host now resolves to a refused address (no SSRF). */
  refused: number;
}

export const newCounters = (): PushCounters => ({
  claimed: 0,
  reclaimed: 0,
  delivered: 0,
  failedAttempts: 0,
  retried: 0,
  deadLettered: 0,
  gone: 0,
  refused: 0,
});
