// SQL (PostgreSQL) of the one-write inbound path (issue 17): the facts' statements, and the text
// sent as one simple query (one round trip; its two statements run as one implicit transaction).
// The first takes the conversation's lane lock before anything gives the transaction its id
// (event positions, eventPositionSchema.ts) and the number's facts lock shared (a fact change
// takes it exclusively, inboundFactsSchema.ts: it waits for this write, or this write waits for
// it); the second, on a snapshot taken after both, goes on only if the number's facts still have
// the planned version, dedupes by (number, provider id) and writes the rest only when both pass (the streams are
// announced after commit, notifier.ts). Values are escaped
// literals (pg's escapeLiteral): a simple query takes no parameters.
import { escapeLiteral } from 'pg';
import type { InboundFactsCatalogue } from '../../port/inboundFactsCatalogue';
import type { InboundWrite } from '../../port/inboundWrite';
import type { PostgresSql } from './dialect';
import { factsLockKey } from './inboundFactsSchema';

export const inboundFactsStatements: { [N in keyof InboundFactsCatalogue]: PostgresSql } = {
  factsOfNumber: `SELECT org, facts FROM number_owners WHERE number = $1`,
  reserveMessageIds: `SELECT onenumber_id('msg', nextval('message_values')) AS id FROM generate_series(1, $1)`,
};

const messageColumns = `id text, org text, channel text, conversation text, direction text, service text, agent text,
  agent_name text, type text, text text, raw text, status text, error text, provider_id text, at text`;

/** The query text; `lane` the conversation's lock key. */
export function inboundWriteText(write: InboundWrite, lane: string): string {
  const lit = (value: string | null) => (value === null ? 'NULL::text' : escapeLiteral(value));
  const json = (value: unknown) => `${escapeLiteral(JSON.stringify(value))}::json`;
  const events = write.drafts.map((d, k) => ({
    org: d.org,
    service: d.service,
    channel: d.channel,
    type: d.body.type,
    body: JSON.stringify(d.body),
    k: k + 1,
  }));
  return `SELECT pg_advisory_xact_lock(hashtextextended(${lit(lane)}, 17)), pg_advisory_xact_lock_shared(${factsLockKey(lit(write.number))});
WITH owner AS (
  SELECT org FROM number_owners WHERE number = ${lit(write.number)} AND facts = ${Number(write.facts)}
), fresh AS (
  INSERT INTO inbound_ids (number, provider_id) SELECT ${lit(write.number)}, ${lit(write.providerId)} FROM owner
  WHERE ${lit(write.providerId)} IS NOT NULL ON CONFLICT DO NOTHING RETURNING 1
), go AS (
  SELECT 1 FROM fresh UNION ALL SELECT 1 FROM owner WHERE ${lit(write.providerId)} IS NULL
), touched AS (
  UPDATE conversations SET last_inbound_at = ${lit(write.at)}
  WHERE id IN (SELECT value FROM json_array_elements_text(${json(write.conversations)})) AND EXISTS (SELECT 1 FROM go)
  RETURNING id
), stored AS (
  INSERT INTO messages (id, pos, org, channel, conversation, direction, service, agent, agent_name, type, text, raw, status, error, provider_id, at)
  SELECT m.id, nextval('message_values'), m.org, m.channel, m.conversation, m.direction, m.service, m.agent, m.agent_name,
    m.type, m.text, m.raw, m.status, m.error, m.provider_id, m.at
  FROM json_to_recordset(${json(write.messages)}) AS m (${messageColumns})
  WHERE EXISTS (SELECT 1 FROM go)
  RETURNING 1
), base AS (
  SELECT onenumber_event_base() AS at FROM go LIMIT 1
), appended AS (
  INSERT INTO events (org, service, seq, channel, type, body)
  SELECT e.org, e.service, base.at + e.k, e.channel, e.type, e.body
  FROM json_to_recordset(${json(events)}) AS e (org text, service text, channel text, type text, body text, k bigint), base
  RETURNING 1
)
SELECT (SELECT count(*) FROM owner)::int AS owned, (SELECT count(*) FROM go)::int AS go,
  (SELECT count(*) FROM touched)::int AS touched, (SELECT count(*) FROM stored)::int AS stored,
  (SELECT count(*) FROM appended)::int AS appended`;
}
