// SQL (PostgreSQL): the audit timeline of each channel (numbered per channel in commit order, as
// events are per stream) and each service's durable cursor (issue 9).
import type { TimelineRow } from '../../common/timelineRows';
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
  timelineAfter: statement<[channel: string, after: number, limit: number | null], TimelineRow>(
    `SELECT seq AS id, channel, at, what, service, agent, from_service, to_service, message, status, why
     FROM timeline WHERE channel = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
  ),
  cursorOf: statement<[org: string, service: string], { cursor: number }>(
    `SELECT cursor FROM cursors WHERE org = $1 AND service = $2`,
  ),
  /** A cursor only moves forward: a late or repeated save never replays events. */
  saveCursor: statement<[org: string, service: string, cursor: number]>(
    `INSERT INTO cursors (org, service, cursor) VALUES ($1, $2, $3)
     ON CONFLICT (org, service) DO UPDATE SET cursor = EXCLUDED.cursor WHERE EXCLUDED.cursor > cursors.cursor`,
  ),
};
