// Words: a business number is kept in E.164, parsed by libphonenumber-js (R5: it must be valid).
// A customer is their WhatsApp id: E.164 (a webhook's wa_id gains its '+') or a business-scoped
// user id, compared exactly and never checked as a phone number.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { isWellFormed, wellFormedMessage } from '../bounds/wellFormed';

// A business has few numbers and every operation names one: remember recent answers, bounded.
const cache = new Map<string, string | null>();
const cacheLimit = 1024;

/** Returns the E.164 form of a business number, or null when it is not a valid number. */
export function normaliseNumber(input: string): string | null {
  const known = cache.get(input);
  if (known !== undefined) return known;
  const trimmed = input.trim();
  let e164: string | null = null;
  // R5: a country code is required, written first: "+44 20 7946 0958", "(+44) 20 7946 0958",
  // "+44 (0)20 7946 0958", "0044 20 7946 0958". Parsed with no default country, libphonenumber-js
  // accepts only international forms, so a national-only number ("020 7946 0958") stays refused.
  if (/^\(?\s*(\+|00)/.test(trimmed)) {
    const parsed = parsePhoneNumberFromString(trimmed.replace(/^(\(?\s*)00/, '$1+'));
    e164 = parsed?.isValid() ? parsed.number : null;
  }
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!);
  cache.set(input, e164);
  return e164;
}

export const businessNumberSchema = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const e164 = normaliseNumber(value);
    if (!e164) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value.slice(0, 40)}" is not a valid business number; write it with its country code`,
        params: { code: 'INVALID_NUMBER' },
      });
      return z.NEVER;
    }
    return e164;
  });

/** A customer id: digits (a wa_id) gain '+'; anything else (a business-scoped id) is kept exactly. */
export function normaliseCustomer(input: string): string {
  const compact = input.trim();
  if (/^\+?[0-9][0-9 ()-]*$/.test(compact)) return `+${compact.replace(/[^0-9]/g, '')}`;
  return compact;
}

export const customerSchema = z
  .string()
  .min(1)
  .max(128)
  .refine((v) => v.trim().length > 0, 'a customer id is required')
  .refine(isWellFormed, wellFormedMessage)
  .transform(normaliseCustomer);
