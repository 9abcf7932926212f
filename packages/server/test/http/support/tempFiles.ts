// Real SQLite files for the HTTP tests: one temp directory per test process, removed at exit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase, type ServerDatabase } from '../../../src';

let dir: string | undefined;
let n = 0;

/** A fresh database file path. */
export function tempDbFile(): string {
  if (!dir) {
    const made = mkdtempSync(join(tmpdir(), 'onenumber-http-'));
    dir = made;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return join(dir, `db-${++n}.sqlite`);
}

/** The production database on a fresh temp file. */
export const sqliteDatabase = (): ServerDatabase => openSqliteDatabase({ file: tempDbFile() });
