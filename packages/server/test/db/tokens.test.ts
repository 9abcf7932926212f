// Scoped tokens on a SQLite file (the cases: support/cases/tokenCases.ts).
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { openSqliteDatabase } from '../../src/db';
import { describeTokens } from './support/cases/tokenCases';
import { tempDir } from './support/tempDir';

const files = tempDir('tokens');
afterAll(() => files.remove());

describeTokens('sqlite', async () => {
  const file = files.file();
  return {
    db: openSqliteDatabase({ file }),
    async storedRows() {
      const raw = new Database(file, { readonly: true });
      const rows = raw.prepare('SELECT * FROM tokens').all();
      raw.close();
      return rows;
    },
  };
});
