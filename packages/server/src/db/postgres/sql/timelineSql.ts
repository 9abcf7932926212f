// SQL (PostgreSQL) the runner writes the audit timeline with (issue 9): numbered per channel in
// commit order, as events are per stream (see connection.ts).
import { statement } from './statement';

export const timelineSql = {
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
};
