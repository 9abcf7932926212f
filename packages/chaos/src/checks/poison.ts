// Poison (R36, R27): random deep and huge JSON (poisonValues.ts) in every field of every route
// that takes a body, the free-form ones first (a message's raw object, settings, a policy, an
// org's services, an error, the webhook's payload, signed so that it is parsed), then records
// written around the API's edge with SQL (a raw object 100,000 levels deep, an event body that is
// not JSON, settings and a policy that are not JSON). No answer is a 5xx, every refusal is typed,
// and every read after it (every read route, the event streams replayed) answers 2xx.
import { errorCodes } from '@onenumber/core';
import { signWebhookBody } from '@onenumber/whatsapp';
import type { CheckResult, Progress } from '../report';
import { numberAt, startChaosWorld } from '../world';
import { webhookSecrets } from './fuzzWebhook';
import { plantAroundTheEdge } from './poisonRows';
import { readEverything, type ReadTarget } from './poisonReads';
import { customer, setUp, targets } from './poisonTargets';
import { pathsIn, poison, withPoison } from './poisonValues';
import { seeded } from './seeded';

export async function poisonCheck(
  options: { inputs: number; readEvery: number; seed: number },
  progress: Progress,
): Promise<CheckResult> {
  const world = await startChaosWorld({ numbers: [numberAt(0)], whatsapp: { ...webhookSecrets, sender: true } });
  const failures: string[] = [];
  const note = (what: string) => failures.length < 50 && failures.push(what);
  const counts = {
    inputs: 0,
    accepted: 0,
    refused: 0,
    '5xx': 0,
    untyped: 0,
    reads: 0,
    readFailures: 0,
    planted: 0,
    bytes: 0,
    maxBytes: 0,
    maxDepth: 0,
  };
  const kinds = new Map<string, number>();
  try {
    const s = await setUp(world);
    const all = targets(world, s);
    const read: ReadTarget = {
      url: world.url,
      adminToken: world.adminToken,
      tokens: s.tokens,
      org: 'acme',
      number: s.number,
      channel: s.channel,
      conversation: s.conversation,
      customer,
    };
    const readAll = async (stream: boolean) => {
      const outcome = await readEverything(read, stream);
      counts.reads += outcome.reads;
      counts.readFailures += outcome.failures.length;
      for (const f of outcome.failures) note(`a read after poison: ${f}`);
    };
    const random = seeded(options.seed);
    for (let i = 0; i < options.inputs; i++) {
      const target = all[Math.floor(random() * all.length)]!;
      const body = await target.body();
      const paths = target.free.length && random() < 0.5 ? target.free : pathsIn(body);
      const path = paths[Math.floor(random() * paths.length)]!;
      const value = poison(random);
      const text = withPoison(body, path, value.text);
      counts.inputs++;
      counts.bytes += text.length;
      counts.maxBytes = Math.max(counts.maxBytes, text.length);
      counts.maxDepth = Math.max(counts.maxDepth, value.depth + path.length);
      kinds.set(target.name, (kinds.get(target.name) ?? 0) + 1);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (target.sign) headers['x-hub-signature-256'] = signWebhookBody(text, webhookSecrets.appSecret);
      else headers.authorization = `Bearer ${target.token()}`;
      const response = await fetch(`${world.url}${target.path}`, { method: target.method, headers, body: text }).catch(
        (e: Error) => e,
      );
      const where = `${target.method} ${target.path} with ${value.kind} at ${path.join('.')}`;
      if (response instanceof Error) {
        counts['5xx']++;
        note(`${where}: no answer (${response.message})`);
      } else {
        const answer = await response.text();
        if (response.status >= 500) {
          counts['5xx']++;
          note(`${where}: ${response.status} ${answer.slice(0, 120)}`);
        } else if (response.ok) counts.accepted++;
        else {
          counts.refused++;
          const code = (() => {
            try {
              return (JSON.parse(answer) as { error?: string }).error;
            } catch {
              return undefined;
            }
          })();
          if (!code || !(code in errorCodes)) {
            counts.untyped++;
            note(`${where}: ${response.status} untyped ${answer.slice(0, 120)}`);
          }
        }
      }
      if ((i + 1) % options.readEvery === 0) {
        await readAll(false);
        progress(`poison: ${i + 1} inputs, ${counts.reads} reads`);
      }
    }
    await readAll(true);
    counts.planted = plantAroundTheEdge(world.file);
    await readAll(true);
    const report = await world.admin<{ unreadableReads: { total: number } }>('GET', '/v1/admin/report');
    return {
      name: 'poison',
      figures: {
        inputs: counts.inputs,
        routes: all.length,
        'inputs per route (min / max)': `${Math.min(...kinds.values())} / ${Math.max(...kinds.values())}`,
        'MiB sent': Math.round(counts.bytes / 1048576),
        'largest body KiB': Math.round(counts.maxBytes / 1024),
        'deepest value (levels)': counts.maxDepth,
        accepted: counts.accepted,
        refused: counts.refused,
        '5xx': counts['5xx'],
        'untyped refusals': counts.untyped,
        'records planted around the edge (SQL)': counts.planted,
        'reads after (every read route, streams replayed)': counts.reads,
        'reads not 2xx': counts.readFailures,
        'reads that left out a stored value (GET /v1/admin/report)': report.unreadableReads.total,
        seed: options.seed,
      },
      failures,
    };
  } finally {
    await world.close();
  }
}
