// Leaks (R17, R20): a full multi-service run where every reply text is a unique canary. Every
// HTTP response body and SSE event a service receives, and every server log line, is scanned:
// no service ever receives another service's canary, and no log line holds a canary or a token.
import { createOneNumber, OneNumberError, type OneNumber } from '@onenumber/core';
import { createHttpDirectory, createHttpStorage } from '@onenumber/storage-http';
import type { CheckResult, Progress } from '../report';
import { numberAt, services, startChaosWorld, type Service } from '../world';

/** A fetch that keeps a copy of every response body (streams included) it hands back. */
function recordingFetch(seen: string[], counts: { responses: number }): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    counts.responses++;
    if (!response.body) return response;
    const decoder = new TextDecoder();
    const tee = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen.push(decoder.decode(chunk, { stream: true }));
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(tee), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

export async function leaks(options: { customers: number; replies: number }, progress: Progress): Promise<CheckResult> {
  const numbers = [numberAt(0), numberAt(1)];
  const world = await startChaosWorld({ numbers });
  const failures: string[] = [];
  const received: Record<Service, string[]> = { desk: [], crm: [], salesiq: [] };
  const tokens: string[] = [world.adminToken];
  const sdks = {} as Record<Service, OneNumber>;
  const canaries: Record<Service, string[]> = { desk: [], crm: [], salesiq: [] };
  const counts = { responses: 0, listed: 0 };
  try {
    for (const service of services) {
      const token = await world.token('acme', service);
      tokens.push(token);
      const options = { url: world.url, token, fetch: recordingFetch(received[service], counts) };
      sdks[service] = createOneNumber({ storage: createHttpStorage(options), directory: createHttpDirectory(options) });
    }
    const feeds = services.map((service) => sdks[service].feed({ org: 'acme', service, after: '0' }));
    const inbound = createOneNumber({
      storage: createHttpStorage({ url: world.url, token: world.adminToken }),
      directory: createHttpDirectory({ url: world.url, token: world.adminToken }),
    });
    for (const number of numbers)
      for (const service of services) await sdks[service].connect({ org: 'acme', service, number });
    let n = 0;
    for (let c = 0; c < options.customers; c++) {
      const number = numbers[c % numbers.length]!;
      const customer = `+8190${String(20000000 + c)}`;
      await inbound.receive({ number, customer, text: `question ${c}`, id: `wamid.leak.${c}` });
      for (let r = 0; r < options.replies; r++) {
        const service = services[(c + r) % services.length]!;
        const agent = `agent-${service}`;
        const text = `canary-${service}-${n++}-${Math.random().toString(36).slice(2, 8)}`;
        canaries[service].push(text);
        try {
          await sdks[service].assign({ org: 'acme', service, agent, number, customer, confirm: true });
          const { message } = await sdks[service].reply({ org: 'acme', service, agent, number, customer, text });
          await inbound.updateStatus({ org: 'acme', message, status: r % 2 ? 'read' : 'delivered' });
        } catch (error) {
          if (!OneNumberError.isInstance(error)) throw error;
          failures.push(`${service} could not reply: ${error.code}`);
        }
        for (const viewer of services)
          await sdks[viewer].view({ org: 'acme', service: viewer, agent: `agent-${viewer}`, number, customer });
      }
      for (const viewer of services)
        counts.listed += (await sdks[viewer].events({ org: 'acme', service: viewer })).length;
    }
    await new Promise((r) => setTimeout(r, 300)); // let the event streams deliver the last events
    for (const feed of feeds) feed.close();
    for (const viewer of services) {
      const text = received[viewer].join('');
      for (const owner of services) {
        if (owner === viewer) continue;
        const leaked = canaries[owner].filter((canary) => text.includes(canary));
        if (leaked.length)
          failures.push(`${viewer} received ${leaked.length} of ${owner}'s reply texts (e.g. ${leaked[0]})`);
      }
      const own = canaries[viewer].filter((canary) => text.includes(canary)).length;
      if (own === 0) failures.push(`${viewer} never saw its own replies: the scan saw nothing, so it proves nothing`);
    }
    const logText = world.logs.map((l) => JSON.stringify(l)).join('\n');
    for (const canary of services.flatMap((s) => canaries[s]))
      if (logText.includes(canary)) failures.push(`a log line holds reply text ${canary}`);
    for (const token of tokens) if (logText.includes(token)) failures.push('a log line holds a token');
    progress(
      `leaks: scanned ${services.map((s) => received[s].join('').length).reduce((a, b) => a + b)} bytes of responses and events, ${world.logs.length} log lines`,
    );
  } finally {
    await world.close();
  }
  const all = services.map((s) => received[s].join('')).join('');
  const sse = (all.match(/^data:/gm) ?? []).length;
  const found = failures
    .filter((f) => f.includes(' received '))
    .reduce((n, f) => n + Number(/received (\d+)/.exec(f)?.[1] ?? 0), 0);
  return {
    name: 'leaks',
    figures: {
      services: services.length,
      replies: services.reduce((a, s) => a + canaries[s].length, 0),
      'HTTP responses scanned': counts.responses,
      'SSE events scanned': sse,
      'events listed and scanned': counts.listed,
      'response and event bytes scanned': all.length,
      'log lines scanned': world.logs.length,
      'canaries found where they must not be':
        found + failures.filter((f) => f.startsWith('a log line holds reply')).length,
      'tokens found in log lines': failures.filter((f) => f === 'a log line holds a token').length,
    },
    failures,
  };
}
