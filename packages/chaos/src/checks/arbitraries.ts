// Generated inputs: wrong types, huge strings, deep nesting, unicode, numbers in odd formats,
// missing and unknown fields, and valid records with one field broken.
import fc from 'fast-check';

const oddNumber = fc.constantFrom(
  '+81 3-1234-5678',
  '0081312345678',
  '+8１３１２３４５６７８',
  '+1 (202) 555-0100 ext. 5',
  '+0',
  '++81312345678',
  '81312345678',
  '+81312345678\u0000',
  '١٢٣',
  '+81312345678'.repeat(20),
  '',
);
const oddString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    '<script>alert(1)</script>',
    "'; DROP TABLE channels; --",
    '__proto__',
    'constructor',
    '💬'.repeat(500),
  ),
  fc.integer({ min: 1, max: 200 }).map((n) => 'x'.repeat(n * 1000)),
  oddNumber,
);
const leaf = fc.oneof(oddString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.bigInt().map(String));
const deep = fc.integer({ min: 50, max: 3000 }).map((depth) => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { v };
  return v;
});
export const junk = fc.oneof(
  leaf,
  deep,
  fc.dictionary(oddString, leaf, { maxKeys: 8 }),
  fc.array(leaf, { maxLength: 8 }),
  fc.jsonValue({ maxDepth: 6 }),
);

/** A valid-looking record with one field replaced, removed, or an unknown field added. */
export function broken(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...keys), junk).map(([k, v]) => ({ ...valid, [k]: v })),
    fc.constantFrom(...keys).map((k) => {
      const copy = { ...valid };
      delete copy[k];
      return copy;
    }),
    fc.tuple(oddString, junk).map(([k, v]) => ({ ...valid, [k || 'extra']: v })),
  );
}

export const rawBody = fc.oneof(
  fc.constantFrom('{', 'null', '[]', '"text"', '{"a":', '\u0000\u0001', '{"org":"acme",}', ''),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
