// The WHATSAPP_* environment, read and checked in one place.
import { describe, expect, it } from 'vitest';
import { readWhatsAppEnv } from '../src';

describe('readWhatsAppEnv', () => {
  it('reads the five variables with their defaults; blank counts as unset', () => {
    expect(
      readWhatsAppEnv({ WHATSAPP_VERIFY_TOKEN: 'v', WHATSAPP_APP_SECRET: 's', WHATSAPP_ACCESS_TOKEN: '', OTHER: 'x' }),
    ).toEqual({
      verifyToken: 'v',
      appSecret: 's',
      accessToken: undefined,
      graphUrl: 'https://graph.facebook.com',
      apiVersion: 'v23.0',
      webhookConfigured: true,
    });
    expect(
      readWhatsAppEnv({ WHATSAPP_GRAPH_URL: 'http://127.0.0.1:9999/', WHATSAPP_API_VERSION: 'v24.0' }),
    ).toMatchObject({
      graphUrl: 'http://127.0.0.1:9999',
      apiVersion: 'v24.0',
      webhookConfigured: false,
    });
  });

  it('refuses a malformed variable with INVALID_INPUT naming it', () => {
    for (const [name, value] of [
      ['WHATSAPP_GRAPH_URL', 'ftp://graph'],
      ['WHATSAPP_API_VERSION', 'latest'],
    ] as const) {
      let error: unknown;
      try {
        readWhatsAppEnv({ [name]: value });
      } catch (e) {
        error = e;
      }
      expect(error, name).toMatchObject({ code: 'INVALID_INPUT', field: name });
    }
  });
});
