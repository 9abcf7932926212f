// R36: the one zod helper for free-form JSON in an input (a message's raw object, or any field
// typed unknown or record). Over a limit it is an issue on that field, so parseInput answers
// INVALID_INPUT naming it: "raw: nested deeper than 32 levels (R36)". Exported for integrators
// who validate the same inputs on their side.
import { z } from 'zod';
import { checkJsonBounds, rawJsonLimits, type JsonLimits } from './jsonBounds';

/**
 * `inner` (any JSON value by default) bounded by `limits` (by default rawJsonLimits: 32 deep,
 * 64 KiB, 1,000 keys). The bounds are checked without recursion, so no value can overflow the
 * stack, however deep.
 */
export function boundedJson(limits?: Partial<JsonLimits>): z.ZodUnknown;
export function boundedJson<S extends z.ZodType>(limits: Partial<JsonLimits> | undefined, inner: S): S;
export function boundedJson(limits: Partial<JsonLimits> = {}, inner: z.ZodType = z.unknown()): z.ZodType {
  const bounds: JsonLimits = { ...rawJsonLimits, ...limits };
  return inner.superRefine((value, ctx) => {
    const breach = checkJsonBounds(value, bounds);
    if (breach) ctx.addIssue({ code: 'custom', message: breach.message, params: { limit: breach.limit } });
  });
}
