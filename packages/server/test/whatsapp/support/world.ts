// A real OneNumber server on a fresh SQLite file with the WhatsApp transport mounted, an org on a
// bundle plan, two business numbers registered with their phone_number_ids, and services
// connected with their own tokens: crm, desk and salesiq share N; crm and desk share N2; books
// (a finance service, R3) has an isolated channel on N. Deliveries are signed like Meta's.
import type { ChannelEvent, MessageView } from '@onenumber/core';
import { signWebhookBody, type WebhookPayloadInput } from '@onenumber/whatsapp';
import type { ServerDatabase, WhatsAppOptions } from '../../../src';
import { adminToken, testServer, type TestServer } from '../../http/support/server';
import { serviceSdk } from './serviceSdk';

export const APP_SECRET = 'whatsapp-test-app-secret';
export const VERIFY = 'whatsapp-test-verify-token';
export const WABA = '102290129340398';
export const N = '+81312345678';
export const PNID = '106540352242922';
export const N2 = '+81312345670';
export const PNID2 = '106540352242923';
export const line = (number: string) => ({
  account: WABA,
  phoneNumberId: number === N ? PNID : PNID2,
  displayPhoneNumber: number.slice(1),
});

export const agents = { crm: 'aiko', desk: 'ben', salesiq: 'chie', books: 'dai' } as const;
export type Service = keyof typeof agents;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something other than undefined/false; fails after `ms` naming `what`. */
export async function until<T>(
  probe: () => Promise<T> | T,
  what: string,
  ms = 30_000,
): Promise<Exclude<T, undefined | false>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as Exclude<T, undefined | false>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export interface WhatsAppWorld {
  server: TestServer;
  tokens: Record<Service, string>;
  sdk: Record<Service, ReturnType<typeof serviceSdk>>;
  /** POSTs raw bytes to /webhooks/whatsapp with the signature given (default: signed with APP_SECRET; null: none). */
  post(body: string, signature?: string | null): Promise<{ status: number; body: any }>;
  /** Serialises, signs and delivers a payload. */
  deliver(payload: WebhookPayloadInput): Promise<{ status: number; body: any }>;
  /** GET /v1/admin/whatsapp. */
  report(): Promise<any>;
  events(service: Service): Promise<ChannelEvent[]>;
  view(service: Service, number: string, customer: string): Promise<MessageView[]>;
  close(): Promise<void>;
}

export async function whatsappWorld(
  whatsapp: WhatsAppOptions = {},
  options: { db?: ServerDatabase } = {},
): Promise<WhatsAppWorld> {
  const server = await testServer({
    whatsapp: { appSecret: APP_SECRET, verifyToken: VERIFY, env: {}, ...whatsapp },
    ...(options.db ? { db: options.db } : {}),
  });
  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await server.call(method, path, adminToken, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  await admin('POST', '/v1/admin/directory', {
    orgs: [{ id: 'acme', plan: 'zoho-one' }],
    agents: Object.entries(agents).map(([service, id]) => ({
      org: 'acme',
      id,
      name: `Agent ${id}`,
      access: [service],
    })),
    numbers: [],
  });
  await admin('PUT', '/v1/admin/numbers', { number: N, verified: true, phoneNumberId: PNID });
  await admin('PUT', '/v1/admin/numbers', { number: N2, verified: true, phoneNumberId: PNID2 });
  const tokens = {} as Record<Service, string>;
  const sdk = {} as WhatsAppWorld['sdk'];
  for (const service of Object.keys(agents) as Service[]) {
    tokens[service] = await server.issue('acme', service);
    sdk[service] = serviceSdk(server.url, tokens[service]);
  }
  for (const service of ['crm', 'desk', 'salesiq', 'books'] as const)
    await sdk[service].connect({ org: 'acme', service, number: N });
  for (const service of ['crm', 'desk'] as const) await sdk[service].connect({ org: 'acme', service, number: N2 });

  const post = async (body: string, signature: string | null = signWebhookBody(body, APP_SECRET)) => {
    const res = await fetch(`${server.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) },
      body,
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* text */
    }
    return { status: res.status, body: parsed };
  };
  return {
    server,
    tokens,
    sdk,
    post,
    deliver: (payload) => post(JSON.stringify(payload)),
    report: () => admin('GET', '/v1/admin/whatsapp'),
    events: async (service) =>
      (await server.call('POST', '/v1/storage/events', tokens[service], { org: 'acme', service, limit: 1000 })).body,
    view: async (service, number, customer) =>
      (await sdk[service].view({ org: 'acme', service, agent: agents[service], number, customer })).messages,
    close: () => server.close(),
  };
}
