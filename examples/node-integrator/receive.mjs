// Push delivery (R34): Desk's own backend receives Desk's events as signed HTTP POSTs, instead of
// holding a stream open. It registers its endpoint once with its own token (the signing secret is
// shown that once), then checks every delivery with verifyWebhook (Standard Webhooks signatures)
// and answers 2xx; anything else is retried later, in order per conversation.
//
//   node receive.mjs                         # starts a throwaway server on embedded SQLite
//   ONENUMBER_URL=http://127.0.0.1:8787 ONENUMBER_ADMIN_TOKEN=... node receive.mjs
//     (that server started with ONENUMBER_PUSH_ALLOW_LOOPBACK_HTTP=1, as this receiver is local http)
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOneNumber, OneNumberError, verifyWebhook } from '@onenumber/core';
import { openSqliteDatabase, silentLogger, startServer } from '@onenumber/server';
import { createHttpDirectory, createHttpStorage } from '@onenumber/storage-http';

// 1. A server. Production endpoints are https; local http is allowed only by an explicit option.
const adminToken = process.env.ONENUMBER_ADMIN_TOKEN ?? 'demo-admin-token-0123456789';
const server = process.env.ONENUMBER_URL
  ? null
  : await startServer({
      db: openSqliteDatabase({ file: join(mkdtempSync(join(tmpdir(), 'onenumber-')), 'onenumber.db') }),
      adminToken,
      port: 0,
      logger: silentLogger,
      securityLogger: () => {},
      push: { allowLoopbackHttp: true, logger: () => {} },
    });
const url = process.env.ONENUMBER_URL ?? server.url;
const call = (token, method, path, body) =>
  fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (r) => {
    if (!r.ok) throw new Error(`${path}: ${await r.text()}`);
    return r.json();
  });

await call(adminToken, 'POST', '/v1/admin/directory', {
  orgs: [{ id: 'acme', plan: 'zoho-one' }],
  agents: [{ org: 'acme', id: 'aiko', name: 'Aiko', access: ['crm'] }],
  numbers: [{ number: '+81 3-1234-5678', verified: true }],
});
const tokenOf = async (service) => (await call(adminToken, 'POST', '/v1/admin/tokens', { org: 'acme', service })).token;
const sdk = (token) =>
  createOneNumber({ storage: createHttpStorage({ url, token }), directory: createHttpDirectory({ url, token }) });
const crmToken = await tokenOf('crm');
const deskToken = await tokenOf('desk');
const crm = sdk(crmToken);
await crm.connect({ org: 'acme', service: 'crm', number: '+81312345678' });
await sdk(deskToken).connect({ org: 'acme', service: 'desk', number: '+81312345678' });

// 2. Desk's receiver: an ordinary node:http server. Read the raw body, verify it, answer 204.
let secret = '';
const events = [];
let expected = () => {};
const receiver = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const event = await verifyWebhook({ headers: req.headers, body: Buffer.concat(chunks) }, secret);
      events.push(event);
      expected();
      res.writeHead(204).end();
    } catch (error) {
      // Not signed with our secret (or too old): refuse it, change nothing.
      res.writeHead(OneNumberError.isInstance(error) && error.code === 'UNAUTHORIZED' ? 401 : 500).end();
    }
  });
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const endpoint = `http://127.0.0.1:${receiver.address().port}/onenumber/events`;

// 3. Desk registers its endpoint with its own token; the secret is shown this once: keep it.
const subscription = await call(deskToken, 'POST', '/v1/push/subscriptions', {
  url: endpoint,
  types: ['messageReceived', 'messageSent'],
});
secret = subscription.secret;
console.log('subscribed:', subscription.id, subscription.state, subscription.types.join(','));

// 4. A customer writes; CRM replies. Desk's backend gets both, the reply masked (R17, R20).
const twoEvents = new Promise((resolve) => (expected = () => events.length >= 2 && resolve()));
await sdk(adminToken).receive({
  number: '+81312345678',
  customer: '819012345678',
  text: 'Where is my order?',
  id: 'wamid.demo.push.1',
});
await crm.reply({
  org: 'acme',
  service: 'crm',
  agent: 'aiko',
  number: '+81312345678',
  customer: '+819012345678',
  text: 'It ships today.',
});
await twoEvents;
for (const event of events)
  console.log(
    `desk received ${event.type} ${event.id}:`,
    event.message.masked ? `[masked reply from ${event.message.service}]` : event.message.text,
  );

receiver.close();
await server?.close();
