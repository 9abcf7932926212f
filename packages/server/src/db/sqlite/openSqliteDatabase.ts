// The server's durable database on one SQLite file (or ':memory:'): WAL, synchronous NORMAL by
// default (a killed process loses nothing committed; FULL also survives power loss), a busy
// timeout so several processes can share the file, migrations applied on open.
import { parseInput } from '@onenumber/core/schemas';
import { z } from 'zod';
import type { ServerDatabase } from '../ServerDatabase';
import { serverDatabase } from '../stores/serverDatabase';
import { openConnection } from './connection';
import { tokenFeed } from './listener';
import { sqliteRunner } from './runner';

export const sqliteDatabaseOptionsSchema = z
  .object({
    /** A file path, or ':memory:' for a database that lives as long as this handle. */
    file: z.string().min(1).max(4096),
    /** NORMAL survives a killed process; FULL also survives an OS crash or power loss. */
    synchronous: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
    /** How long a write waits for another process's transaction before STORAGE_UNAVAILABLE. */
    busyTimeoutMs: z.number().int().min(0).max(600_000).default(5_000),
    /** How often subscribers look for events written by other processes. */
    pollMs: z.number().int().min(10).max(60_000).default(100),
  })
  .strict();

export type SqliteDatabaseOptions = z.input<typeof sqliteDatabaseOptionsSchema>;

export function openSqliteDatabase(options: SqliteDatabaseOptions): ServerDatabase {
  const handle = openConnection(parseInput(sqliteDatabaseOptionsSchema, options, 'options'));
  const close = async () => handle.close();
  return serverDatabase({ db: sqliteRunner(handle), hub: handle.hub, tokenFeed: tokenFeed(handle), close });
}
