// Every API body refuses a key it does not know: 400 INVALID_INPUT naming the key (with its path),
// instead of dropping it and answering as if all went well (`agnets` loading no agents). Checked
// on the document (every object of every request body but the WhatsApp webhook's allows no other
// keys) and through the real server. The webhook keeps unknown fields: WhatsApp adds some.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src';
import { operationsOf } from '../http/openapi/support/documented';
import { adminToken, N, r35Server, type R35Server } from './r35-support';

let server: R35Server;
beforeAll(async () => {
  server = await r35Server();
});
afterAll(() => server.close());

/** Paths (in a JSON Schema) of objects that name properties but allow others. */
function openObjects(schema: unknown, path = ''): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const own = node.properties && node.additionalProperties !== false ? [path || '(body)'] : [];
  return [
    ...own,
    ...Object.entries(node).flatMap(([key, value]) =>
      Array.isArray(value)
        ? value.flatMap((item, i) => openObjects(item, `${path}/${key}/${i}`))
        : openObjects(value, `${path}/${key}`),
    ),
  ];
}

describe('strict API bodies', () => {
  it('every request body in GET /openapi.json allows no unknown key, the WhatsApp webhook excepted', () => {
    const doc = openApiDocument();
    const bodies = operationsOf(doc).filter(({ operation }) => operation.requestBody);
    expect(bodies.length).toBeGreaterThan(20);
    const open = bodies
      .filter(({ path }) => path !== '/webhooks/whatsapp')
      .flatMap(({ method, path, operation }) =>
        openObjects(operation.requestBody).map((where) => `${method} ${path} ${where}`),
      );
    expect(open).toEqual([]);
    const webhook = bodies.find(({ path }) => path === '/webhooks/whatsapp');
    expect(openObjects(webhook?.operation.requestBody).length).toBeGreaterThan(0); // it keeps WhatsApp's new fields
  });

  it('POST /v1/admin/directory with a misspelt key is 400 INVALID_INPUT naming it, and loads nothing', async () => {
    const agents = [{ org: 'acme', id: 'aiko', name: 'Aiko', access: ['crm'] }];
    const typo = await server.call('POST', '/v1/admin/directory', adminToken, { agnets: agents });
    expect(typo).toMatchObject({ status: 400, body: { error: 'INVALID_INPUT', field: 'agnets' } });
    expect(typo.body.message).toContain('agnets');
    expect((await server.call('GET', '/v1/admin/orgs/acme/agents', adminToken)).body).toEqual([]);
    const nested = await server.call('POST', '/v1/admin/directory', adminToken, {
      agents: [{ ...agents[0], acces: [] }],
    });
    expect(nested).toMatchObject({ status: 400, body: { field: 'agents.0.acces' } });
    expect((await server.call('POST', '/v1/admin/directory', adminToken, { agents })).body).toMatchObject({
      agents: 1,
    });
  });

  it('an unknown key is refused on admin, directory, token and storage routes, naming it', async () => {
    const at = new Date().toISOString();
    const crm = await server.issue('crm');
    const cases: [string, string, string, Record<string, unknown>][] = [
      ['PUT', '/v1/admin/orgs', adminToken, { id: 'acme', plan: 'zoho-one' }],
      ['PUT', '/v1/admin/agents', adminToken, { org: 'acme', id: 'ben', name: 'Ben', access: ['desk'] }],
      ['PUT', '/v1/admin/numbers', adminToken, { number: N, verified: true }],
      ['POST', '/v1/admin/tokens', adminToken, { org: 'acme', service: 'crm' }],
      ['POST', `/v1/admin/tokens/${crm.id}/rotate`, adminToken, {}],
      ['POST', '/v1/admin/whatsapp/resume', adminToken, {}],
      ['POST', '/v1/directory/org', crm.token, { id: 'acme' }],
      ['POST', '/v1/storage/findMembership', crm.token, { org: 'acme', number: N, service: 'crm' }],
      ['POST', '/v1/storage/events', crm.token, { org: 'acme', service: 'crm' }],
      [
        'POST',
        '/v1/storage/receive',
        adminToken,
        { number: N, customer: '+819012345678', providerId: null, type: 'text', text: 'x', raw: null, at },
      ],
    ];
    for (const [method, path, token, body] of cases) {
      const answer = await server.call(method, path, token, { ...body, extraKey: 1 });
      expect(answer, `${method} ${path}`).toMatchObject({
        status: 400,
        body: { error: 'INVALID_INPUT', field: 'extraKey' },
      });
    }
  });

  it('free-form fields keep what they hold: a raw object and its keys are the client’s', async () => {
    const at = new Date().toISOString();
    const raw = { anything: { the: ['client', 'sends'] }, extraKey: 1 };
    const answer = await server.call('POST', '/v1/storage/receive', adminToken, {
      number: N,
      customer: '+819012345679',
      providerId: 'wamid.raw',
      type: 'text',
      text: 'raw kept',
      raw,
      at,
    });
    expect(answer.status).toBe(200);
  });
});
