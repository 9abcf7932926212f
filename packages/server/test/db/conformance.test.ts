// The shared ChannelStorage conformance suite, unmodified, on a real SQLite file and on ':memory:'.
import { describeStorage } from '@onenumber/storage-testkit';
import { afterAll } from 'vitest';
import { openSqliteDatabase } from '../../src/db';
import { tempDir } from './support/tempDir';

const files = tempDir('conformance');
afterAll(() => files.remove());

describeStorage('sqlite (file)', () => openSqliteDatabase({ file: files.file() }).storage);
describeStorage('sqlite (:memory:)', () => openSqliteDatabase({ file: ':memory:' }).storage);
