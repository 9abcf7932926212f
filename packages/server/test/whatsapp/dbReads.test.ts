// The two reads the WhatsApp mount and the HTTP guards need, on every dialect: a number's
// phone_number_id (the worker sends from it), the reverse of numberByPhoneNumberId; and a
// service's membership by channel (R9, R25, R26).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase, openSqliteDatabase, type ServerDatabase } from '../../src/db';
import { startPostgres, type TestPostgres } from '../postgres/support/cluster';
import { tempDbFile } from '../http/support/tempFiles';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);
afterAll(async () => {
  await postgres?.stop();
}, 60_000);

const at = '2026-01-01T09:00:00.000Z';
const dialects: [string, () => Promise<ServerDatabase>][] = [
  ['sqlite', async () => openSqliteDatabase({ file: tempDbFile() })],
  ['postgres', () => openPostgresDatabase({ url: postgres.url, schema: postgres.schema(), pool: { max: 4 } })],
];

describe.each(dialects)('%s', (_name, open) => {
  it('phoneNumberIdOf: the registered id of a number in any format; moving the id releases it; null when none', async () => {
    const db = await open();
    try {
      expect(await db.directory.phoneNumberIdOf('+81312345678')).toBeNull();
      await db.directory.setPhoneNumberId({ number: '+81 3-1234-5678', phoneNumberId: '106540352242922' });
      expect(await db.directory.phoneNumberIdOf('+81312345678')).toBe('106540352242922');
      expect(await db.directory.phoneNumberIdOf('+81 3 1234 5678')).toBe('106540352242922');
      await db.directory.setPhoneNumberId({ number: '+81398765432', phoneNumberId: '106540352242922' });
      expect(await db.directory.phoneNumberIdOf('+81312345678')).toBeNull();
      expect(await db.directory.phoneNumberIdOf('+81398765432')).toBe('106540352242922');
      expect(await db.directory.numberByPhoneNumberId('106540352242922')).toBe('+81398765432');
      expect(await db.directory.phoneNumberIdOf('not a number')).toBeNull();
    } finally {
      await db.close();
    }
  });

  it('membershipInChannel: state and role; null for another org, a non-member or an unknown channel (R9, R11, R26)', async () => {
    const db = await open();
    try {
      const connect = (service: string) =>
        db.storage.connect({
          org: 'acme',
          number: '+81312345678',
          service,
          mode: 'shared',
          reason: 'bundle',
          at,
        });
      const { channel } = await connect('crm');
      await connect('desk');
      expect(await db.membershipInChannel({ org: 'acme', channel, service: 'crm' })).toEqual({
        state: 'active',
        role: 'parent',
      });
      expect(await db.membershipInChannel({ org: 'acme', channel, service: 'desk' })).toEqual({
        state: 'active',
        role: 'child',
      });
      await db.storage.changeMembership({ org: 'acme', number: '+81312345678', service: 'crm', action: 'disable', at });
      expect(await db.membershipInChannel({ org: 'acme', channel, service: 'crm' })).toEqual({
        state: 'disabled',
        role: 'child',
      });
      expect(await db.membershipInChannel({ org: 'acme', channel, service: 'desk' })).toEqual({
        state: 'active',
        role: 'parent',
      });
      expect(await db.membershipInChannel({ org: 'acme', channel, service: 'salesiq' })).toBeNull();
      expect(await db.membershipInChannel({ org: 'globex', channel, service: 'desk' })).toBeNull();
      expect(await db.membershipInChannel({ org: 'acme', channel: 'ch_unknown', service: 'desk' })).toBeNull();
    } finally {
      await db.close();
    }
  });
});
