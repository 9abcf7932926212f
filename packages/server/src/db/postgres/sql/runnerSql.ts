// SQL (PostgreSQL) the runner uses itself, beside the catalogue (connection.ts): a write's events
// and timeline entries, inserted just before COMMIT, and its NOTIFY of revoked or rotated tokens
// (R35). Events are numbered by position (eventPositionSchema.ts: the writing transaction's id
// and the event's place in it), so writers to one stream never wait on each other; each
// channel's timeline keeps its counter row (written rarely, never by an inbound message).
import { statement } from './statement';

export const runnerSql = {
  /** Inserts the events at the transaction's positions, in draft order (the streams are announced after commit, notifier.ts). */
  appendEvents: statement<[orgs: string[], services: string[], channels: string[], types: string[], bodies: string[]]>(
    `INSERT INTO events (org, service, seq, channel, type, body)
     SELECT t.org, t.service, base.at + t.k, t.channel, t.type, t.body
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t (org, service, channel, type, body, k),
       (SELECT onenumber_event_base() AS at) AS base`,
  ),
  /**
   * Lanes (a conversation, a channel's own events) a write is about to change, taken before its
   * first write gives it a transaction id: a later writer of a lane waits, then takes a higher
   * id, so one lane's events are positioned in the order they committed. Keys in order (no
   * deadlock between two writers of the same lanes).
   */
  orderLanes: statement<[keys: string[]]>(
    `SELECT count(pg_advisory_xact_lock(hashtextextended(k, 17)))
     FROM (SELECT DISTINCT k FROM unnest($1::text[]) AS u (k) ORDER BY k) AS lanes`,
  ),
  /** Where a subscriber without a cursor starts: below every position a reader may not serve yet. */
  startOfStreams: statement<[], { start: number }>(`SELECT onenumber_event_bound() AS start`),

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
