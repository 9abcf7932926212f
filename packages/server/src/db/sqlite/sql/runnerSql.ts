// SQL (SQLite) the runner and the connection use themselves, beside the catalogue: a write's
// events (the integer id is each stream's cursor) and timeline entries, the token changes other
// processes on the file poll (R35), and what the polls read.
export const runnerSql = {
  insertEvent: `INSERT INTO events (org, service, channel, type, body) VALUES (?, ?, ?, ?, ?)`,
  /** What subscribers poll for events written by other processes. */
  latestEventId: `SELECT COALESCE(MAX(id), 0) AS id FROM events`,
  insertTimeline: `INSERT INTO timeline (org, channel, at, what, service, agent, from_service, to_service, message, status, why)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  insertTokenChange: `INSERT INTO token_changes (token, what, at) VALUES (?, ?, ?)`,
  /** A day of changes is kept: far longer than any process polls late. */
  pruneTokenChanges: `DELETE FROM token_changes WHERE at < ?`,
  latestTokenChange: `SELECT COALESCE(MAX(seq), 0) AS seq FROM token_changes`,
  tokenChangesAfter: `SELECT DISTINCT token FROM token_changes WHERE seq > ?`,
} as const;

export type RunnerSql = keyof typeof runnerSql;
