// Fuzzing (R27): generated HTTP bodies for every route, generated deliveries to the signed
// webhook, and generated SDK inputs, in equal parts. No crash, no 5xx, every refusal a typed error
// with a known code, and the stored state byte-identical after every refused input.
import { createOneNumber, errorCodes, OneNumberError } from '@onenumber/core';
import { createHttpDirectory, createHttpStorage } from '@onenumber/storage-http';
import fc from 'fast-check';
import type { CheckResult, Progress } from '../report';
import { numberAt, startChaosWorld } from '../world';
import { broken, junk, rawBody } from './arbitraries';
import { stateHasher } from './stateHash';
import { adminRoutes, valid } from './bodies';
import { fuzzPhoneNumberId, webhookInput, webhookSecrets } from './fuzzWebhook';

export async function fuzz(options: { runs: number; seed?: number }, progress: Progress): Promise<CheckResult> {
  const world = await startChaosWorld({ numbers: [numberAt(0)], whatsapp: webhookSecrets });
  await world.admin('PUT', '/v1/admin/numbers', {
    number: numberAt(0),
    verified: true,
    phoneNumberId: fuzzPhoneNumberId,
  });
  const deskToken = await world.token('acme', 'desk');
  const sdk = createOneNumber({
    storage: createHttpStorage({ url: world.url, token: deskToken }),
    directory: createHttpDirectory({ url: world.url, token: deskToken }),
  });
  await sdk.connect({ org: 'acme', service: 'desk', number: numberAt(0) });
  const state = stateHasher(world.file);
  const failures: string[] = [];
  const counts = {
    http: 0,
    webhook: 0,
    sdk: 0,
    refused: 0,
    accepted: 0,
    '5xx': 0,
    untyped: 0,
    compared: 0,
    changed: 0,
  };
  let baseline = state.hash();
  const note = (what: string) => failures.length < 50 && failures.push(what);

  async function send(method: string, path: string, token: string | Record<string, string>, body: string) {
    const auth = typeof token === 'string' ? { authorization: `Bearer ${token}` } : token;
    const response = await fetch(`${world.url}${path}`, {
      method,
      headers: { ...auth, 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    counts.http++;
    if (response.status >= 500) {
      counts['5xx']++;
      note(`${method} ${path} answered ${response.status}: ${text.slice(0, 120)} to ${body.slice(0, 400)}`);
    }
    if (response.ok) {
      counts.accepted++;
      baseline = state.hash();
      return;
    }
    counts.refused++;
    let json: { error?: string; message?: unknown } = {};
    try {
      json = JSON.parse(text);
    } catch {
      note(`${path}: ${response.status} without a JSON body`);
    }
    if (!json.error || !(json.error in errorCodes) || typeof json.message !== 'string') {
      counts.untyped++;
      note(`${path}: ${response.status} with an untyped error ${text.slice(0, 120)}`);
    }
    const now = state.hash();
    counts.compared++;
    if (now !== baseline) {
      counts.changed++;
      note(`${method} ${path}: a refused input (${json.error}) changed the stored state`);
      baseline = now;
    }
  }

  const route = fc.constantFrom(...Object.keys(valid));
  const httpInput = fc.oneof(
    fc
      .tuple(
        route,
        fc.oneof(
          junk,
          route.chain((r) => broken(valid[r]!)),
        ),
      )
      .map(([r, b]) => ({ r, body: JSON.stringify(b) ?? 'null' })),
    fc.tuple(route, rawBody).map(([r, body]) => ({ r, body })),
  );
  const perKind = Math.max(1, Math.floor(options.runs / 4));
  await fc.assert(
    fc.asyncProperty(httpInput, async ({ r, body }) => {
      await send('POST', `/v1/storage/${r}`, deskToken, body);
    }),
    { numRuns: perKind, seed: options.seed ?? 7 },
  );
  progress(`fuzz: ${counts.http} storage-route bodies`);
  const adminInput = fc
    .tuple(fc.constantFrom(...adminRoutes), fc.nat())
    .chain(([[m, p, v]]) => fc.oneof(junk, broken(v)).map((b) => ({ m, p, body: JSON.stringify(b) ?? 'null' })));
  await fc.assert(
    fc.asyncProperty(adminInput, async ({ m, p, body }) => {
      await send(m, p, world.adminToken, body);
    }),
    { numRuns: perKind, seed: (options.seed ?? 7) + 1 },
  );
  progress(`fuzz: ${counts.http} bodies with the admin routes`);
  await fc.assert(
    fc.asyncProperty(webhookInput(numberAt(0)), async ({ body, signature }) => {
      counts.webhook++;
      await send('POST', '/webhooks/whatsapp', signature ? { 'x-hub-signature-256': signature } : {}, body);
    }),
    { numRuns: perKind, seed: (options.seed ?? 7) + 3 },
  );
  progress(`fuzz: ${counts.http} bodies with the webhook`);
  const parked =
    ((await world.admin('GET', '/v1/admin/whatsapp')) as { webhook: { parked?: { parked: number } } }).webhook.parked
      ?.parked ?? 0;

  const methods = [
    'connect',
    'disable',
    'members',
    'configure',
    'receive',
    'reply',
    'assign',
    'view',
    'updateStatus',
    'canReply',
    'previewLeave',
    'timeline',
  ] as const;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...methods), junk, async (method, input) => {
      counts.sdk++;
      try {
        await (sdk[method] as (i: unknown) => Promise<unknown>)(input);
        baseline = state.hash();
      } catch (error) {
        if (!OneNumberError.isInstance(error)) {
          counts.untyped++;
          note(`sdk ${method} threw a ${(error as Error)?.name}: ${(error as Error)?.message?.slice(0, 100)}`);
        }
        const now = state.hash();
        counts.compared++;
        if (now !== baseline) {
          counts.changed++;
          note(`sdk ${method}: a refused input changed the stored state`);
          baseline = now;
        }
      }
    }),
    { numRuns: options.runs - 3 * perKind, seed: (options.seed ?? 7) + 2 },
  );
  state.close();
  await world.close();
  return {
    name: 'fuzz',
    figures: {
      inputs: counts.http + counts.sdk,
      'http bodies (webhook deliveries among them)': `${counts.http} (${counts.webhook})`,
      'sdk calls': counts.sdk,
      refused: counts.refused,
      accepted: counts.accepted,
      '5xx': counts['5xx'],
      'webhook deliveries parked (R29: for a number nobody registered, 200)': parked,
      'untyped refusals': counts.untyped,
      'state hash compared after a refusal': counts.compared,
      'state hash equal': `${counts.compared - counts.changed} / ${counts.compared}`,
      seed: options.seed ?? 7,
    },
    failures,
  };
}
