// SQL (PostgreSQL): event streams. Each (org, service) stream has a counter row; a writing
// transaction locks it, takes the next numbers and inserts its events just before COMMIT, so a
// stream's numbers are given out in commit order (see connection.ts).
import { statement } from './statement';

export const eventSql = {
  /**
   * Reserves `count` numbers in each stream (rows in key order, so two writers lock them in the
   * same order) and returns each stream's new head. The row stays locked until commit.
   */
  advanceStreams: statement<[orgs: string[], services: string[], counts: number[]], { org: string; service: string; head: number }>(
    `INSERT INTO event_streams AS s (org, service, head)
     SELECT org, service, n FROM unnest($1::text[], $2::text[], $3::bigint[]) AS t (org, service, n) ORDER BY org, service
     ON CONFLICT (org, service) DO UPDATE SET head = s.head + EXCLUDED.head
     RETURNING org, service, head`,
  ),
  insertEvents: statement<[orgs: string[], services: string[], seqs: number[], channels: string[], types: string[], bodies: string[]]>(
    `INSERT INTO events (org, service, seq, channel, type, body)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[])`,
  ),
  /** Delivered to every replica's LISTEN connection when (and only if) the transaction commits. */
  notify: statement<[channel: string, payload: string]>(`SELECT pg_notify($1, $2)`),
  eventsAfter: statement<[org: string, service: string, after: number, limit: number | null], { seq: number; body: string }>(
    `SELECT seq, body FROM events WHERE org = $1 AND service = $2 AND seq > $3 ORDER BY seq LIMIT $4`,
  ),
  headOf: statement<[org: string, service: string], { head: number }>(`SELECT head FROM event_streams WHERE org = $1 AND service = $2`),
};
