// The stored directory, for every dialect: orgs, agents and numbers, validated with core's
// schemas, numbers in E.164.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../../../src/db';
import { codeOf } from '../seed';

export function describeDirectory(name: string, open: () => Promise<ServerDatabase>): void {
  let db: ServerDatabase;
  describe(`stored directory: ${name}`, () => {
    beforeEach(async () => {
      db = await open();
    });
    afterEach(async () => {
      await db.close();
    });

    it('R1: an org keeps its plan and subscriptions; setting it again replaces them', async () => {
      expect(await db.directory.org('acme')).toBeNull();
      await db.directory.setOrg({ id: 'acme', plan: 'zoho-one', services: { desk: 'bundle', crm: 'upgraded' } });
      expect(await db.directory.org('acme')).toEqual({
        id: 'acme',
        plan: 'zoho-one',
        services: { desk: 'bundle', crm: 'upgraded' },
      });
      const replaced = await db.directory.setOrg({ id: 'acme', plan: 'standalone' } as never);
      expect(replaced).toEqual({ id: 'acme', plan: 'standalone', services: {} });
      expect(await db.directory.org('acme')).toEqual(replaced);
    });

    it('R27: a bad org, agent or number is refused naming the field, and changes nothing', async () => {
      expect(await codeOf(db.directory.setOrg({ id: 'acme', plan: 'gold', services: {} }))).toBe('INVALID_INPUT');
      expect(
        await codeOf(db.directory.setOrg({ id: 'acme', plan: 'zoho-one', services: { desk: 'free' } } as never)),
      ).toBe('INVALID_INPUT');
      expect(await codeOf(db.directory.setAgent({ org: 'acme', id: 'a', name: '', access: [] }))).toBe('INVALID_INPUT');
      expect(await codeOf(db.directory.setNumber({ number: '12345', verified: true }))).toBe('INVALID_NUMBER');
      expect(await codeOf(db.directory.setPhoneNumberId({ number: '+81312345678', phoneNumberId: 'has spaces' }))).toBe(
        'INVALID_INPUT',
      );
      expect(await db.directory.org('acme')).toBeNull();
      expect(await db.directory.listAgents('acme')).toEqual([]);
    });

    it('R22, R25: agents keep name and access per org; listed by id; removed once', async () => {
      await db.directory.setAgent({ org: 'acme', id: 'b', name: 'Bo', access: ['desk'] });
      await db.directory.setAgent({ org: 'acme', id: 'a', name: 'Ann', access: ['crm', 'desk'] });
      await db.directory.setAgent({ org: 'other', id: 'a', name: 'Other Ann', access: ['crm'] });
      await db.directory.setAgent({ org: 'acme', id: 'b', name: 'Bo', access: ['desk', 'salesiq'] });
      expect(await db.directory.agent('acme', 'a')).toEqual({
        org: 'acme',
        id: 'a',
        name: 'Ann',
        access: ['crm', 'desk'],
      });
      expect((await db.directory.listAgents('acme')).map((a) => [a.id, a.access])).toEqual([
        ['a', ['crm', 'desk']],
        ['b', ['desk', 'salesiq']],
      ]);
      expect(await db.directory.removeAgent('acme', 'a')).toBe(true);
      expect(await db.directory.removeAgent('acme', 'a')).toBe(false);
      expect(await db.directory.agent('acme', 'a')).toBeNull();
      expect(await db.directory.agent('other', 'a')).toMatchObject({ name: 'Other Ann' });
    });

    it('R5: numbers are kept in E.164 whatever format they are written in', async () => {
      expect(await db.directory.setNumber({ number: '+81 3-1234-5678', verified: false })).toEqual({
        number: '+81312345678',
        verified: false,
      });
      await db.directory.setNumber({ number: '0081312345678', verified: true });
      expect(await db.directory.number('+81312345678')).toEqual({ number: '+81312345678', verified: true });
      expect(await db.directory.number('+81 3 1234 5678')).toEqual({ number: '+81312345678', verified: true });
      expect(await db.directory.number('+81398765432')).toBeNull();
    });

    it('WhatsApp routing: a phone_number_id names one number, and moving it releases the old one', async () => {
      await db.directory.setPhoneNumberId({ number: '+81 3-1234-5678', phoneNumberId: '106540352242922' });
      expect(await db.directory.numberByPhoneNumberId('106540352242922')).toBe('+81312345678');
      await db.directory.setPhoneNumberId({ number: '+81312345678', phoneNumberId: '200000000000001' });
      expect(await db.directory.numberByPhoneNumberId('106540352242922')).toBeNull();
      await db.directory.setPhoneNumberId({ number: '+81398765432', phoneNumberId: '200000000000001' });
      expect(await db.directory.numberByPhoneNumberId('200000000000001')).toBe('+81398765432');
      expect(await db.directory.numberByPhoneNumberId('not an id!')).toBeNull();
    });
  });
}
