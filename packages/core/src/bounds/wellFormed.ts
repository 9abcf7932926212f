// R27, R36: an id is well-formed Unicode. A lone surrogate half cannot be stored as it is (UTF-8
// databases write U+FFFD instead), so two different ids would become one key: such an id is
// refused with INVALID_INPUT naming the field, never changed.
import type { z } from 'zod';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** String.prototype.isWellFormed where the runtime has it, the same test by pattern elsewhere. */
export function isWellFormed(value: string): boolean {
  const native = (value as { isWellFormed?: () => boolean }).isWellFormed;
  return typeof native === 'function' ? native.call(value) : !loneSurrogate.test(value);
}

export const wellFormedMessage = 'has a lone surrogate half (ill-formed Unicode); send well-formed text';

/** `schema` refusing ill-formed strings. */
export const wellFormed = <S extends z.ZodType<string, string>>(schema: S): S =>
  schema.refine(isWellFormed, wellFormedMessage) as S;
