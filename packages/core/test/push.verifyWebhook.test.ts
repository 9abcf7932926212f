// R34: verifyWebhook, a receiver's check of a push delivery: Standard Webhooks signatures (signed
// here with the `standardwebhooks` package itself), from a fetch Request or node:http's headers
// and body; either of two secrets during a rotation; anything else UNAUTHORIZED.
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { OneNumberError, verifyWebhook } from '../src';

const secret = `whsec_${btoa('0123456789abcdef0123456789abcdef')}`;
const other = `whsec_${btoa('fedcba9876543210fedcba9876543210')}`;
const event = { id: '42', type: 'messageReceived', org: 'acme', service: 'desk', conversation: 'cv_1' };
const body = JSON.stringify(event);

function signed(key = secret, at = new Date(), id = 'sub_1.42') {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(key).sign(id, at, body),
  };
}

const code = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return null;
  } catch (error) {
    return OneNumberError.isInstance(error) ? error.code : 'not a OneNumberError';
  }
};

describe('R34 verifyWebhook', () => {
  it('R34: answers the event of a delivery signed with the secret, from a fetch Request or node headers and body', async () => {
    const request = new Request('https://receiver.example/hook', { method: 'POST', headers: signed(), body });
    expect(await verifyWebhook(request, secret)).toEqual(event);
    const nodeHeaders = { ...signed(), 'content-type': 'application/json', 'x-forwarded-for': ['a', 'b'] };
    expect(await verifyWebhook({ headers: nodeHeaders, body }, secret)).toEqual(event);
    expect(await verifyWebhook({ headers: nodeHeaders, body: new TextEncoder().encode(body) }, secret)).toEqual(event);
    const upper = Object.fromEntries(Object.entries(signed()).map(([k, v]) => [k.toUpperCase(), v]));
    expect(await verifyWebhook({ headers: upper, body }, secret)).toEqual(event);
  });

  it('R34: during a rotation either secret verifies; both signatures may come in one header', async () => {
    expect(await verifyWebhook({ headers: signed(other), body }, [secret, other])).toEqual(event);
    const both = signed();
    both['webhook-signature'] = `${signed(other)['webhook-signature']} ${both['webhook-signature']}`;
    expect(await verifyWebhook({ headers: both, body }, secret)).toEqual(event);
  });

  it('R34: a wrong secret, a changed body, a missing header or an old timestamp is UNAUTHORIZED', async () => {
    expect(await code(verifyWebhook({ headers: signed(other), body }, secret))).toBe('UNAUTHORIZED');
    expect(await code(verifyWebhook({ headers: signed(), body: body.replace('42', '43') }, secret))).toBe(
      'UNAUTHORIZED',
    );
    const { 'webhook-signature': _, ...unsigned } = signed();
    expect(await code(verifyWebhook({ headers: unsigned, body }, secret))).toBe('UNAUTHORIZED');
    const old = signed(secret, new Date(Date.now() - 10 * 60_000));
    expect(await code(verifyWebhook({ headers: old, body }, secret))).toBe('UNAUTHORIZED');
    expect(await code(verifyWebhook({ headers: signed(), body }, []))).toBe('INVALID_INPUT');
    expect(await code(verifyWebhook({ headers: signed(), body }, 'whsec_'))).toBe('INVALID_INPUT');
  });
});
