// R36: free-form JSON is bounded in depth, size and number of keys. The check walks the value
// with its own stack, never by recursion, and stops at the first limit passed, so a value nested
// 100,000 levels deep costs as much as one nested 33 levels deep and cannot overflow the stack.

export interface JsonLimits {
  /** Containers (objects, arrays) nested in each other: `1` is 0 deep, `{"a":[1]}` is 2 deep. */
  depth: number;
  /** The JSON text, in UTF-8 bytes. */
  bytes: number;
  /** Object keys, counted over the whole value. */
  keys: number;
}

/** A message's `raw` object (and any other free-form field of the API): 32 deep, 64 KiB, 1,000 keys. */
export const rawJsonLimits: Readonly<JsonLimits> = Object.freeze({ depth: 32, bytes: 64 * 1024, keys: 1000 });

export interface JsonBreach {
  limit: 'depth' | 'bytes' | 'keys' | 'json';
  message: string;
}

const kib = (bytes: number) => (bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`);

/** The UTF-8 length of a JSON text (lone surrogates are escaped by JSON.stringify, so never met). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The first limit `value` passes, or null when it is within all of them. The walk keeps a lower
 * bound of the JSON text's size as it goes, so a large value is refused before it is serialised;
 * a value close to the limit is serialised once to measure it exactly.
 */
export function checkJsonBounds(value: unknown, limits: JsonLimits): JsonBreach | null {
  const stack: unknown[] = [value];
  const depths: number[] = [0];
  let keys = 0;
  let estimate = 0;
  while (stack.length > 0) {
    const item = stack.pop();
    const depth = depths.pop()!;
    if (typeof item === 'string') estimate += item.length + 2;
    else if (typeof item === 'bigint') return { limit: 'json', message: 'a bigint is not JSON' };
    else if (item !== null && typeof item === 'object') {
      if (depth >= limits.depth) return { limit: 'depth', message: `nested deeper than ${limits.depth} levels (R36)` };
      estimate += 2;
      if (Array.isArray(item)) {
        estimate += Math.max(0, item.length - 1);
        for (let i = item.length - 1; i >= 0; i--) {
          stack.push(item[i]);
          depths.push(depth + 1);
        }
      } else {
        const entries = Object.keys(item);
        keys += entries.length;
        if (keys > limits.keys) return { limit: 'keys', message: `more than ${limits.keys} keys (R36)` };
        let members = 0;
        for (const key of entries) {
          const member = (item as Record<string, unknown>)[key];
          if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
          estimate += key.length + 3; // quotes and colon
          members++;
          stack.push(member);
          depths.push(depth + 1);
        }
        estimate += Math.max(0, members - 1); // commas
      }
    } else estimate += 1; // a number, boolean or null is at least one character
    if (estimate > limits.bytes) return { limit: 'bytes', message: `larger than ${kib(limits.bytes)} as JSON (R36)` };
  }
  // Each estimated character is at most 6 bytes of JSON (an escape such as \u001f): far below, done.
  if (estimate * 6 <= limits.bytes) return null;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return { limit: 'json', message: 'not a JSON value' };
  }
  if (text !== undefined && utf8Length(text) > limits.bytes)
    return { limit: 'bytes', message: `larger than ${kib(limits.bytes)} as JSON (R36)` };
  return null;
}
