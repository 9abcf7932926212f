// The statement of pacing per customer shared by every replica (issue 19; Meta's pair rate limit).
import type { Statement } from './statement';

export interface PairPacingCatalogue {
  /**
   * One send of the (number, customer) pair at `now` if its allowance has one (the cell rate
   * algorithm: a send may start when `tat - now <= (burst - 1) * interval`, and moves `tat` on by
   * `interval`); `tatMs` is the pair's theoretical arrival time afterwards. One row, one write.
   */
  reservePairSend: Statement<
    [number: string, customer: string, now: number, intervalMs: number, burst: number],
    { granted: boolean; tatMs: number }
  >;
}
