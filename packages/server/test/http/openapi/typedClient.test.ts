// A client generated from the live GET /openapi.json: openapi-typescript's types type-check the
// calls of test/.typed-client/calls.ts (tsc, with a deliberately wrong call that must be refused),
// and those calls, run through openapi-fetch against a live server, get answers that each
// validate against the document's schema for their status (an event stream's frames against
// ChannelEvent), every operation exercised. The README's typed-client example is checked and run too.
import { createSimulator, signWebhookBody } from '@onenumber/whatsapp';
import openapiTS, { astToString } from 'openapi-typescript';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenApiDocument } from '../../../src/http/openapi';
import type { CallOptions, Called } from '../../.typed-client/record';
import { adminToken, testServer, type TestServer } from '../support/server';
import { documentedResponse, operationsOf, schemaValidator } from './support/documented';
import { binOf, packageDir, runNode, writeGenerated } from './support/generated';
import { readmeTypedClientExample } from './support/readmeExample';

const appSecret = 'typed-client-app-secret';
const verifyToken = 'typed-client-verify-token';
let server: TestServer;
let doc: OpenApiDocument;

beforeAll(async () => {
  // The webhook on, and a sender through the in-process simulator: every WhatsApp route answers.
  const transport = createSimulator({ appSecret });
  server = await testServer({ whatsapp: { appSecret, verifyToken, transport, env: {} } });
  doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as OpenApiDocument;
}, 60_000);
afterAll(() => server.close());

describe('a client generated with openapi-typescript', () => {
  it('type-checks the calls and the README example, and refuses the wrong call', async () => {
    writeGenerated('onenumber.ts', astToString(await openapiTS(doc as never)));
    writeGenerated('readmeExample.ts', readmeTypedClientExample());
    const tsconfig = writeGenerated(
      'tsconfig.json',
      JSON.stringify({
        extends: '../../../../tsconfig.base.json',
        compilerOptions: { noEmit: true, noUnusedLocals: true },
        files: ['../.typed-client/calls.ts', 'readmeExample.ts'],
      }),
    );
    const run = await runNode(binOf('typescript', 'tsc'), ['-p', tsconfig, '--pretty', 'false']);
    expect(run.stdout + run.stderr).toBe('');
    expect(run.code).toBe(0);
  }, 240_000);

  it('runs through openapi-fetch; every answer is documented for its status and validates', async () => {
    // Imported by path: the package's own tsc must not follow it to the generated types.
    const calls: { callEveryRoute(options: CallOptions): Promise<Called> } = await import(
      join(packageDir, 'test', '.typed-client', 'calls.ts')
    );
    const { exchanges, streamed } = await calls.callEveryRoute({
      baseUrl: server.url,
      adminToken,
      verifyToken,
      sign: (body) => signWebhookBody(body, appSecret),
    });
    const validate = schemaValidator(doc);
    for (const { method, path, status, mediaType, body } of exchanges) {
      const where = `${method} ${path} ${status}`;
      const response = documentedResponse(doc, method, path, status);
      expect(response, `${where} is not documented`).toBeDefined();
      const schema = response?.content?.[mediaType]?.schema;
      expect(schema, `${where}: ${mediaType} is not documented`).toBeDefined();
      if (mediaType === 'text/event-stream') continue; // its frames: below
      const result = validate(schema!, body);
      expect(result.error?.issues ?? [], `${where}: ${JSON.stringify(body).slice(0, 500)}`).toEqual([]);
    }
    expect(streamed.length).toBeGreaterThan(0);
    for (const event of streamed)
      expect(validate({ $ref: '#/components/schemas/ChannelEvent' }, event).error?.issues ?? []).toEqual([]);
    const answered = new Set(exchanges.filter((e) => e.status < 300).map((e) => `${e.method} ${e.path}`));
    const notCalled = operationsOf(doc)
      .map((o) => `${o.method} ${o.path}`)
      .filter((operation) => !answered.has(operation));
    expect(notCalled).toEqual([]);
    expect(new Set(exchanges.filter((e) => e.status >= 400).map((e) => e.status))).toEqual(
      new Set([400, 401, 403, 404, 409, 422]),
    );
  }, 240_000);

  it('the README example runs as written and prints what its comments say', async () => {
    const file = writeGenerated('readmeExample.ts', readmeTypedClientExample());
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await import(file);
      expect(log.mock.calls.map((args) => args.join(' '))).toEqual(['201', 'zoho-one', '403 FORBIDDEN']);
    } finally {
      log.mockRestore();
    }
  }, 60_000);

  it('the validator refuses what the document does not allow', () => {
    const validate = schemaValidator(doc);
    const token = { $ref: '#/components/schemas/Token' };
    const listed = {
      id: 'tok_1',
      principal: { kind: 'service', org: 'acme', service: 'crm' },
      createdAt: '2026-01-01T09:00:00.000Z',
    };
    expect(validate(token, listed).success).toBe(true);
    expect(validate(token, { ...listed, token: 'on_secret' }).success).toBe(false);
    const forbidden = documentedResponse(doc, 'put', '/v1/admin/orgs', 403)!.content!['application/json']!.schema!;
    expect(validate(forbidden, { error: 'FORBIDDEN', message: 'no' }).success).toBe(true);
    expect(validate(forbidden, { error: 'CONFLICT', message: 'no' }).success).toBe(false);
  });
});
