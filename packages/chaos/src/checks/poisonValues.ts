// Poison (R36): random deep and huge JSON, written as text (a value deeper than JSON.stringify can
// write is still sent), from a seeded generator so a failing run replays. Deep objects, arrays and
// both mixed from just inside the API's bounds to 100,000 levels; strings, objects and arrays from
// a few KiB to past the body limit; keys and values JavaScript treats specially.
export interface Poison {
  kind: string;
  /** The JSON text of the value. */
  text: string;
  depth: number;
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const depths = [8, 31, 32, 33, 64, 65, 256, 1_000, 5_000, 20_000, 100_000] as const;
const sizes = [1_024, 64 * 1024, 300 * 1024, 900 * 1024, 1_100 * 1024, 3 * 1024 * 1024] as const;

function deep(depth: number, shape: 'object' | 'array' | 'mixed', leaf: string): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    const object = shape === 'object' || (shape === 'mixed' && i % 2 === 0);
    open += object ? '{"a":' : '[';
    close = (object ? '}' : ']') + close;
  }
  return `${open}${leaf}${close}`;
}

/** About `bytes` of JSON of one of three shapes: a string, an object with many keys, a long array. */
function huge(bytes: number, shape: 'string' | 'object' | 'array'): string {
  if (shape === 'string') return JSON.stringify('x'.repeat(bytes));
  if (shape === 'object') {
    const keys = Math.max(1, Math.floor(bytes / 12));
    return `{${Array.from({ length: keys }, (_, i) => `"k${i}":${i % 10}`).join(',')}}`;
  }
  return `[${'0,'.repeat(Math.max(0, Math.floor(bytes / 2) - 1))}0]`;
}

const nasty = [
  '{"__proto__":{"polluted":true,"isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '"\\ud800 a lone surrogate"',
  '{"\\u0000":"\\u0000","":""}',
  '1e309',
  '-0',
  '[1e-400,123456789012345678901234567890]',
  '{"a":1,"a":2}',
  `"${'💬'.repeat(5_000)}"`,
  '{"toString":"x","valueOf":{"a":[]},"hasOwnProperty":null}',
];

/** One poison value: deep, huge or nasty, alone or wrapped with ordinary neighbours. */
export function poison(random: Random): Poison {
  const roll = random();
  let kind: string;
  let text: string;
  let depth = 1;
  if (roll < 0.45) {
    depth = pick(random, depths);
    const shape = pick(random, ['object', 'array', 'mixed'] as const);
    kind = `deep ${shape} ${depth}`;
    text = deep(depth, shape, pick(random, ['1', 'null', '"bottom"', '{}', '[]']));
  } else if (roll < 0.8) {
    const bytes = pick(random, sizes);
    const shape = pick(random, ['string', 'object', 'array'] as const);
    kind = `huge ${shape} ${Math.round(bytes / 1024)} KiB`;
    text = huge(bytes, shape);
  } else {
    kind = 'nasty';
    text = pick(random, nasty);
  }
  if (random() < 0.3) {
    text = `{"ordinary":"neighbour","list":[1,2,3],"poison":${text}}`;
    depth += 1;
    kind += ' (wrapped)';
  }
  return { kind, text, depth };
}

const marker = '"__POISON__"';

/** `body` as JSON text with the value at `path` (created when missing) replaced by `value`. */
export function withPoison(body: unknown, path: readonly (string | number)[], value: string): string {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = '__POISON__';
  const text = JSON.stringify(copy);
  const at = text.indexOf(marker);
  return `${text.slice(0, at)}${value}${text.slice(at + marker.length)}`;
}

/** Every path to a leaf of `value`, and to each object or array in it (the root excluded). */
export function pathsIn(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [
    ...(at.length ? [at] : []),
    ...keys.flatMap((k) => pathsIn((value as Record<string | number, unknown>)[k], [...at, k])),
  ];
}
