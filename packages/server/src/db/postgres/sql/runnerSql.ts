// SQL (PostgreSQL) the runner uses itself, beside the catalogue (connection.ts): a write's events
// and timeline entries, numbered in commit order and inserted just before COMMIT, and its NOTIFY
// of revoked or rotated tokens (R35). Each (org, service) stream has a counter row, as each
// channel's timeline does; a writing transaction locks it, takes the next numbers and inserts,
// so numbers are given out in commit order.
import { statement } from './statement';

export const runnerSql = {
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

  /** Reserves `count` numbers per channel (in key order) and returns each channel's new head. */
  advanceTimelines: statement<[channels: string[], counts: number[]], { channel: string; head: number }>(
    `INSERT INTO timeline_heads AS t (channel, head)
     SELECT channel, n FROM unnest($1::text[], $2::bigint[]) AS u (channel, n) ORDER BY channel
     ON CONFLICT (channel) DO UPDATE SET head = t.head + EXCLUDED.head
     RETURNING channel, head`,
  ),
  insertTimeline: statement<
    [
      channels: string[],
      seqs: number[],
      orgs: string[],
      ats: string[],
      whats: string[],
      services: (string | null)[],
      agents: (string | null)[],
      froms: (string | null)[],
      tos: (string | null)[],
      messages: (string | null)[],
      statuses: (string | null)[],
      whys: string[],
    ]
  >(
    `INSERT INTO timeline (channel, seq, org, at, what, service, agent, from_service, to_service, message, status, why)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
       $10::text[], $11::text[], $12::text[])`,
  ),
  /** R35: tokens revoked or rotated, announced to every replica's LISTEN connection at commit. */
  notifyTokens: statement<[channel: string, payload: string]>(`SELECT pg_notify($1, $2)`),
};
