// SQL (PostgreSQL) the runner writes events with: each (org, service) stream has a counter row; a
// writing transaction locks it, takes the next numbers and inserts its events just before
// COMMIT, so a stream's numbers are given out in commit order (see connection.ts).
import { statement } from './statement';

export const eventSql = {
  /**
   * One statement, so the counter rows stay locked for this round trip and COMMIT only (writers
   * to one stream queue on them): advances each stream's counter by its number of events (rows
   * in key order, so two writers lock them in the same order), inserts the events numbered from
   * the new heads in draft order, and announces the streams to every replica's LISTEN connection
   * (delivered when, and only if, the transaction commits).
   */
  appendEvents: statement<
    [
      orgs: string[],
      services: string[],
      channels: string[],
      types: string[],
      bodies: string[],
      channel: string,
      payload: string,
    ]
  >(
    `WITH drafts AS (
       SELECT t.org, t.service, t.channel, t.type, t.body,
              count(*) OVER (PARTITION BY t.org, t.service) AS n,
              row_number() OVER (PARTITION BY t.org, t.service ORDER BY t.i) AS k
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t (org, service, channel, type, body, i)
     ), heads AS (
       INSERT INTO event_streams AS s (org, service, head)
       SELECT org, service, count(*) FROM drafts GROUP BY org, service ORDER BY org, service
       ON CONFLICT (org, service) DO UPDATE SET head = s.head + EXCLUDED.head
       RETURNING org, service, head
     ), inserted AS (
       INSERT INTO events (org, service, seq, channel, type, body)
       SELECT d.org, d.service, h.head - d.n + d.k, d.channel, d.type, d.body FROM drafts d JOIN heads h USING (org, service)
     )
     SELECT pg_notify($6, $7)`,
  ),
  headOf: statement<[org: string, service: string], { head: number }>(
    `SELECT head FROM event_streams WHERE org = $1 AND service = $2`,
  ),
};
