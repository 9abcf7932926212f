// R34: `onenumber subscriptions create URL | list`: push subscriptions on a running server, with a
// service token (its own service's) or the admin token (naming --org and --service). The server
// is --server, else env ONENUMBER_URL, else http://127.0.0.1:8787; the token --token, else env
// ONENUMBER_TOKEN, else ONENUMBER_ADMIN_TOKEN. Tables for people, --json for programs. Exit 0 done,
// 1 the server refused (its error code and message printed), 2 a usage mistake or no server.
import { createdLines, subscriptionsTable, type ListedSubscription } from './subscriptionsTable';
import type { Io } from './scenario';

export interface SubscriptionsOptions {
  server?: string | undefined;
  token?: string | undefined;
  org?: string | undefined;
  service?: string | undefined;
  types?: string | undefined;
  json: boolean;
}

export const defaultServer = 'http://127.0.0.1:8787';
const actions = ['create', 'list'] as const;

type Answer = { status: number; body: unknown };

async function request(base: string, token: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(new URL(path, base), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

export async function subscriptionsCommand(
  positionals: string[],
  options: SubscriptionsOptions,
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [action, ...rest] = positionals;
  const usage = (why: string) => {
    io.err(`onenumber subscriptions: ${why} (onenumber subscriptions --help for more).`);
    return 2;
  };
  if (!action || !(actions as readonly string[]).includes(action))
    return usage(`name an action: ${actions.join(' or ')}${action ? ` (got "${action}")` : ''}`);
  if (action === 'create' && rest.length !== 1) return usage('create takes the endpoint URL, and nothing else');
  if (action === 'list' && rest.length) return usage('list takes no argument');
  const token = options.token ?? env.ONENUMBER_TOKEN ?? env.ONENUMBER_ADMIN_TOKEN;
  if (!token) return usage('give --token (or set ONENUMBER_TOKEN): a service token, or the admin token');
  const server = options.server ?? env.ONENUMBER_URL ?? defaultServer;
  const scope = {
    ...(options.org ? { org: options.org } : {}),
    ...(options.service ? { service: options.service } : {}),
  };
  let answer: Answer;
  try {
    if (action === 'create') {
      const types = options.types
        ?.split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      answer = await request(server, token, 'POST', '/v1/push/subscriptions', {
        ...scope,
        url: rest[0],
        ...(types?.length ? { types } : {}),
      });
    } else {
      answer = await request(server, token, 'GET', `/v1/push/subscriptions?${new URLSearchParams(scope)}`);
    }
  } catch (error) {
    return usage(`no server answered at ${server} (${(error as Error).message}); start one with onenumber serve`);
  }
  if (answer.status >= 300) {
    const refusal = answer.body as { error?: string; message?: string };
    io.err(
      `onenumber subscriptions ${action}: ${refusal.error ?? answer.status}: ${refusal.message ?? String(answer.body)}`,
    );
    return 1;
  }
  if (options.json) io.out(`${JSON.stringify(answer.body, null, 2)}\n`);
  else if (action === 'create') io.out(createdLines(answer.body as ListedSubscription & { secret: string }));
  else io.out(subscriptionsTable(answer.body as ListedSubscription[]));
  return 0;
}
