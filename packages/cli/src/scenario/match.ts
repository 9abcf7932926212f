// `expect` matching (docs/scenarios.md): every key given must be present with an equal value; objects
// recursively as subsets; arrays of equal length, element by element; "*" matches any present value.

export interface Failure {
  step: number;
  path: string;
  expected: unknown;
  actual: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function match(expected: unknown, actual: unknown, path: string, step: number, out: Failure[]): void {
  if (expected === '*') {
    if (actual === undefined) out.push({ step, path, expected, actual: null });
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push({ step, path, expected, actual: actual ?? null });
      return;
    }
    expected.forEach((e, i) => {
      match(e, actual[i], `${path}[${i}]`, step, out);
    });
    return;
  }
  if (isObject(expected)) {
    if (!isObject(actual)) {
      out.push({ step, path, expected, actual: actual ?? null });
      return;
    }
    for (const [k, v] of Object.entries(expected)) {
      const sub = path ? `${path}.${k}` : k;
      if (!(k in actual)) out.push({ step, path: sub, expected: v, actual: null });
      else match(v, actual[k], sub, step, out);
    }
    return;
  }
  if (expected !== actual) out.push({ step, path, expected, actual: actual ?? null });
}
