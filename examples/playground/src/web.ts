// The page and its small API: one JSON read of every pane, one action route, the customer's send,
// and a Server-Sent Events stream that tells the page when something changed (live, over the
// adapters' own event feeds).
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { OneNumberError } from '@onenumber/core';
import { z } from 'zod';
import { agentsOf, customer, number, services, type Service } from './demo';
import { paneOf, type ServiceHandle } from './panes';
import type { Phone } from './phone';

const actionSchema = z
  .object({
    service: z.enum(services),
    action: z.enum(['connect', 'disable', 'enable', 'remove', 'assign', 'reply']),
    agent: z.string().min(1).max(64),
    confirm: z.boolean().optional(),
    text: z.string().min(1).max(4096).optional(),
  })
  .strict();
const phoneSchema = z.object({ text: z.string().min(1).max(4096) }).strict();

export interface WebOptions {
  handles: Record<Service, ServiceHandle>;
  phone: Phone;
  sendAsCustomer(text: string): Promise<void>;
  publicDir: string;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
};

async function body(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 65536) throw new OneNumberError('INVALID_INPUT', 'body too large');
  }
  try {
    return JSON.parse(text || '{}');
  } catch {
    throw new OneNumberError('INVALID_INPUT', 'body is not JSON');
  }
}

function send(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

export function createWeb(options: WebOptions) {
  const { handles, phone } = options;
  const streams = new Set<ServerResponse>();
  const changed = (what: string) => {
    for (const res of streams) res.write(`event: change\ndata: ${JSON.stringify({ what })}\n\n`);
  };
  for (const service of services) {
    for (const name of ['message', 'reply', 'status', 'parent', 'membership', 'assignment'] as const)
      handles[service].adapter.on(name, () => changed(service));
  }
  phone.on('change', () => changed('phone'));

  async function act(input: z.output<typeof actionSchema>) {
    const { adapter } = handles[input.service];
    const ref = { number, [adapter.vocabulary.customer]: customer, [adapter.vocabulary.agent]: input.agent } as never;
    switch (input.action) {
      case 'assign':
        return adapter.assign({ ...(ref as object), confirm: input.confirm ?? false } as never);
      case 'reply':
        return adapter.reply({ ...(ref as object), text: input.text ?? '' } as never);
      default:
        return adapter[input.action](number);
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/api/state') {
      const panes = await Promise.all(
        services.map((s) => paneOf(s, handles[s], url.searchParams.get(s) ?? agentsOf(s)[0]!.id)),
      );
      return send(res, 200, { number, customer, panes, phone: phone.messages });
    }
    if (req.method === 'GET' && url.pathname === '/api/live') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': live\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/api/action') {
      return send(res, 200, { ok: true, result: await act(actionSchema.parse(await body(req))) });
    }
    if (req.method === 'POST' && url.pathname === '/api/phone') {
      await options.sendAsCustomer(phoneSchema.parse(await body(req)).text);
      return send(res, 200, { ok: true });
    }
    const file = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    if (req.method === 'GET' && /^[a-z0-9-]+\.(html|js|css|png)$/.test(file)) {
      try {
        const content = readFileSync(join(options.publicDir, file));
        res.writeHead(200, { 'content-type': types[file.slice(file.lastIndexOf('.'))]! });
        return void res.end(content);
      } catch {
        /* fall through to 404 */
      }
    }
    send(res, 404, { error: 'NOT_FOUND', message: `Nothing at ${url.pathname}.` });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      if (OneNumberError.isInstance(error)) return send(res, 422, error.toJSON());
      if (error instanceof z.ZodError)
        return send(res, 400, { error: 'INVALID_INPUT', message: error.issues[0]?.message ?? 'invalid input' });
      send(res, 500, { error: 'INTERNAL', message: 'Something went wrong in the playground; see its console.' });
      console.error(error);
    });
  });
  return {
    server,
    close: () => {
      for (const res of streams) res.end();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
