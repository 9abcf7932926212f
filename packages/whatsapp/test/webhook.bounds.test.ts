// R36: a webhook delivery keeps unknown fields but is bounded: 64 levels deep (read from the bytes
// before JSON.parse: 400 with the reason, never 500) and 4 MiB (413). A message over core's raw
// bounds is stored with its raw object cut to its top-level fields, never lost. R27: a type
// WhatsApp adds later is stored as `unsupported`, its own type kept in raw.
import { describe, expect, it } from 'vitest';
import { createWhatsAppWebhook, ingestInto, messagePayload, type IngestReport, type WebhookBatch } from '../src';
import { storableRaw, webhookLimits } from '../src/webhook/webhookBounds';
import { LINE, N1, SECRET, VERIFY, WA1, connected, post, resolveN1 } from './support/world';

/** {"a":{"a":...}} `depth` levels deep. */
function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** A message of `type` whose content is `value`: the message object is 8 levels down the payload. */
const payloadWith = (value: unknown, type = 'text') =>
  messagePayload(LINE, { phone: WA1 }, { id: `wamid.${type}.${Math.random()}`, at: 0, type, content: value });

function recording() {
  const batches: WebhookBatch[] = [];
  const handler = createWhatsAppWebhook({
    appSecret: SECRET,
    verifyToken: VERIFY,
    ingest: async (batch) => void batches.push(batch),
  });
  return { handler, batches };
}

describe('R36: webhook bounds', () => {
  it('R36: 64 levels are accepted, 65 answer 400 with the reason and nothing is ingested', async () => {
    const { handler, batches } = recording();
    // The message object sits 8 levels down, its content object at 9: `extra` adds the rest.
    const at = (depth: number) => JSON.stringify(payloadWith({ body: 'hi', extra: nested(depth - 9) }));
    expect((await handler(post(at(webhookLimits.depth)))).status).toBe(200);
    const refused = await handler(post(at(webhookLimits.depth + 1)));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: 'INVALID_INPUT',
      message: expect.stringMatching(/deeper than 64/),
    });
    expect(batches).toHaveLength(1);
  });

  it('R36: a signed delivery 100,000 levels deep answers 400, never 500', async () => {
    const { handler, batches } = recording();
    const deep = `{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}]}`;
    const response = await handler(post(deep));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/R36/);
    // Brackets inside strings are text, not depth.
    const quoted = JSON.stringify(payloadWith({ body: '['.repeat(100_000) }));
    expect((await handler(post(quoted))).status).toBe(200);
    expect(batches).toHaveLength(1);
  });

  it('R36: a body over 4 MiB is refused with 413 before its signature is checked', async () => {
    const { handler } = recording();
    expect(webhookLimits.bytes).toBe(4 * 1024 * 1024);
    const big = JSON.stringify(payloadWith({ body: 'x'.repeat(webhookLimits.bytes) }));
    expect((await handler(post(big))).status).toBe(413);
  });

  it('R36: a raw object over core bounds keeps its top-level fields, marked; within them it is kept whole', () => {
    const small = { id: 'wamid.1', type: 'text', text: { body: 'hi' } };
    expect(storableRaw(small)).toEqual({ raw: small, omitted: false });
    const { raw, omitted } = storableRaw({ id: 'wamid.2', type: 'text', timestamp: '1', deep: nested(40) });
    expect(omitted).toBe(true);
    expect(raw).toEqual({ id: 'wamid.2', type: 'text', timestamp: '1', omitted: 'raw exceeded its depth limit (R36)' });
  });
});

describe('R27, R36: what the webhook stores', () => {
  async function ingested(payload: unknown) {
    const one = await connected();
    const reports: IngestReport[] = [];
    const ingest = ingestInto(one, { resolveNumber: resolveN1 });
    const handler = createWhatsAppWebhook({
      appSecret: SECRET,
      verifyToken: VERIFY,
      ingest: async (batch) => void reports.push(await ingest(batch)),
    });
    const response = await handler(post(JSON.stringify(payload)));
    const { messages } = await one.view({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: `+${WA1}` });
    return { status: response.status, reports, messages };
  }

  it('R27: a type WhatsApp added later is stored as unsupported, its own type kept in raw', async () => {
    const { status, messages } = await ingested(payloadWith({ frames: 3 }, 'hologram'));
    expect(status).toBe(200);
    expect(messages).toMatchObject([{ type: 'unsupported', raw: { type: 'hologram', hologram: { frames: 3 } } }]);
  });

  it('R36: a message 40 levels deep (inside the webhook bound, over raw) is stored, not refused', async () => {
    const { status, reports, messages } = await ingested(payloadWith({ body: 'kept', extra: nested(40) }));
    expect(status).toBe(200);
    expect(reports[0]).toMatchObject({ messages: { received: 1 }, notes: { rawOmitted: 1 } });
    expect(messages).toMatchObject([{ type: 'text', text: 'kept', raw: { omitted: expect.stringMatching(/depth/) } }]);
  });
});
