// The stored state as one hash: every row of every table, read from the server's SQLite file
// through a separate read-only connection (WAL lets it read what is committed, never blocking).
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

export interface StateHasher {
  hash(): string;
  close(): void;
}

export function stateHasher(file: string): StateHasher {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  ).map((t) => t.name);
  const reads = tables.map((t) => db.prepare(`SELECT * FROM "${t}"`).raw(true));
  return {
    hash(): string {
      const h = createHash('sha256');
      for (const [i, read] of reads.entries()) {
        h.update(tables[i]!);
        for (const row of read.all())
          h.update(
            JSON.stringify(row, (_k, v) =>
              Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v,
            ),
          );
      }
      return h.digest('hex');
    },
    close: () => void db.close(),
  };
}
