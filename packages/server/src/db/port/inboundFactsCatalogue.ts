// Issue 17: the statements behind the facts an inbound write is planned on, for a dialect that
// offers the one-write inbound path (PostgreSQL).
import type { Statement } from './statement';

export interface InboundFactsCatalogue {
  /** The number's owner and the version of its facts (inboundFactsSchema.ts). */
  factsOfNumber: Statement<[number: string], { org: string; facts: number }>;
  /** Message ids taken ahead of the writes that use them. */
  reserveMessageIds: Statement<[count: number], { id: string }>;
}
