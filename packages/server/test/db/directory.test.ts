// The stored directory on a SQLite file (the cases: support/cases/directoryCases.ts).
import { afterAll } from 'vitest';
import { openSqliteDatabase } from '../../src/db';
import { describeDirectory } from './support/cases/directoryCases';
import { tempDir } from './support/tempDir';

const files = tempDir('directory');
afterAll(() => files.remove());

describeDirectory('sqlite', async () => openSqliteDatabase({ file: files.file() }));
