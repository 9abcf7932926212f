// R34: a real OneNumber server for the push tests (SQLite file, or a given database such as
// PostgreSQL), with the suite's directory: one bundle org, one number shared by crm, desk and
// salesiq, an agent per service, a token per service; helpers to make events (inbound messages
// from several customers, replies) and read a service's own stream to compare deliveries with.
import type { ServerDatabase } from '../../../src/db/ServerDatabase';
import { startServer, type RunningServer } from '../../../src';
import type { PushLog, PushOptions } from '../../../src/push/pushOptions';
import { sqliteDatabase } from '../../http/support/tempFiles';

export const adminToken = 'push-test-admin-token-0123456789';
export const org = 'acme';
export const number = '+81312345678';
export const services = ['crm', 'desk', 'salesiq'] as const;
export type Service = (typeof services)[number];
const at = '2026-01-01T09:00:00.000Z';

export interface Call {
  status: number;
  body: any;
}

export interface PushWorld {
  server: RunningServer;
  url: string;
  tokens: Record<Service, string>;
  /** The push log lines (subscriptions, dead letters). */
  logs: PushLog[];
  channel: string;
  call(method: string, path: string, token: string | null, body?: unknown): Promise<Call>;
  /** A customer's message (every service receives it, R15). */
  inbound(customer: string, text: string): Promise<void>;
  /** A reply by `service`'s agent to a customer who wrote before (masked for the others, R17). */
  reply(service: Service, customer: string, text: string): Promise<void>;
  /** The service's own stream after a cursor (what GET /v1/events would send). */
  stream(service: Service, after?: string): Promise<any[]>;
  /** Creates a subscription; answers its body (with the secret). */
  subscribe(token: string, url: string, extra?: Record<string, unknown>): Promise<any>;
  close(): Promise<void>;
}

let inboundIds = 0;

export const testPushOptions = (logs: PushLog[]): PushOptions => ({
  allowLoopbackHttp: true,
  retryBaseMs: 40,
  retryMaxMs: 400,
  pollMs: 100,
  timeoutMs: 3_000,
  leaseMarginMs: 1_000,
  logger: (line) => logs.push(line),
});

export async function pushWorld(options: { db?: ServerDatabase; push?: PushOptions } = {}): Promise<PushWorld> {
  const logs: PushLog[] = [];
  const server = await startServer({
    port: 0,
    db: options.db ?? sqliteDatabase(),
    adminToken,
    logger: () => {},
    securityLogger: () => {},
    graceMs: 2_000,
    whatsapp: false,
    push: { ...testPushOptions(logs), ...options.push },
  });
  async function call(method: string, path: string, token: string | null, body?: unknown): Promise<Call> {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed };
  }
  const must = async (method: string, path: string, token: string | null, body?: unknown) => {
    const answer = await call(method, path, token, body);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  await must('POST', '/v1/admin/directory', adminToken, {
    orgs: [{ id: org, plan: 'zoho-one' }],
    agents: services.map((s) => ({ org, id: `agent-${s}`, name: `Agent ${s}`, access: [s] })),
    numbers: [{ number, verified: true }],
  });
  const tokens = {} as Record<Service, string>;
  for (const service of services) {
    tokens[service] = (await must('POST', '/v1/admin/tokens', adminToken, { org, service })).token;
    await must('POST', '/v1/storage/connect', tokens[service], {
      org,
      number,
      service,
      mode: 'shared',
      reason: 'bundle',
      at,
    });
  }
  const { channel } = await must('POST', '/v1/storage/channelInfo', tokens.crm, { org, number });
  return {
    server,
    url: server.url,
    tokens,
    logs,
    channel,
    call,
    async inbound(customer, text) {
      await must('POST', '/v1/storage/receive', adminToken, {
        number,
        customer,
        providerId: `wamid.push.${process.pid}.${++inboundIds}`,
        type: 'text',
        text,
        raw: { text },
        at,
      });
    },
    async reply(service, customer, text) {
      const agent = `agent-${service}`;
      const token = tokens[service];
      // R33's storage decides for the acting agent (decide); an older one answers the conversation.
      const decided = await call('POST', '/v1/storage/decide', token, { org, channel, customer, service, agent });
      const state =
        decided.status === 200
          ? { conversation: decided.body.conversation, version: decided.body.version }
          : await must('POST', '/v1/storage/conversation', token, { org, channel, customer }).then((c) => ({
              conversation: c.id,
              version: c.version,
            }));
      await must('POST', '/v1/storage/appendReply', token, {
        org,
        channel,
        conversation: state.conversation,
        expectedVersion: state.version,
        service,
        agent,
        agentName: `Agent ${service}`,
        type: 'text',
        text,
        raw: { body: text },
        assign: true,
        at,
      });
    },
    async stream(service, after) {
      const events: any[] = [];
      let cursor = after;
      for (;;) {
        const page = await must('POST', '/v1/storage/events', adminToken, {
          org,
          service,
          limit: 1000,
          ...(cursor ? { after: cursor } : {}),
        });
        events.push(...page);
        if (page.length < 1000) return events;
        cursor = page.at(-1).id;
      }
    },
    async subscribe(token, url, extra = {}) {
      return must('POST', '/v1/push/subscriptions', token, { url, ...extra });
    },
    close: () => server.close(),
  };
}
