// R36: the nesting depth of a JSON text, read from its characters or UTF-8 bytes without parsing
// it, in one pass with no recursion. The webhook checks a delivery with it before JSON.parse, and
// the server's database reads check a stored text with it before decoding it.

const quote = 0x22;
const backslash = 0x5c;
const open = new Set([0x5b, 0x7b]); // [ {
const close = new Set([0x5d, 0x7d]); // ] }

/** True when brackets outside strings nest deeper than `max` anywhere in the text. */
export function jsonNestingExceeds(text: string | Uint8Array, max: number): boolean {
  const length = text.length;
  // Valid JSON nested deeper than `max` needs more than `max` opening and closing brackets.
  if (length <= 2 * max) return false;
  const bytes = typeof text !== 'string';
  let depth = 0;
  let inString = false;
  for (let i = 0; i < length; i++) {
    const c = bytes ? (text as Uint8Array)[i]! : (text as string).charCodeAt(i);
    if (inString) {
      if (c === backslash) i++;
      else if (c === quote) inString = false;
    } else if (c === quote) inString = true;
    else if (open.has(c)) {
      if (++depth > max) return true;
    } else if (close.has(c)) depth--;
  }
  return false;
}
