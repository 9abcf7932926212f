// Scope (issue 4, R20): every route but /health and /openapi.json (and the signed webhook) x
// {no token, bad token, another org's token, another service's token} is refused; a service
// token never reaches an admin route.
import type { CheckResult, Progress } from '../report';
import { numberAt, startChaosWorld } from '../world';
import { valid } from './bodies';
import { webhookSecrets } from './fuzzWebhook';

/** Routes whose answer depends on no org: a number's verification is read before any org holds it. */
const orgFree = new Set(['POST /v1/directory/number']);
/**
 * Routes that name no org or service at all: they act as the token's own service in its own org
 * (a service's media; its push subscriptions, R34, whose own-service scope test/push checks).
 */
const tokenScoped = {
  has: (route: string) => route === 'GET /v1/media/{message}' || / \/v1\/push\//.test(route),
  [Symbol.iterator]: () => ['GET /v1/media/{message}', '/v1/push/* (every method)'][Symbol.iterator](),
};

export async function scope(_options: object, progress: Progress): Promise<CheckResult> {
  const world = await startChaosWorld({ numbers: [numberAt(0)], whatsapp: webhookSecrets }); // its admin routes too
  const failures: string[] = [];
  let calls = 0;
  let routes = 0;
  try {
    const tokens = {
      none: null,
      bad: 'on_not-a-real-token-0000000000000000000000000000000',
      'other org': await world.token('globex', 'desk'),
      'other service': await world.token('acme', 'crm'),
    } as const;
    const doc = (await (await fetch(`${world.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (path === '/health' || path === '/openapi.json' || path.startsWith('/webhooks/')) continue;
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        routes++;
        const op = path.replace('/v1/storage/', '');
        const body = path.startsWith('/v1/storage/')
          ? (valid[op] ?? { org: 'acme', service: 'desk' })
          : path === '/v1/directory/org'
            ? { id: 'acme' }
            : path === '/v1/directory/agent'
              ? { org: 'acme', id: 'agent-desk' }
              : path === '/v1/directory/number'
                ? { number: numberAt(0) }
                : { org: 'acme', service: 'desk', id: 'acme', plan: 'zoho-one', number: numberAt(0), verified: true };
        const concrete = path
          .replace('{org}', 'acme')
          .replace('{id}', 'agent-desk')
          .replace(/\{\w+\}/g, 'msg_1');
        const url = `${world.url}${concrete}${path === '/v1/events' ? '?org=acme&service=desk' : ''}`;
        for (const [who, token] of Object.entries(tokens)) {
          const route = `${method} ${path}`;
          if ((who === 'other org' || who === 'other service') && (orgFree.has(route) || tokenScoped.has(route)))
            continue;
          // Another service of the same org may read org-level facts (channel info, its org's
          // directory): only requests aimed at a service (desk) must refuse another service's token.
          const aimedAtService = 'service' in body || path === '/v1/events' || path.startsWith('/v1/admin');
          if (who === 'other service' && !aimedAtService) continue;
          const controller = new AbortController();
          const response = await fetch(url, {
            method,
            signal: controller.signal,
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            ...(method === 'GET' || method === 'DELETE' ? {} : { body: JSON.stringify(body) }),
          });
          calls++;
          const want = token === null || who === 'bad' ? 401 : 403;
          if (response.status !== want)
            failures.push(`${method} ${path} with ${who} token: ${response.status}, expected ${want}`);
          controller.abort(); // an event stream that (wrongly) opened must not hang the check
        }
      }
    }
    progress(`scope: ${calls} calls`);
  } finally {
    await world.close();
  }
  return {
    name: 'scope',
    figures: {
      routes,
      principals: '4 (no token, bad token, other org, other service)',
      'route x principal calls': calls,
      refused: calls - failures.length,
      'answered (not refused)': failures.length,
      'org-free routes (not org-scoped by design)': [...orgFree].join(', '),
      "token-scoped routes (name no org or service: only the token's own)": [...tokenScoped].join(', '),
      'skipped by design': 'other service on routes not aimed at a service (org-level facts its org may read)',
    },
    failures,
  };
}
