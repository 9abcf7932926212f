// Issue 10, a replica dies under load: three server processes on one PostgreSQL with the WhatsApp
// webhook and sender on (a loopback Graph API over the simulator, answering each send a little
// after WhatsApp has it). Signed webhook deliveries are spread across the replicas while crm's
// replies are queued through them; one replica is SIGKILLed while it holds leased replies. Then:
// - every delivery answered 200 is stored exactly once (a delivery whose answer was lost is
//   delivered again, as WhatsApp does, and is stored once too);
// - the replies the dead replica held are sent by the others once its leases lapse (R16);
// - a reply reaches WhatsApp twice only if the dead replica held it when it died (it may have
//   sent it without recording so: the kill window), and each such repeat is counted.
import {
  createSimulator,
  messagePayload,
  serveGraphApi,
  signWebhookBody,
  type GraphApiServer,
  type Simulator,
} from '@onenumber/whatsapp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceSdk } from '../whatsapp/support/serviceSdk';
import { startPostgres, type TestPostgres } from './support/cluster';
import {
  admin,
  buildServer,
  killAll,
  seeded,
  startReplica,
  stopReplicas,
  until,
  type Replica,
} from './support/replicas';

const APP_SECRET = 'replica-kill-app-secret';
const VERIFY = 'replica-kill-verify-token';
const GRAPH_TOKEN = 'replica-kill-graph-token';
const N = '+81312345678';
const PNID = '106540352242922';
const line = { account: '102290129340398', phoneNumberId: PNID, displayPhoneNumber: N.slice(1) };
const customers = ['+819012340001', '+819012340002', '+819012340003', '+819012340004'];

let pg: TestPostgres;
let schema: string;
let replicas: Replica[] = [];
let simulator: Simulator;
let graph: GraphApiServer;

beforeAll(async () => {
  const [modulePath, started] = await Promise.all([buildServer(), startPostgres()]);
  pg = started;
  schema = pg.schema();
  simulator = createSimulator({ appSecret: APP_SECRET, numbers: { [N]: PNID }, statuses: 'manual' });
  graph = await serveGraphApi(simulator, { accessToken: GRAPH_TOKEN, answerDelayMs: 150 });
  const env = {
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY,
    WHATSAPP_ACCESS_TOKEN: GRAPH_TOKEN,
    WHATSAPP_GRAPH_URL: graph.url,
    WHATSAPP_API_VERSION: 'v23.0',
    // Replies to 4 customers under load: a customer's pacing would make it minutes (pairPacing.test.ts tests it).
    WHATSAPP_PER_CUSTOMER: 'off',
  };
  replicas = [];
  for (const name of ['a', 'b', 'c'])
    replicas.push(await startReplica(modulePath, pg.url, schema, `kill-${name}`, env));
}, 180_000);

afterAll(async () => {
  killAll();
  await graph?.close();
  await pg?.stop();
}, 60_000);

const q = <R extends Record<string, unknown>>(text: string, values: unknown[] = []) =>
  pg.query<R>(text.replaceAll('$schema', `"${schema}"`), values);

/** A signed delivery of one customer message to a replica's webhook; its HTTP status, or 0 when no answer came. */
async function deliver(url: string, customer: string, id: string): Promise<number> {
  const body = JSON.stringify(
    messagePayload(line, { phone: customer }, { id, at: Date.now(), type: 'text', content: { body: `inbound ${id}` } }),
  );
  try {
    const res = await fetch(`${url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, APP_SECRET) },
      body,
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

describe('three replicas on one PostgreSQL: one SIGKILLed under load', () => {
  it("R15, R16: acknowledged deliveries stored exactly once; the dead replica's queued replies sent by the others after its leases lapse; repeats only in the kill window, counted", async () => {
    const [a, victim] = replicas as [Replica, Replica, Replica];
    await admin(a.url, 'POST', '/v1/admin/directory', {
      orgs: [{ id: 'acme', plan: 'zoho-one' }],
      agents: [{ org: 'acme', id: 'aiko', name: 'Aiko', access: ['crm'] }],
      numbers: [],
    });
    await admin(a.url, 'PUT', '/v1/admin/numbers', { number: N, verified: true, phoneNumberId: PNID });
    const { token } = await admin(a.url, 'POST', '/v1/admin/tokens', { org: 'acme', service: 'crm' });
    await serviceSdk(a.url, token).connect({ org: 'acme', service: 'crm', number: N });
    // WhatsApp opens each customer's window: one message each, through the simulator's own delivery.
    simulator.connect(`${a.url}/webhooks/whatsapp`);
    for (const customer of customers)
      expect((await simulator.customer(customer).send('hello', { to: N })).status).toBe(200);

    const random = seeded(12);
    let alive = [...replicas];
    let running = true;
    let next = 0;
    const acknowledged: string[] = [];
    const unanswered: string[] = []; // no 200: WhatsApp delivers these again
    const accepted: { id: string; text: string }[] = [];
    const unknownReplies: string[] = []; // the answer was lost: stored or not
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

    const deliverers = Array.from({ length: 4 }, async () => {
      while (running) {
        const id = `wamid.replica-kill.${++next}`;
        const status = await deliver(pick(alive).url, pick(customers), id);
        (status === 200 ? acknowledged : unanswered).push(id);
      }
    });
    const repliers = Array.from({ length: 3 }, async (_, r) => {
      for (let i = 0; running; i++) {
        const text = `reply ${r}.${i}`;
        try {
          const { message } = await serviceSdk(pick(alive).url, token).reply({
            org: 'acme',
            service: 'crm',
            agent: 'aiko',
            number: N,
            customer: pick(customers),
            text,
          });
          accepted.push({ id: message, text });
        } catch {
          unknownReplies.push(text);
        }
      }
    });

    // Once under load, SIGKILL the victim the moment WhatsApp accepts a reply the victim claimed:
    // it dies holding that reply (sent, not recorded) and whatever else it had leased.
    await until(() => acknowledged.length >= 50 && accepted.length >= 10, 'load on three replicas', 120_000);
    const leaseOf = async (message: string) =>
      (
        await q<{ lease_worker: string | null }>(`SELECT lease_worker FROM $schema.outbox WHERE message = $1`, [
          message,
        ])
      )[0]?.lease_worker ?? '';
    let killedOn: string | undefined;
    graph.onAccepted(async ({ callbackData }) => {
      const message = callbackData?.message;
      if (killedOn || !message || !(await leaseOf(message)).includes(`-${victim.pid}-`) || killedOn) return;
      killedOn = message;
      victim.child.kill('SIGKILL');
    });
    await victim.exited;
    graph.onAccepted(null);
    alive = replicas.filter((r) => r !== victim);
    const held = () =>
      q<{ message: string }>(`SELECT message FROM $schema.outbox WHERE state = 'pending' AND lease_worker LIKE $1`, [
        `%-${victim.pid}-%`,
      ]);
    const heldAtKill = new Set((await held()).map((r) => r.message));
    const ackedAtKill = acknowledged.length;
    await until(() => acknowledged.length >= ackedAtKill + 150, 'load on the survivors', 120_000);
    running = false;
    await Promise.all([...deliverers, ...repliers]);

    // WhatsApp delivers again what was not acknowledged: each is stored now, or was already.
    for (const id of unanswered) expect(await deliver(alive[0]!.url, customers[0]!, id)).toBe(200);
    await until(
      async () =>
        Number((await q<{ n: string }>(`SELECT count(*) AS n FROM $schema.outbox WHERE state = 'pending'`))[0]!.n) ===
        0,
      'every queued reply sent',
      120_000,
    );

    // Every acknowledged delivery stored exactly once (and so is every redelivered one).
    const stored = new Map<string, number>();
    for (const row of await q<{ provider_id: string }>(
      `SELECT provider_id FROM $schema.messages WHERE direction = 'in' AND provider_id LIKE 'wamid.replica-kill.%'`,
    )) {
      stored.set(row.provider_id, (stored.get(row.provider_id) ?? 0) + 1);
    }
    expect(acknowledged.filter((id) => stored.get(id) !== 1)).toEqual([]);
    expect(unanswered.filter((id) => stored.get(id) !== 1)).toEqual([]);
    expect(stored.size).toBe(acknowledged.length + unanswered.length);

    // Every reply accepted (and every one whose answer was lost but was stored) reached WhatsApp.
    const outbox = await q<{ message: string; text: string; state: string }>(
      `SELECT o.message, m.text, o.state FROM $schema.outbox o JOIN $schema.messages m ON m.id = o.message`,
    );
    expect(outbox.filter((r) => r.state !== 'sent')).toEqual([]);
    const inWhatsApp = new Map<string, number>();
    for (const customer of customers)
      for (const m of simulator.inbox(customer)) inWhatsApp.set(m.text!, (inWhatsApp.get(m.text!) ?? 0) + 1);
    expect(accepted.filter((r) => !inWhatsApp.get(r.text))).toEqual([]);
    expect(outbox.filter((r) => !inWhatsApp.get(r.text))).toEqual([]);
    expect([...inWhatsApp.keys()].filter((text) => !outbox.some((r) => r.text === text))).toEqual([]);

    // The dead replica's claims were sent by the others; a reply went out twice only if it held it.
    expect(heldAtKill.has(killedOn!)).toBe(true);
    expect(inWhatsApp.get(outbox.find((r) => r.message === killedOn)!.text)).toBe(2); // the kill window's repeat
    const repeated = outbox.filter((r) => (inWhatsApp.get(r.text) ?? 0) > 1);
    expect(repeated.filter((r) => !heldAtKill.has(r.message) || inWhatsApp.get(r.text)! > 2)).toEqual([]);
    const counters = await Promise.all(
      alive.map(async (r) => (await admin(r.url, 'GET', '/v1/admin/whatsapp')).sender.counters),
    );
    const suspected = counters.reduce((sum, c) => sum + c.repeatsSuspected, 0);
    expect(suspected).toBeGreaterThanOrEqual(repeated.length);
    expect(suspected).toBeGreaterThanOrEqual(1); // the lapsed claims were reclaimed, and counted
    console.info(
      `replicas-kill: ${acknowledged.length} deliveries acknowledged (${ackedAtKill} before the kill), ${unanswered.length} redelivered; ${accepted.length} replies accepted, ${unknownReplies.length} unanswered; victim held ${heldAtKill.size}; ${repeated.length} sent twice; ${suspected} repeats suspected by the survivors; ${graph.calls} Graph calls`,
    );
    expect(await stopReplicas(alive)).toEqual([0, 0]);
  }, 600_000);
});
