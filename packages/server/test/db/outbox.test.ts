// The outbox (R16) on a SQLite file (the cases: support/cases/outboxCases.ts).
import { afterAll } from 'vitest';
import { openSqliteDatabase } from '../../src/db';
import { describeOutbox } from './support/cases/outboxCases';
import { tempDir } from './support/tempDir';

const files = tempDir('outbox');
afterAll(() => files.remove());

describeOutbox('sqlite', async () => openSqliteDatabase({ file: files.file() }));
