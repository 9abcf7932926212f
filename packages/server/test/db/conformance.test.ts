// The shared ChannelStorage conformance suite, unmodified, on a real SQLite file and on ':memory:',
// with the database's own directory (agents and R33's policy overrides).
import { describeStorage } from '@onenumber/storage-testkit';
import { afterAll } from 'vitest';
import { openSqliteDatabase, type ServerDatabase } from '../../src/db';
import { tempDir } from './support/tempDir';

const files = tempDir('conformance');
afterAll(() => files.remove());

/** The storage, and the stored directory it decides with (R22..R24, R33), in the same database. */
/** R38: with a transport, as a configured WhatsApp sender turns it on (replies pending until accepted). */
const setup = (db: ServerDatabase, transport: boolean) => {
  db.sendReplies(transport);
  return { storage: db.storage, directory: db.directory };
};

describeStorage('sqlite (file)', ({ transport }) => setup(openSqliteDatabase({ file: files.file() }), transport));
describeStorage('sqlite (:memory:)', ({ transport }) => setup(openSqliteDatabase({ file: ':memory:' }), transport));
