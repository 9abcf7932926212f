// `onenumber migrate [--db ./onenumber.db|postgres://...]`: applies the schema migrations this
// server knows to the database (also done by every server on start; run it first when several
// replicas roll out a new version) and prints what it applied. Default database: env
// ONENUMBER_DATABASE_URL, else ./onenumber.db. Exit 0 applied or up to date, 2 when the database
// cannot be used (unreachable, or newer than this server).
import { OneNumberError } from '@onenumber/core';
import { describeDatabase, migrateDatabase } from '@onenumber/server';
import type { Io } from './scenario';
import { databaseTarget } from './serve';

export async function migrateCommand(
  options: { db?: string | undefined },
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const target = databaseTarget(options.db, env);
  const where = describeDatabase(target);
  try {
    const { applied, version } = await migrateDatabase(target);
    if (applied.length) io.out(`Applied migrations ${applied.join(', ')} to ${where}; schema version ${version}.\n`);
    else io.out(`${where} is up to date at schema version ${version}; nothing applied.\n`);
    return 0;
  } catch (error) {
    if (!OneNumberError.isInstance(error)) throw error;
    io.err(`onenumber migrate: ${error.message}`);
    return 2;
  }
}
