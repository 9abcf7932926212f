// R34: the push tests' world against any running server (in process, or replica processes on one
// database): one bundle org, one number shared by crm, desk and salesiq, an agent and a token per
// service; helpers to make events (inbound messages from several customers, replies) through a
// chosen server, and to read a service's own stream to compare deliveries with.
export const org = 'acme';
export const number = '+81312345678';
export const services = ['crm', 'desk', 'salesiq'] as const;
export type Service = (typeof services)[number];
const at = '2026-01-01T09:00:00.000Z';

export interface Call {
  status: number;
  body: any;
}

export interface Seeded {
  url: string;
  tokens: Record<Service, string>;
  channel: string;
  call(method: string, path: string, token: string | null, body?: unknown, base?: string): Promise<Call>;
  /** A customer's message (every service receives it, R15), through `base` (default: url). */
  inbound(customer: string, text: string, base?: string): Promise<void>;
  /** A reply by `service`'s agent to a customer who wrote before (masked for the others, R17). */
  reply(service: Service, customer: string, text: string): Promise<void>;
  /** The service's own stream after a cursor (what GET /v1/events would send), read through `base` (default: url). */
  stream(service: Service, after?: string, base?: string): Promise<any[]>;
  /** Creates a subscription; answers its body (with the secret). */
  subscribe(token: string, url: string, extra?: Record<string, unknown>): Promise<any>;
}

let inboundIds = 0;

export async function call(base: string, method: string, path: string, token: string | null, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
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
  return { status: res.status, body: parsed } as Call;
}

export async function seed(url: string, adminToken: string): Promise<Seeded> {
  const must = async (method: string, path: string, token: string | null, body?: unknown, base = url) => {
    const answer = await call(base, method, path, token, body);
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
    url,
    tokens,
    channel,
    call: (method, path, token, body, base = url) => call(base, method, path, token, body),
    async inbound(customer, text, base = url) {
      const body = { number, customer, providerId: `wamid.push.${process.pid}.${++inboundIds}`, type: 'text', text };
      await must('POST', '/v1/storage/receive', adminToken, { ...body, raw: { text }, at }, base);
    },
    async reply(service, customer, text) {
      const agent = `agent-${service}`;
      const token = tokens[service];
      // R33's storage decides for the acting agent (decide); an older one answers the conversation.
      const decided = await call(url, 'POST', '/v1/storage/decide', token, { org, channel, customer, service, agent });
      const state =
        decided.status === 200
          ? { conversation: decided.body.conversation, version: decided.body.version }
          : await must('POST', '/v1/storage/conversation', token, { org, channel, customer }).then((c) => ({
              conversation: c.id,
              version: c.version,
            }));
      await must('POST', '/v1/storage/appendReply', token, {
        ...{ org, channel, conversation: state.conversation, expectedVersion: state.version },
        ...{ service, agent, agentName: `Agent ${service}`, type: 'text', text, raw: { body: text }, assign: true, at },
      });
    },
    async stream(service, after, base = url) {
      const events: any[] = [];
      let cursor = after;
      for (;;) {
        const query = { org, service, limit: 1000, ...(cursor ? { after: cursor } : {}) };
        const page = await must('POST', '/v1/storage/events', adminToken, query, base);
        events.push(...page);
        if (page.length < 1000) return events;
        cursor = page.at(-1).id;
      }
    },
    subscribe: (token, target, extra = {}) => must('POST', '/v1/push/subscriptions', token, { url: target, ...extra }),
  };
}
