// A third-party integrator's first OneNumber program: two services share one WhatsApp number
// through the OneNumber server, each with its own scoped token, then a customer writes, one
// service replies and the other sees the reply masked.
//
//   node integrate.mjs                       # starts a throwaway server on embedded SQLite
//   ONENUMBER_URL=http://127.0.0.1:8787 ONENUMBER_ADMIN_TOKEN=... node integrate.mjs
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOneNumber } from '@onenumber/core';
import { openSqliteDatabase, silentLogger, startServer } from '@onenumber/server';
import { createHttpDirectory, createHttpStorage } from '@onenumber/storage-http';

// 1. A server. In production you run `onenumber serve` and keep the admin token secret.
const adminToken = process.env.ONENUMBER_ADMIN_TOKEN ?? 'demo-admin-token-0123456789';
const server = process.env.ONENUMBER_URL
  ? null
  : await startServer({
      db: openSqliteDatabase({ file: join(mkdtempSync(join(tmpdir(), 'onenumber-')), 'onenumber.db') }),
      adminToken,
      port: 0,
      logger: silentLogger,
    });
const url = process.env.ONENUMBER_URL ?? server.url;
const admin = (method, path, body) =>
  fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (r) => {
    if (!r.ok) throw new Error(`${path}: ${await r.text()}`);
    return r.json();
  });

// 2. The admin describes the org once: its plan, its agents and its verified number.
await admin('POST', '/v1/admin/directory', {
  orgs: [{ id: 'acme', plan: 'zoho-one' }],
  agents: [
    { org: 'acme', id: 'aiko', name: 'Aiko', access: ['crm'] },
    { org: 'acme', id: 'ben', name: 'Ben', access: ['desk'] },
  ],
  numbers: [{ number: '+81 3-1234-5678', verified: true }],
});

// 3. Each service gets its own token and its own SDK instance, as separate processes would.
async function serviceSdk(service) {
  const { token } = await admin('POST', '/v1/admin/tokens', { org: 'acme', service });
  return createOneNumber({
    storage: createHttpStorage({ url, token }),
    directory: createHttpDirectory({ url, token }),
  });
}
const crm = await serviceSdk('crm');
const desk = await serviceSdk('desk');

// 4. Both connect the number: the first becomes parent, the second joins the same channel (R7, R9).
console.log('crm connects: ', await crm.connect({ org: 'acme', service: 'crm', number: '+81312345678' }));
console.log('desk connects:', await desk.connect({ org: 'acme', service: 'desk', number: '+81312345678' }));

// 5. Desk listens live (from the start of its stream, so nothing is missed while the stream
//    connects); a customer message, stored by the server as WhatsApp's webhook would, reaches
//    both services (R15).
const feed = desk.feed({ org: 'acme', service: 'desk', after: '0' });
const received = new Promise((resolve) => feed.on('messageReceived', resolve));
const webhook = createOneNumber({
  storage: createHttpStorage({ url, token: adminToken }),
  directory: createHttpDirectory({ url, token: adminToken }),
});
await webhook.receive({
  number: '+81312345678',
  customer: '819012345678',
  text: 'Where is my order?',
  id: 'wamid.demo.1',
});
console.log('desk received:', (await received).message.text);

// 6. CRM replies; Desk sees that a reply went out, but not its text or agent (R17).
await crm.reply({
  org: 'acme',
  service: 'crm',
  agent: 'aiko',
  number: '+81312345678',
  customer: '+819012345678',
  text: 'It ships today.',
});
const seen = await desk.view({
  org: 'acme',
  service: 'desk',
  agent: 'ben',
  number: '+81312345678',
  customer: '+819012345678',
});
for (const m of seen.messages)
  console.log(`desk view: ${m.direction} ${m.masked ? `[masked reply from ${m.service}]` : m.text}`);
console.log('desk notice:', seen.notice?.messages.en);

feed.close();
await server?.close();
