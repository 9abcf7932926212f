// The durable outbox across crashes (issue 5, R16), with the server in its own process, SIGKILLed
// at a chosen moment by the loopback Graph API (the simulator behind real Graph shapes):
// - between accepting a reply and sending it: sent after restart, and never again once its
//   success is recorded;
// - between WhatsApp's answer and the record: sent again after restart (the Cloud API has no
//   idempotency key) and counted as a suspected repeat.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createSimulator, serveGraphApi, type GraphApiServer, type Simulator } from '@onenumber/whatsapp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDbFile } from '../http/support/tempFiles';
import { buildServer, serverScript } from './support/buildServer';
import { serviceSdk } from './support/serviceSdk';
import { APP_SECRET, N, PNID, VERIFY, agents, until } from './support/world';

const adminToken = 'crash-test-admin-token-0123456789';
const graphToken = 'crash-test-graph-token';
const taro = '+819012345678';
let modulePath: string;
let simulator: Simulator;
let graph: GraphApiServer;
const running = new Set<ChildProcess>();

beforeAll(async () => {
  modulePath = await buildServer();
}, 120_000);
afterEach(async () => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
  await graph?.close();
});

interface ServerProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<unknown>;
}

async function start(file: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [serverScript, modulePath, file], {
    env: {
      ...process.env,
      ONENUMBER_ADMIN_TOKEN: adminToken,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY,
      WHATSAPP_ACCESS_TOKEN: graphToken,
      WHATSAPP_GRAPH_URL: graph.url,
      WHATSAPP_API_VERSION: 'v23.0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve)).then(() => running.delete(child));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^listening (\S+)$/.exec(line);
      if (match) resolve(match[1]!);
    });
    void exited.then(() => reject(new Error('the server process exited before listening')));
  });
  simulator.connect(`${url}/webhooks/whatsapp`);
  return { child, url, exited };
}

async function admin(url: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json()) as any;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** The directory, crm's token and connection, and the customer's first message (the window opens). */
async function setUp(url: string) {
  await admin(url, 'POST', '/v1/admin/directory', {
    orgs: [{ id: 'acme', plan: 'zoho-one' }],
    agents: [{ org: 'acme', id: agents.crm, name: 'Aiko', access: ['crm'] }],
    numbers: [],
  });
  await admin(url, 'PUT', '/v1/admin/numbers', { number: N, verified: true, phoneNumberId: PNID });
  const { token } = await admin(url, 'POST', '/v1/admin/tokens', { org: 'acme', service: 'crm' });
  await serviceSdk(url, token).connect({ org: 'acme', service: 'crm', number: N });
  expect((await simulator.customer(taro).send('Where is my order?', { to: N })).status).toBe(200);
  return token as string;
}

const reply = (url: string, token: string, text: string) =>
  serviceSdk(url, token).reply({ org: 'acme', service: 'crm', agent: agents.crm, number: N, customer: taro, text });
const counters = async (url: string) => (await admin(url, 'GET', '/v1/admin/whatsapp')).sender.counters;
const inbox = () => simulator.inbox(taro).map((m) => m.text);

async function fresh() {
  simulator = createSimulator({ appSecret: APP_SECRET, numbers: { [N]: PNID } });
  graph = await serveGraphApi(simulator, { accessToken: graphToken });
}

describe('crash between accepting a reply and sending it', () => {
  it('R16: the reply is sent after restart, and not again once its success is recorded', async () => {
    await fresh();
    const file = tempDbFile();
    const first = await start(file);
    const token = await setUp(first.url);
    graph.dropNext('before-send', () => first.child.kill('SIGKILL'));
    const { message } = await reply(first.url, token, 'It ships today.'); // accepted: stored and queued in one write
    await first.exited;
    expect(inbox()).toEqual([]); // the process died before the message reached WhatsApp

    const second = await start(file);
    await until(async () => (await counters(second.url)).sent === 1, 'the send after restart');
    expect(inbox()).toEqual(['It ships today.']);
    // The lapsed claim is reclaimed: the worker cannot tell that it never reached WhatsApp, so it counts a possible repeat.
    expect(await counters(second.url)).toMatchObject({ sent: 1, failed: 0, repeatsSuspected: 1 });
    second.child.kill('SIGKILL'); // the success is recorded: a restart must not send it again
    await second.exited;

    const third = await start(file);
    await reply(third.url, token, 'And a second one.');
    await until(async () => (await counters(third.url)).sent === 1, 'the second reply');
    expect(inbox()).toEqual(['It ships today.', 'And a second one.']);
    expect(await counters(third.url)).toMatchObject({ claimed: 1, sent: 1, repeatsSuspected: 0 });
    const sent = simulator.inbox(taro)[0]!;
    expect(JSON.parse(sent.bizOpaqueCallbackData!)).toMatchObject({ org: 'acme', service: 'crm', message });
    third.child.kill('SIGTERM');
    await third.exited;
  }, 120_000);
});

describe("crash between WhatsApp's answer and the record", () => {
  it('R16: the send repeats once after restart (no idempotency key) and is counted as a suspected repeat', async () => {
    await fresh();
    const file = tempDbFile();
    const first = await start(file);
    const token = await setUp(first.url);
    graph.dropNext('after-send', () => first.child.kill('SIGKILL'));
    await reply(first.url, token, 'Sent twice?');
    await first.exited;
    expect(inbox()).toEqual(['Sent twice?']); // WhatsApp has it; the server never recorded it

    const second = await start(file);
    await until(async () => (await counters(second.url)).sent === 1, 'the send after restart');
    expect(inbox()).toEqual(['Sent twice?', 'Sent twice?']);
    expect(await counters(second.url)).toMatchObject({ sent: 1, repeatsSuspected: 1 });
    second.child.kill('SIGTERM');
    await second.exited;
  }, 120_000);
});

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
});
