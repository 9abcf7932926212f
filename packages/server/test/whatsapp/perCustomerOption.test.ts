// The server's pacing per customer option (issue 19): on by default (6,000 ms, a burst of 3),
// WHATSAPP_PER_CUSTOMER sets it (`<intervalMs>/<burst>`, `<intervalMs>`, `off`), the `perCustomer`
// option wins over the environment, and a bad value is INVALID_INPUT naming the variable.
import { OneNumberError } from '@onenumber/core';
import { describe, expect, it } from 'vitest';
import { resolveWhatsApp } from '../../src/http/whatsapp/whatsAppOptions';

const resolved = (env: Record<string, string>, perCustomer?: false | { intervalMs?: number; burst?: number }) =>
  resolveWhatsApp({ env, ...(perCustomer !== undefined ? { perCustomer } : {}) }).perCustomer;

describe('perCustomer and WHATSAPP_PER_CUSTOMER', () => {
  it('defaults to the pair rate, reads the environment, and an option wins over it', () => {
    expect(resolved({})).toEqual({ intervalMs: 6000, burst: 3 });
    expect(resolved({ WHATSAPP_PER_CUSTOMER: '3000/2' })).toEqual({ intervalMs: 3000, burst: 2 });
    expect(resolved({ WHATSAPP_PER_CUSTOMER: '10000' })).toEqual({ intervalMs: 10000, burst: 3 });
    expect(resolved({ WHATSAPP_PER_CUSTOMER: 'off' })).toBe(false);
    expect(resolved({ WHATSAPP_PER_CUSTOMER: 'off' }, { burst: 5 })).toEqual({ intervalMs: 6000, burst: 5 });
    expect(resolved({}, false)).toBe(false);
  });

  it('refuses what is not a pacing, naming the variable', () => {
    for (const value of ['fast', '6000/0', '-1', '6000/3/1']) {
      const error = (() => {
        try {
          resolved({ WHATSAPP_PER_CUSTOMER: value });
        } catch (e) {
          return e;
        }
      })();
      expect(OneNumberError.isInstance(error), value).toBe(true);
      expect(error).toMatchObject({ code: 'INVALID_INPUT' });
      expect((error as Error).message, value).toMatch(/WHATSAPP_PER_CUSTOMER/);
    }
  });
});
