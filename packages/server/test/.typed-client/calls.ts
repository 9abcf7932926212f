// Calls to every route through openapi-fetch, typed by what openapi-typescript generates from the
// live GET /openapi.json (test/http/openapi/typedClient.test.ts writes it to ../.generated and runs
// tsc on this file), then run against a live server: the test validates every answer against the
// document. In a dot-folder so that the package's own tsc, which finds no generated types on a
// fresh checkout, leaves it alone.
import createClient from 'openapi-fetch';
import type { paths } from '../.generated/onenumber';
import { callPushRoutes } from './pushCalls';
import { firstStreamedEvent, ok, recorder, refused, type Called, type CallOptions } from './record';

const org = 'acme';
const number = '+81312345678';
const phoneNumberId = '106540352242922';
const at = '2026-01-01T09:00:00.000Z';

export async function callEveryRoute({ baseUrl, adminToken, sign, verifyToken }: CallOptions): Promise<Called> {
  const { exchanges, middleware } = recorder();
  const client = (token?: string) => {
    const made = createClient<paths>({ baseUrl, headers: token ? { authorization: `Bearer ${token}` } : {} });
    made.use(middleware);
    return made;
  };
  const open = client();
  const admin = client(adminToken);

  ok(await open.GET('/health'));
  ok(await open.GET('/openapi.json'));

  // The directory and the tokens, as the admin.
  await admin.POST('/v1/admin/directory', {
    body: {
      orgs: [
        { id: org, plan: 'zoho-one' },
        { id: 'other', plan: 'standalone' },
      ],
      agents: [{ org, id: 'aiko', name: 'Aiko', access: ['crm'] }],
      numbers: [{ number: '+81 3-1234-5678', verified: true }],
    },
  });
  ok(await admin.PUT('/v1/admin/orgs', { body: { id: org, plan: 'zoho-one', services: { campaigns: 'upgraded' } } }));
  ok(await admin.PUT('/v1/admin/agents', { body: { org, id: 'ben', name: 'Ben', access: ['desk'] } }));
  ok(await admin.PUT('/v1/admin/agents', { body: { org, id: 'temp', name: 'Temp', access: [] } }));
  ok(await admin.PUT('/v1/admin/numbers', { body: { number, verified: true, phoneNumberId } }));
  ok(await admin.GET('/v1/admin/orgs/{org}/agents', { params: { path: { org } } }));
  ok(await admin.DELETE('/v1/admin/orgs/{org}/agents/{id}', { params: { path: { org, id: 'temp' } } }));
  // R33: the admin's policy override for a service in an org, read, set and cleared.
  const policyPath = { params: { path: { org, service: 'salesiq' } } };
  ok(await admin.PUT('/v1/admin/orgs/{org}/policies/{service}', { ...policyPath, body: { showAgentName: true } }));
  ok(await admin.GET('/v1/admin/orgs/{org}/policies/{service}', policyPath));
  ok(await admin.DELETE('/v1/admin/orgs/{org}/policies/{service}', policyPath));
  const crm = client(ok(await admin.POST('/v1/admin/tokens', { body: { org, service: 'crm' } })).token);
  const desk = client(ok(await admin.POST('/v1/admin/tokens', { body: { org, service: 'desk' } })).token);
  const spare = ok(await admin.POST('/v1/admin/tokens', { body: { org, service: 'campaigns' } }));
  ok(await admin.GET('/v1/admin/tokens'));
  const rotated = ok(
    await admin.POST('/v1/admin/tokens/{id}/rotate', { params: { path: { id: spare.id } }, body: { graceSeconds: 0 } }),
  );
  refused(await client(spare.token).GET('/v1/admin/tokens'), 401, 'UNAUTHORIZED');
  ok(await admin.GET('/v1/admin/report'));
  ok(await admin.DELETE('/v1/admin/tokens/{id}', { params: { path: { id: rotated.id } } }));
  refused(await client(spare.token).GET('/v1/admin/tokens'), 401, 'UNAUTHORIZED');
  refused(await crm.PUT('/v1/admin/orgs', { body: { id: org, plan: 'standalone' } }), 403, 'FORBIDDEN');
  refused(await open.GET('/v1/admin/tokens'), 401, 'UNAUTHORIZED');

  // The directory's read side, as a service.
  ok(await crm.POST('/v1/directory/org', { body: { id: org } }));
  refused(await crm.POST('/v1/directory/org', { body: { id: 'other' } }), 403, 'FORBIDDEN');
  ok(await crm.POST('/v1/directory/agent', { body: { org, id: 'aiko' } }));
  ok(await crm.POST('/v1/directory/number', { body: { number: '+81 3-1234-5678' } }));

  // Channels: crm connects first (parent), desk joins.
  const connect = { org, number, mode: 'shared', reason: 'bundle', at } as const;
  const { channel } = ok(await crm.POST('/v1/storage/connect', { body: { ...connect, service: 'crm' } }));
  ok(await desk.POST('/v1/storage/connect', { body: { ...connect, service: 'desk' } }));
  const wrongMode = { ...connect, service: 'crm', mode: 'both' } as const;
  // @ts-expect-error a mode is 'shared' or 'isolated': the generated types refuse this call, as the server does
  const wrongCall = crm.POST('/v1/storage/connect', { body: wrongMode });
  refused(await wrongCall, 400, 'INVALID_INPUT');
  ok(await crm.POST('/v1/storage/findMembership', { body: { org, number, service: 'crm' } }));
  ok(await crm.POST('/v1/storage/channelInfo', { body: { org, number } }));
  ok(
    await crm.POST('/v1/storage/configure', {
      body: { org, channel, service: 'crm', settings: { displayName: 'Acme' } },
    }),
  );
  refused(
    await desk.POST('/v1/storage/configure', { body: { org, channel, service: 'desk', settings: {} } }),
    422,
    'NOT_PARENT',
  );

  // A conversation: inbound, a reply that assigns, another service's assignment, views.
  const customer = '+819012345678';
  const inbound = {
    number,
    customer,
    providerId: 'wamid.in-1',
    type: 'text' as const,
    text: 'Hello',
    raw: { hello: 1 },
    at,
  };
  const { deliveries } = ok(await admin.POST('/v1/storage/receive', { body: inbound }));
  const conversation = deliveries[0]!.conversation;
  ok(await crm.POST('/v1/storage/conversation', { body: { org, channel, customer } }));
  // R33: the version a write carries is the storage's decision for the acting agent.
  const state = ok(
    await crm.POST('/v1/storage/decide', { body: { org, channel, customer, service: 'crm', agent: 'aiko' } }),
  );
  const reply = {
    ...{ org, channel, conversation, service: 'crm', agent: 'aiko', agentName: 'Aiko' },
    ...{ type: 'text' as const, text: 'Hi', raw: null, assign: true, at },
  };
  const sent = ok(await crm.POST('/v1/storage/appendReply', { body: { ...reply, expectedVersion: state!.version } }));
  refused(
    await crm.POST('/v1/storage/appendReply', { body: { ...reply, expectedVersion: state!.version } }),
    409,
    'CONFLICT',
  );
  refused(
    await crm.POST('/v1/storage/appendReply', { body: { ...reply, conversation: 'nope', expectedVersion: 0 } }),
    404,
    'UNKNOWN_CONVERSATION',
  );
  const assignment = { org, channel, conversation, service: 'desk', agent: 'ben', at };
  ok(await desk.POST('/v1/storage/setAssignment', { body: { ...assignment, expectedVersion: sent.version } }));
  ok(await desk.POST('/v1/storage/view', { body: { org, channel, conversation, service: 'desk' } }));
  ok(await crm.POST('/v1/storage/view', { body: { org, channel, conversation, service: 'crm' } }));
  // R39: crm's agent read it (through the simulator, a read receipt once), and a read by desk's.
  const read = { org, channel, conversation, at };
  ok(await crm.POST('/v1/storage/markRead', { body: { ...read, service: 'crm', agent: 'aiko', typing: true } }));
  ok(await desk.POST('/v1/storage/markRead', { body: { ...read, service: 'desk', agent: 'ben', typing: false } }));
  // Issue 21: the channel's conversations as desk lists them (crm's reply masked, desk's assignee).
  ok(await desk.POST('/v1/storage/conversations', { body: { org, channel, service: 'desk', limit: 10 } }));
  ok(
    await admin.POST('/v1/storage/updateStatus', {
      body: { org, message: sent.message, status: 'read', error: null, at },
    }),
  );

  // Events, the timeline and the durable cursor.
  const events = ok(await crm.POST('/v1/storage/events', { body: { org, service: 'crm' } }));
  const stream = await crm.GET('/v1/events', { params: { query: { after: events[0]!.id } }, parseAs: 'stream' });
  const streamed = [await firstStreamedEvent(ok(stream)!)];
  ok(await crm.POST('/v1/storage/timeline', { body: { org, channel, service: 'crm' } }));
  const note = { channel, at, what: 'confirmation-requested', service: 'crm', agent: 'aiko', why: 'confirm' } as const;
  const nothing = { from: null, to: null, message: null, status: null };
  ok(await crm.POST('/v1/storage/note', { body: { org, entry: { ...note, ...nothing } } }));
  ok(await crm.POST('/v1/storage/saveCursor', { body: { org, service: 'crm', cursor: events.at(-1)!.id } }));
  ok(await crm.POST('/v1/storage/loadCursor', { body: { org, service: 'crm' } }));
  ok(
    await desk.POST('/v1/storage/changeMembership', { body: { org, number, service: 'desk', action: 'disable', at } }),
  );

  // R34: push subscriptions, the delivery log, replay and the report.
  await callPushRoutes(admin, desk);

  // WhatsApp: the report, resume, the webhook's challenge and a delivery.
  ok(await admin.GET('/v1/admin/whatsapp'));
  ok(await admin.POST('/v1/admin/whatsapp/resume', { body: {} }));
  ok(await admin.GET('/v1/admin/whatsapp/parked', { params: { query: { limit: 10 } } }));
  const challenge = { 'hub.mode': 'subscribe', 'hub.verify_token': verifyToken, 'hub.challenge': '42' };
  ok(await open.GET('/webhooks/whatsapp', { params: { query: challenge }, parseAs: 'text' }));
  const wrongToken = { ...challenge, 'hub.verify_token': 'wrong' };
  refused(
    await open.GET('/webhooks/whatsapp', { params: { query: wrongToken }, parseAs: 'text' }),
    403,
    'UNAUTHORIZED',
  );
  const delivery = webhookDelivery(customer);
  const signature = { 'X-Hub-Signature-256': sign(JSON.stringify(delivery)) };
  ok(await open.POST('/webhooks/whatsapp', { params: { header: signature }, body: delivery }));
  const forged = { 'X-Hub-Signature-256': `sha256=${'0'.repeat(64)}` };
  refused(await open.POST('/webhooks/whatsapp', { params: { header: forged }, body: delivery }), 401, 'UNAUTHORIZED');
  // An inbound image's file (the simulator answers a stand-in typed application/octet-stream).
  const image = imageDelivery(customer);
  ok(
    await open.POST('/webhooks/whatsapp', {
      params: { header: { 'X-Hub-Signature-256': sign(JSON.stringify(image)) } },
      body: image,
    }),
  );
  const media = { path: { message: 'wamid.image-1' }, query: { number, customer } };
  ok(await crm.GET('/v1/media/{message}', { params: media, parseAs: 'text' }));
  return { exchanges, streamed };
}

type Delivery = paths['/webhooks/whatsapp']['post']['requestBody']['content']['application/json'];

/** One customer message in Meta's shape, to the number registered above. */
const webhookDelivery = (customer: string): Delivery => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: 'waba-1',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: number.slice(1), phone_number_id: phoneNumberId },
            contacts: [{ profile: { name: 'Customer' }, wa_id: customer.slice(1) }],
            messages: [
              {
                from: customer.slice(1),
                id: 'wamid.in-2',
                timestamp: '1767258000',
                type: 'text',
                text: { body: 'Again' },
              },
            ],
          },
        },
      ],
    },
  ],
});

/** The same delivery carrying an image instead (Meta's messages > image shape). */
const imageDelivery = (customer: string): Delivery => {
  const delivery = webhookDelivery(customer);
  const value = delivery.entry[0]!.changes[0]!.value as { messages: Record<string, unknown>[] };
  const image = {
    id: '1003383421387256',
    mime_type: 'image/jpeg',
    sha256: 'x8pHv2lWpJ1b0dUjS6Yqz7EoN4rFkB3c9WgA5tLmQ0s=',
  };
  value.messages = [{ from: customer.slice(1), id: 'wamid.image-1', timestamp: '1767258060', type: 'image', image }];
  return delivery;
};
