// R36: free-form JSON is bounded at the edge (32 deep, 64 KiB, 1,000 keys for a raw object), checked
// without recursion so that no value, however deep, overflows the stack; R27: ids are well-formed
// Unicode and a message's type is one of a closed list; R5: a business number in any form
// libphonenumber-js reads with its country code is accepted, a national-only one is not.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMemoryDirectory, messageTypes, normaliseNumber } from '../src';
import { boundedJson, idSchema, orgEntrySchema, parseInput } from '../src/schemas';
import {
  checkJsonBounds,
  isWellFormed,
  jsonNestingExceeds,
  messageTypeOf,
  projectMessage,
  rawJsonLimits,
  type StoredMessage,
} from '../src/storage-kit';
import { adapterLabelSchema } from '../src/adapter/adapterSchemas';
import { C1, N1, connectAll, makeWorld, refusal } from './support/world';

/** {"a":{"a":...}} `depth` levels deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('R36: bounded JSON', () => {
  it('R36: 32 levels pass, 33 do not; 100,000 levels are refused without a stack overflow', () => {
    expect(checkJsonBounds(nested(32), rawJsonLimits)).toBeNull();
    expect(checkJsonBounds(nested(33), rawJsonLimits)).toMatchObject({ limit: 'depth' });
    expect(checkJsonBounds(nested(100_000), rawJsonLimits)).toMatchObject({ limit: 'depth' });
    const deepArray = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(checkJsonBounds(deepArray, rawJsonLimits)).toMatchObject({ limit: 'depth' });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(checkJsonBounds(cycle, rawJsonLimits)).toMatchObject({ limit: 'depth' });
  });

  it('R36: size is the JSON text in UTF-8 bytes, exact at the limit', () => {
    const limits = { depth: 32, bytes: 100, keys: 1000 };
    const fits = { s: 'x'.repeat(100 - '{"s":""}'.length) };
    expect(JSON.stringify(fits)).toHaveLength(100);
    expect(checkJsonBounds(fits, limits)).toBeNull();
    expect(checkJsonBounds({ s: `${fits.s}x` }, limits)).toMatchObject({ limit: 'bytes' });
    // é is 2 bytes, 😀 4, a control character 6 as \u0001: all counted as written.
    expect(checkJsonBounds({ s: 'é'.repeat(46) }, limits)).toBeNull();
    expect(checkJsonBounds({ s: 'é'.repeat(47) }, limits)).toMatchObject({ limit: 'bytes' });
    expect(checkJsonBounds({ s: '\u0001'.repeat(16) }, limits)).toMatchObject({ limit: 'bytes' });
    expect(checkJsonBounds({ blob: 'x'.repeat(64 * 1024) }, rawJsonLimits)).toMatchObject({ limit: 'bytes' });
    expect(
      checkJsonBounds(
        Array.from({ length: 40_000 }, () => 0),
        rawJsonLimits,
      ),
    ).toMatchObject({ limit: 'bytes' });
  });

  it('R36: keys are counted over the whole value; a bigint is not JSON', () => {
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    expect(checkJsonBounds(keys(1000), rawJsonLimits)).toBeNull();
    expect(checkJsonBounds(keys(1001), rawJsonLimits)).toMatchObject({ limit: 'keys' });
    expect(checkJsonBounds({ a: keys(600), b: keys(600) }, rawJsonLimits)).toMatchObject({ limit: 'keys' });
    expect(checkJsonBounds({ n: 1n }, rawJsonLimits)).toMatchObject({ limit: 'json' });
  });

  it('R36: boundedJson is one zod schema: INVALID_INPUT naming the field, custom limits, an inner schema', () => {
    const schema = z.object({
      raw: boundedJson(),
      settings: boundedJson({ depth: 2, keys: 3 }, z.record(z.string(), z.unknown())),
    });
    const error = (() => {
      try {
        parseInput(schema, { raw: nested(100_000), settings: {} });
      } catch (e) {
        return e as { code: string; field: string; message: string };
      }
    })();
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'raw' });
    expect(error!.message).toMatch(/deeper than 32 levels/);
    expect(() => parseInput(schema, { raw: null, settings: { a: 1, b: 2, c: 3, d: 4 } })).toThrow(
      /settings: more than 3 keys/,
    );
    expect(() => parseInput(schema, { raw: null, settings: { a: { b: { c: 1 } } } })).toThrow(
      /settings: nested deeper/,
    );
    expect(parseInput(schema, { raw: nested(5), settings: { a: 1 } })).toEqual({ raw: nested(5), settings: { a: 1 } });
  });

  it('R36: the nesting of a JSON text is read without parsing it; brackets inside strings do not count', () => {
    const deep = `${'['.repeat(65)}${']'.repeat(65)}`;
    expect(jsonNestingExceeds(deep, 64)).toBe(true);
    expect(jsonNestingExceeds(deep, 65)).toBe(false);
    expect(jsonNestingExceeds(new TextEncoder().encode(deep), 64)).toBe(true);
    const quoted = JSON.stringify({ s: `"\\${'['.repeat(500)}` });
    expect(jsonNestingExceeds(quoted, 2)).toBe(false);
    expect(jsonNestingExceeds(new TextEncoder().encode(quoted), 2)).toBe(false);
    expect(jsonNestingExceeds(`${'['.repeat(1_000_000)}`, 64)).toBe(true);
  });

  it('R36: receive refuses a raw object past the bounds with INVALID_INPUT naming raw; nothing is stored', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm']);
    await one.receive({ number: N1, customer: C1, text: 'first' });
    for (const raw of [nested(4_100), nested(100_000), { blob: 'x'.repeat(70_000) }]) {
      const refused = await refusal(one.receive({ number: N1, customer: C1, text: 'poison', raw }), 'INVALID_INPUT');
      expect(refused.field).toBe('raw');
    }
    const { messages } = await one.view({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1 });
    expect(messages.map((m) => m.text)).toEqual(['first']);
    expect(JSON.stringify(await one.events({ org: 'acme', service: 'crm' }))).not.toContain('poison');
  });
});

describe('R27: well-formed ids', () => {
  it('R27: a lone surrogate half in any id is INVALID_INPUT naming the field', async () => {
    expect(isWellFormed('acme')).toBe(true);
    expect(isWellFormed('😀')).toBe(true);
    for (const bad of ['a\ud800', '\udc00b', 'x\ud83d'])
      for (const schema of [idSchema, adapterLabelSchema]) expect(schema.safeParse(bad).success).toBe(false);
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm']);
    const cases: [Promise<unknown>, string][] = [
      [one.connect({ org: 'acme\ud800', service: 'crm', number: N1 }), 'org'],
      [one.receive({ number: N1, customer: '+8190\udc00', text: 'x' }), 'customer'],
      [one.receive({ number: N1, customer: C1, text: 'x', id: 'wamid.\ud800' }), 'id'],
      [one.reply({ org: 'acme', service: 'crm', number: N1, agent: 'a\udfff', customer: C1, text: 'x' }), 'agent'],
      [one.updateStatus({ org: 'acme', message: 'msg_\ud800', status: 'read' }), 'message'],
    ];
    for (const [call, field] of cases) expect((await refusal(call, 'INVALID_INPUT')).field).toBe(field);
    expect(() => createMemoryDirectory({ orgs: [{ id: 'a\ud800', plan: 'zoho-one' }] })).toThrow();
    expect(orgEntrySchema.safeParse({ id: 'acme', plan: 'zoho-one', services: { 'x\ud800': 'bundle' } }).success).toBe(
      false,
    );
  });

  it('R36: an org lists at most 200 services', () => {
    const services = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`s${i}`, 'bundle']));
    expect(orgEntrySchema.safeParse({ id: 'acme', plan: 'zoho-one', services }).success).toBe(false);
  });
});

describe('R27: message types are a closed list', () => {
  it("R27: receive refuses a type outside the list, naming type; WhatsApp's types are in it", async () => {
    expect(messageTypes).toEqual(expect.arrayContaining(['text', 'image', 'reaction', 'template', 'unsupported']));
    expect(messageTypeOf('image')).toBe('image');
    expect(messageTypeOf('hologram')).toBe('unsupported');
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm']);
    for (const type of ['hologram', 'x'.repeat(32), 'Text'])
      expect(
        (await refusal(one.receive({ number: N1, customer: C1, text: 'x', type: type as never }), 'INVALID_INPUT'))
          .field,
      ).toBe('type');
    await one.receive({ number: N1, customer: C1, text: null, type: 'sticker', raw: { sticker: { id: '1' } } });
  });

  it('R27: a type stored before the list was closed reaches other services as unsupported', () => {
    const stored: StoredMessage = {
      id: 'msg_1',
      channel: 'ch_1',
      conversation: 'cv_1',
      direction: 'out',
      service: 'crm',
      agent: 'a',
      agentName: 'A',
      type: 'secret-word',
      text: 't',
      raw: null,
      status: 'sent',
      error: null,
      providerId: null,
      at: '2026-01-01T00:00:00.000Z',
    };
    expect(projectMessage(stored, 'crm').type).toBe('secret-word');
    expect(projectMessage(stored, 'desk').type).toBe('unsupported');
  });
});

describe('R5: business numbers in international forms', () => {
  it('R5: every form with the country code first is accepted; national-only forms are not', () => {
    for (const form of [
      '(+44) 20 7946 0958',
      '+44 (0)20 7946 0958',
      '+44 20 7946 0958',
      '+44-20-7946-0958',
      '0044 20 7946 0958',
      '(0044) 20 7946 0958',
      ' ( +44 ) 20 7946 0958 ',
    ])
      expect(normaliseNumber(form), form).toBe('+442079460958');
    expect(normaliseNumber('(+81) 3-1234-5678')).toBe('+81312345678');
    for (const form of ['020 7946 0958', '44 20 7946 0958', '(020) 7946 0958', 'call +44 20 7946 0958', '(+44) 20'])
      expect(normaliseNumber(form), form).toBeNull();
  });

  it('R5: connect with the country code in parentheses joins the same channel as E.164', async () => {
    const { one } = makeWorld();
    const [first] = await connectAll(one, N1, ['crm']);
    const second = await one.connect({ org: 'acme', service: 'desk', number: '(+81) 3-1234-5678' });
    expect(second.channel).toBe(first!.channel);
    await refusal(one.connect({ org: 'acme', service: 'salesiq', number: '03-1234-5678' }), 'INVALID_NUMBER');
  });
});
