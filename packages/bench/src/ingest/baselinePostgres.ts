// The hand-written PostgreSQL baseline for ingest-http-postgres: the same HTTP half
// (baselineHttp.ts) over a `pg` pool of 10 (the server's default), each message stored with its 3
// member events by one statement (atomic on its own: the event rows are inserted only when the
// message row was, which is the dedupe), several messages of one delivery in one transaction.
// Durable: committed with the database's default synchronous_commit before the 200.
import pg from 'pg';
import type { BaselineMessage, BaselineStore } from './baselineHttp';
import { members } from './baseline';

const storeOne = `WITH m AS (
  INSERT INTO baseline_messages (provider_id, customer, text, at) VALUES ($1, $2, $3, $4)
  ON CONFLICT (provider_id) DO NOTHING RETURNING id)
INSERT INTO baseline_events (service, message, payload) SELECT s, m.id, $5 FROM m, unnest($6::text[]) AS s`;

const values = (m: BaselineMessage) => {
  const customer = `+${m.from}`;
  const text = m.text?.body ?? null;
  return [
    m.id,
    customer,
    text,
    new Date(Number(m.timestamp) * 1000).toISOString(),
    JSON.stringify({ type: 'messageReceived', customer, text }),
    members,
  ];
};

export async function postgresBaselineStore(url: string): Promise<BaselineStore> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(`CREATE TABLE IF NOT EXISTS baseline_messages (id BIGSERIAL PRIMARY KEY, provider_id TEXT NOT NULL UNIQUE, customer TEXT NOT NULL, text TEXT, at TIMESTAMPTZ NOT NULL);
    CREATE TABLE IF NOT EXISTS baseline_events (id BIGSERIAL PRIMARY KEY, service TEXT NOT NULL, message BIGINT NOT NULL, payload TEXT NOT NULL)`);
  return {
    async store(messages) {
      if (messages.length === 1)
        return void (await pool.query({ name: 'store-one', text: storeOne, values: values(messages[0]!) }));
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (const m of messages) await client.query({ name: 'store-one', text: storeOne, values: values(m) });
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    stored: async () =>
      Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM baseline_messages')).rows[0]!.n),
    close: () => pool.end(),
  };
}
