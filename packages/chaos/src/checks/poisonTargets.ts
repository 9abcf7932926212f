// The routes the poison check sends to, each with a valid body made fresh per input (a reply at
// the conversation's current version, a webhook delivery with a new wamid, signed after the poison
// is in) and the paths inside its free-form fields, which are poisoned as often as all others.
import { messagePayload } from '@onenumber/whatsapp';
import { numberAt, type ChaosWorld } from '../world';
import { fuzzPhoneNumberId } from './fuzzWebhook';

export interface Target {
  name: string;
  method: string;
  path: string;
  token: () => string;
  body: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Paths inside free-form fields (and new keys in them), poisoned as often as all others together. */
  free: (string | number)[][];
  sign?: boolean;
}

export const at = () => new Date().toISOString();
export const customer = '+819012345678';

export async function setUp(world: ChaosWorld) {
  const number = numberAt(0);
  await world.admin('PUT', '/v1/admin/numbers', { number, verified: true, phoneNumberId: fuzzPhoneNumberId });
  const tokens = { desk: await world.token('acme', 'desk'), crm: await world.token('acme', 'crm') };
  for (const service of ['desk', 'crm'])
    await world.admin('POST', '/v1/storage/connect', {
      org: 'acme',
      number,
      service,
      mode: 'shared',
      reason: 'bundle',
      at: at(),
    });
  await world.admin('POST', '/v1/storage/receive', {
    number,
    customer,
    providerId: 'wamid.poison.0',
    type: 'text',
    text: 'hi',
    raw: null,
    at: at(),
  });
  const { channel } = await world.admin<{ channel: string }>('POST', '/v1/storage/channelInfo', {
    org: 'acme',
    number,
  });
  const { id: conversation } = await world.admin<{ id: string }>('POST', '/v1/storage/conversation', {
    org: 'acme',
    channel,
    customer,
  });
  const spare = await world.admin<{ id: string }>('POST', '/v1/admin/tokens', { org: 'acme', service: 'salesiq' });
  return { number, tokens, channel, conversation, spare: spare.id };
}

export function targets(world: ChaosWorld, s: Awaited<ReturnType<typeof setUp>>): Target[] {
  const admin = () => world.adminToken;
  const desk = () => s.tokens.desk;
  const { number, channel, conversation } = s;
  const org = 'acme';
  let n = 0;
  // R33: the version a write carries comes from the decision for the acting agent.
  const version = async () =>
    (
      await world.admin<{ version: number }>('POST', '/v1/storage/decide', {
        org,
        channel,
        customer,
        service: 'desk',
        agent: 'agent-desk',
      })
    ).version;
  const storage = (name: string, token: () => string, body: Target['body'], free: Target['free'] = []): Target => ({
    name,
    method: 'POST',
    path: `/v1/storage/${name}`,
    token,
    body,
    free,
  });
  return [
    storage(
      'receive',
      admin,
      () => ({ number, customer, providerId: `wamid.poison.${++n}`, type: 'text', text: 'p', raw: null, at: at() }),
      [['raw'], ['raw', 'nested', 'deeper'], ['text']],
    ),
    storage(
      'appendReply',
      desk,
      async () => ({
        org,
        channel,
        conversation,
        expectedVersion: await version(),
        service: 'desk',
        agent: 'agent-desk',
        agentName: 'x',
        type: 'text',
        text: 'r',
        raw: null,
        assign: true,
        at: at(),
      }),
      [['raw'], ['raw', 'nested'], ['text']],
    ),
    storage('configure', desk, () => ({ org, channel, service: 'desk', settings: { displayName: 'Acme' } }), [
      ['settings'],
      ['settings', 'displayName'],
      ['settings', 'greeting'],
    ]),
    storage('connect', desk, () => ({
      org,
      number,
      service: 'desk',
      mode: 'shared',
      reason: 'bundle',
      at: at(),
    })),
    storage(
      'updateStatus',
      admin,
      () => ({ org, message: 'msg_none', status: 'failed', error: { code: 131026, title: 't' }, at: at() }),
      [['error'], ['error', 'title']],
    ),
    storage(
      'note',
      desk,
      () => ({
        org,
        entry: {
          channel,
          at: at(),
          what: 'confirmation-requested',
          service: 'desk',
          agent: 'agent-desk',
          from: null,
          to: null,
          message: null,
          status: null,
          why: 'held-in-crm',
        },
      }),
      [['entry']],
    ),
    storage('view', desk, () => ({ org, channel, conversation, service: 'desk' })),
    storage('events', desk, () => ({ org, service: 'desk', limit: 10 })),
    storage('saveCursor', desk, () => ({ org, service: 'desk', cursor: '1' })),
    {
      name: 'orgs',
      method: 'PUT',
      path: '/v1/admin/orgs',
      token: admin,
      body: () => ({ id: org, plan: 'zoho-one', services: {} }),
      free: [['services'], ['services', 'campaigns']],
    },
    {
      name: 'agents',
      method: 'PUT',
      path: '/v1/admin/agents',
      token: admin,
      body: () => ({ org, id: 'agent-desk', name: 'Agent desk', access: ['desk'] }),
      free: [['access'], ['access', 0]],
    },
    {
      name: 'directory',
      method: 'POST',
      path: '/v1/admin/directory',
      token: admin,
      body: () => ({ orgs: [{ id: org, plan: 'zoho-one' }] }),
      free: [['orgs'], ['orgs', 0, 'services'], ['agents']],
    },
    {
      name: 'numbers',
      method: 'PUT',
      path: '/v1/admin/numbers',
      token: admin,
      body: () => ({ number, verified: true, phoneNumberId: fuzzPhoneNumberId }),
      free: [],
    },
    {
      name: 'tokens',
      method: 'POST',
      path: '/v1/admin/tokens',
      token: admin,
      body: () => ({ org, service: 'campaigns' }),
      free: [['expiresAt']],
    },
    {
      name: 'rotate',
      method: 'POST',
      path: `/v1/admin/tokens/${s.spare}/rotate`,
      token: admin,
      body: () => ({ graceSeconds: 60 }),
      free: [['expiresAt']],
    },
    {
      name: 'resume',
      method: 'POST',
      path: '/v1/admin/whatsapp/resume',
      token: admin,
      body: () => ({ accessToken: 'x' }),
      free: [],
    },
    {
      name: 'directory org',
      method: 'POST',
      path: '/v1/directory/org',
      token: desk,
      body: () => ({ id: org }),
      free: [],
    },
    {
      name: 'webhook',
      method: 'POST',
      path: '/webhooks/whatsapp',
      token: () => '',
      sign: true,
      body: () =>
        messagePayload(
          { account: '102290129340398', phoneNumberId: fuzzPhoneNumberId, displayPhoneNumber: number.slice(1) },
          { phone: customer, name: 'Taro' },
          { id: `wamid.poison.hook.${++n}`, at: Date.now(), type: 'text', content: { body: 'hello' } },
        ) as unknown as Record<string, unknown>,
      free: [
        ['entry', 0, 'changes', 0, 'value', 'messages', 0, 'unknownField'],
        ['entry', 0, 'changes', 0, 'value', 'messages', 0, 'text'],
        ['entry', 0, 'changes', 0, 'value', 'contacts', 0, 'profile'],
        ['newTopLevelField'],
      ],
    },
  ];
}
