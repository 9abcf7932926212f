// The Graph client against msw with real answers: request shape, typed errors, retries decided by
// the error code in the body (never the HTTP status alone), bounded, with seeded jitter.
import { OneNumberError } from '@onenumber/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkWindow, createGraphClient, createManualClock, createSeededRandom, WhatsAppGraphError } from '../src';
import { accepted, createGraphMock, graphError } from './support/graphMock';
import { N1, PNID, WA1, BSUID } from './support/world';

const graph = createGraphMock();
beforeAll(() => graph.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => graph.reset());
afterAll(() => graph.server.close());

function client(extra: Parameters<typeof createGraphClient>[0] = {}) {
  const clock = createManualClock({ auto: true });
  const c = createGraphClient({
    accessToken: 'EAAG-test-token',
    phoneNumberId: (n) => (n === N1 ? PNID : null),
    clock,
    random: createSeededRandom(7),
    env: {},
    ...extra,
  });
  return { c, clock };
}

async function refusal(promise: Promise<unknown>): Promise<WhatsAppGraphError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(WhatsAppGraphError.isGraphError(error), String(error)).toBe(true);
  expect(OneNumberError.isInstance(error)).toBe(true);
  return error as WhatsAppGraphError;
}

describe('Graph client: the request and its answer', () => {
  it('posts the real text shape to /v23.0/{phone-number-id}/messages and reads messages[0].id', async () => {
    const { c } = client();
    const result = await c.sendText({
      from: N1,
      to: `+${WA1}`,
      body: 'Your order shipped',
      bizOpaqueCallbackData: 'cb-42',
    });
    expect(result).toMatchObject({ id: expect.stringMatching(/^wamid\./), waId: WA1, attempts: 1 });
    expect(graph.calls).toHaveLength(1);
    expect(graph.calls[0]).toMatchObject({
      version: 'v23.0',
      phoneNumberId: PNID,
      authorization: 'Bearer EAAG-test-token',
    });
    expect(graph.calls[0]!.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: WA1,
      type: 'text',
      text: { body: 'Your order shipped' },
      biz_opaque_callback_data: 'cb-42',
    });
  });

  it('sends a template, and a business-scoped user id goes in `recipient`', async () => {
    const { c } = client();
    await c.sendTemplate({
      from: PNID,
      to: BSUID,
      template: {
        name: 'order_update',
        language: 'ja',
        components: [{ type: 'body', parameters: [{ type: 'text', text: '42' }] }],
      },
    });
    expect(graph.calls[0]!.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      recipient: BSUID,
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'ja' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: '42' }] }],
      },
    });
  });

  it('takes the base URL, version and token from WHATSAPP_GRAPH_URL, WHATSAPP_API_VERSION, WHATSAPP_ACCESS_TOKEN', async () => {
    const c = createGraphClient({
      env: {
        WHATSAPP_GRAPH_URL: 'https://graph.facebook.com/',
        WHATSAPP_API_VERSION: 'v24.0',
        WHATSAPP_ACCESS_TOKEN: 'from-env',
      },
      phoneNumberId: PNID,
    });
    expect([c.graphUrl, c.apiVersion]).toEqual(['https://graph.facebook.com', 'v24.0']);
    await c.sendText({ from: N1, to: WA1, body: 'hi' });
    expect(graph.calls[0]).toMatchObject({ version: 'v24.0', authorization: 'Bearer from-env' });
    expect(() => createGraphClient({ env: {} })).toThrow(/WHATSAPP_ACCESS_TOKEN/);
    expect(() => createGraphClient({ env: { WHATSAPP_ACCESS_TOKEN: 't', WHATSAPP_API_VERSION: '23' } })).toThrow(
      /v23\.0/,
    );
  });

  it('checks a text body (at most 4,096 characters) before any call', async () => {
    const { c } = client();
    await expect(c.sendText({ from: N1, to: WA1, body: 'x'.repeat(4096) })).resolves.toMatchObject({ attempts: 1 });
    const error = await c.sendText({ from: N1, to: WA1, body: 'x'.repeat(4097) }).catch((e: OneNumberError) => e);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'body' });
    expect(graph.calls).toHaveLength(1);
  });

  it('refuses a business number with no registered phone_number_id, before any call', async () => {
    const { c } = client();
    await expect(c.sendText({ from: '+12025550100', to: WA1, body: 'hi' })).rejects.toMatchObject({
      code: 'NOT_CONNECTED',
    });
    expect(graph.calls).toHaveLength(0);
  });
});

describe('Graph client: retries decided by the error code', () => {
  it('131047 (window closed) is not retried and is reported as WINDOW_CLOSED, template allowed', async () => {
    const { c, clock } = client();
    graph.answer(graphError(131047));
    const error = await refusal(c.sendText({ from: N1, to: WA1, body: 'late' }));
    expect(error).toMatchObject({
      code: 'WINDOW_CLOSED',
      graphCode: 131047,
      kind: 'window-closed',
      retryable: false,
      attempts: 1,
      httpStatus: 400,
    });
    expect(error.details).toMatchObject({ templateAllowed: true });
    expect(graph.calls).toHaveLength(1);
    expect(clock.slept).toEqual([]);
  });

  it('130429 (throughput) is retried after its wait (1 s, then 2 s, jitter only adding), then succeeds', async () => {
    const { c, clock } = client();
    graph.answer(graphError(130429), graphError(130429));
    const result = await c.sendText({ from: N1, to: WA1, body: 'busy' });
    expect(result.attempts).toBe(3);
    expect(graph.calls).toHaveLength(3);
    // Seeded jitter: each wait is 2^X s plus at most a quarter, and the same every run.
    expect(clock.slept).toHaveLength(2);
    expect(clock.slept[0]).toBeGreaterThanOrEqual(1000);
    expect(clock.slept[0]).toBeLessThan(1250);
    expect(clock.slept[1]).toBeGreaterThanOrEqual(2000);
    expect(clock.slept[1]).toBeLessThan(2500);
    const again = client();
    graph.answer(graphError(130429), graphError(130429));
    await again.c.sendText({ from: N1, to: WA1, body: 'busy' });
    expect(again.clock.slept).toEqual(clock.slept);
  });

  it('190 (token expired) surfaces as an auth error saying to refresh WHATSAPP_ACCESS_TOKEN, never retried', async () => {
    const { c } = client();
    graph.answer(graphError(190));
    const error = await refusal(c.sendText({ from: N1, to: WA1, body: 'hi' }));
    expect(error).toMatchObject({
      code: 'UNAUTHORIZED',
      kind: 'auth',
      graphCode: 190,
      subcode: 463,
      retryable: false,
      httpStatus: 401,
    });
    expect(error.message).toMatch(/WHATSAPP_ACCESS_TOKEN/);
    expect(graph.calls).toHaveLength(1);
  });

  it('131026 (undeliverable) is final, and so is an unknown code', async () => {
    const { c } = client();
    graph.answer(graphError(131026));
    expect(await refusal(c.sendText({ from: N1, to: WA1, body: 'hi' }))).toMatchObject({
      kind: 'undeliverable',
      graphCode: 131026,
      retryable: false,
      attempts: 1,
    });
    graph.answer(graphError(132001));
    expect(await refusal(c.sendText({ from: N1, to: WA1, body: 'hi' }))).toMatchObject({
      kind: 'other',
      graphCode: 132001,
      retryable: false,
    });
    expect(graph.calls).toHaveLength(2);
  });

  it('131000 with HTTP 500 is retried by its code; attempts are bounded', async () => {
    const { c } = client({ maxAttempts: 3 });
    graph.answer(graphError(131000), graphError(131000), graphError(131000), accepted);
    expect(await refusal(c.sendText({ from: N1, to: WA1, body: 'hi' }))).toMatchObject({
      kind: 'temporary',
      graphCode: 131000,
      attempts: 3,
    });
    expect(graph.calls).toHaveLength(3);
  });

  it('a per-call maxAttempts of 1 turns retries off (the outbox retries durably itself)', async () => {
    const { c } = client();
    graph.answer(graphError(4));
    expect(await refusal(c.sendText({ from: N1, to: WA1, body: 'hi' }, { maxAttempts: 1 }))).toMatchObject({
      kind: 'rate-limit',
      graphCode: 4,
      retryable: true,
      attempts: 1,
    });
    expect(graph.calls).toHaveLength(1);
  });
});

describe('the 24-hour window', () => {
  it('is open until 24 hours after the last inbound, then refused with WINDOW_CLOSED offering a template', () => {
    const last = '2025-06-01T10:00:00.000Z';
    expect(checkWindow(last, '2025-06-02T09:59:59.999Z')).toEqual({ open: true, closesAt: '2025-06-02T10:00:00.000Z' });
    for (const [lastInbound, now] of [
      [last, '2025-06-02T10:00:00.000Z'],
      [null, '2025-06-01T10:00:00.000Z'],
    ] as const) {
      let error: unknown;
      try {
        checkWindow(lastInbound, now);
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ code: 'WINDOW_CLOSED', details: { templateAllowed: true } });
      expect((error as Error).message).toMatch(/template/);
    }
  });
});
