// The server's WhatsApp options (issue 5): each defaults from its WHATSAPP_* variable, an option
// given wins over the environment, `false` turns the transport off, bad values are INVALID_INPUT
// naming the field, and nothing reports a secret.
import { createSimulator } from '@onenumber/whatsapp';
import { afterEach, describe, expect, it } from 'vitest';
import { createOneNumberHandler, startServer } from '../../src';
import { openSqliteDatabase } from '../../src/db';
import { adminToken } from '../http/support/server';
import { tempDbFile } from '../http/support/tempFiles';

const env = {
  WHATSAPP_APP_SECRET: 'env-app-secret',
  WHATSAPP_VERIFY_TOKEN: 'env-verify',
  WHATSAPP_ACCESS_TOKEN: 'env-access-token',
  WHATSAPP_API_VERSION: 'v24.0',
};
const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(env)) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

const handlerWith = (whatsapp?: Parameters<typeof createOneNumberHandler>[0]['whatsapp']) =>
  createOneNumberHandler({
    db: openSqliteDatabase({ file: ':memory:' }),
    adminToken,
    logger: () => {},
    ...(whatsapp !== undefined ? { whatsapp } : {}),
  });
const challenge = (handler: ReturnType<typeof handlerWith>, token: string) =>
  handler.fetch(
    new Request(`http://127.0.0.1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=42`),
  );

describe('WhatsApp options', () => {
  it('with no options, the environment decides (WHATSAPP_* from process.env)', async () => {
    Object.assign(process.env, env);
    const handler = handlerWith();
    expect([handler.whatsapp.webhook, handler.whatsapp.sender]).toEqual([true, true]);
    expect((await challenge(handler, 'env-verify')).status).toBe(200);
    expect(handler.whatsapp.report().sender).toMatchObject({
      on: true,
      transport: 'graph',
      apiVersion: 'v24.0',
      graphUrl: 'https://graph.facebook.com',
    });
    expect(JSON.stringify(handler.whatsapp.report())).not.toMatch(/env-app-secret|env-verify|env-access-token/);
  });

  it('an option wins over its variable; `false` turns WhatsApp off whatever the environment says', async () => {
    Object.assign(process.env, env);
    const given = handlerWith({ verifyToken: 'given-verify', transport: createSimulator({ appSecret: 'x' }) });
    expect((await challenge(given, 'env-verify')).status).toBe(403);
    expect((await challenge(given, 'given-verify')).status).toBe(200);
    expect(given.whatsapp.report().sender).toMatchObject({ on: true, transport: 'simulator', graphUrl: null });
    const off = handlerWith(false);
    expect([off.whatsapp.webhook, off.whatsapp.sender]).toEqual([false, false]);
    expect((await challenge(off, 'env-verify')).status).toBe(404);
    expect(
      ((await (await off.fetch(new Request('http://127.0.0.1/health'))).json()) as { whatsapp: unknown }).whatsapp,
    ).toEqual({ webhook: false, sender: false });
  });

  it('one of the two webhook secrets is not enough: the webhook stays off and says which is missing', () => {
    const handler = handlerWith({ env: { WHATSAPP_APP_SECRET: 'only-the-secret' } });
    expect(handler.whatsapp.report()).toEqual({
      webhook: { on: false, why: 'WHATSAPP_VERIFY_TOKEN not set' },
      sender: { on: false, why: 'WHATSAPP_ACCESS_TOKEN not set' },
    });
  });

  it('R27: bad values are INVALID_INPUT naming the field, before anything listens', async () => {
    await expect(
      startServer({ port: 0, file: tempDbFile(), adminToken, whatsapp: { env: { WHATSAPP_GRAPH_URL: 'not a url' } } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      startServer({ port: 0, file: tempDbFile(), adminToken, whatsapp: { env: {}, rate: 5000 } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'rate' });
    await expect(
      startServer({ port: 0, file: tempDbFile(), adminToken, whatsapp: { env: {}, transport: {} as never } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'transport' });
  });

  it('the worker starts with the server and is stopped by close(); resuming with a token is refused for a given transport', async () => {
    const server = await startServer({
      port: 0,
      file: tempDbFile(),
      adminToken,
      logger: () => {},
      whatsapp: { env: {}, transport: createSimulator({ appSecret: 'x' }), pollMs: 10 },
    });
    expect(server.handler.whatsapp.report().sender).toMatchObject({ on: true, running: true });
    const resume = await fetch(`${server.url}/v1/admin/whatsapp/resume`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ accessToken: 'new' }),
    });
    expect(resume.status).toBe(400);
    await server.close();
    expect(server.handler.whatsapp.report().sender).toMatchObject({ on: true, running: false });
  });
});
