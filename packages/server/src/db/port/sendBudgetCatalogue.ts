// The statement of the send budget of a number shared by several replicas (issue 10).
import type { Statement } from './statement';

/** A dialect shared by several replicas offers the number's send budget (PostgreSQL). */
export interface SendBudgetCatalogue {
  /** Takes up to `want` sends from the number's bucket (refilled at `rate` per second, up to `burst`). */
  reserveSends: Statement<[number: string, want: number, rate: number, burst: number], { granted: number }>;
}
