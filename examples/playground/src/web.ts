// The page and its small API: one JSON read of every pane, one action route, a customer's send,
// reset, and a Server-Sent Events stream that tells the page when something changed (live, over
// the adapters' own event feeds).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { OneNumberError } from '@onenumber/core';
import { z } from 'zod';
import { agentsOf, customerIds, customers, number, org, services, type Service } from './demo';
import { photoBodyLimit, photoPartSchema, photoSchema, serveMedia, servePhoneFile } from './media';
import { paneOf } from './panes';
import { keptKey, type Session } from './session';
import { serveFile, staticFile } from './static';

const actionSchema = z
  .object({
    service: z.enum(services),
    action: z.enum(['connect', 'disable', 'enable', 'remove', 'assign', 'reply', 'read']),
    agent: z.string().min(1).max(64),
    customer: z.enum(customerIds),
    confirm: z.boolean().optional(),
    /** With `read` (R39): also show the customer a typing indicator. */
    typing: z.boolean().optional(),
    text: z.string().trim().min(1).max(4096).optional(),
    /** With `reply`: a photo (R16), `text` its caption. */
    photo: photoPartSchema.optional(),
  })
  .strict();
const locationSchema = z.object({ customer: z.enum(customerIds) }).strict();
const reactSchema = z
  .object({ customer: z.enum(customerIds), message: z.string().min(1).max(256), emoji: z.enum(['👍', '❤️', '🙏']) })
  .strict();
const phoneSchema = z.object({ customer: z.enum(customerIds), text: z.string().trim().min(1).max(4096) }).strict();

export interface WebOptions {
  session(): Promise<Session>;
  reset(): Promise<void>;
  publicDir: string;
}

async function body(req: IncomingMessage, limit = 65536): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > limit) throw new OneNumberError('INVALID_INPUT', 'body too large');
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

/** The agent a pane acts as: the page's choice when that agent reaches the service, else the first. */
const agentFor = (service: Service, asked: string | null) =>
  agentsOf(service).find((a) => a.id === asked)?.id ?? agentsOf(service)[0]!.id;

export function createWeb(options: WebOptions) {
  const streams = new Set<ServerResponse>();
  const changed = (what: string) => {
    for (const res of streams) res.write(`event: change\ndata: ${JSON.stringify({ what })}\n\n`);
  };

  async function act(session: Session, input: z.output<typeof actionSchema>) {
    const { adapter } = session.handles[input.service];
    const { vocabulary } = adapter;
    const ref = { number, [vocabulary.customer]: input.customer, [vocabulary.agent]: input.agent } as never;
    switch (input.action) {
      case 'assign':
        return adapter.assign({ ...(ref as object), confirm: input.confirm ?? false } as never);
      case 'reply': {
        if (!input.photo) return adapter.reply({ ...(ref as object), text: input.text ?? '' } as never);
        // A photo reply: uploaded as the service's backend would, then sent by its media id (R16, R17).
        const id = await session.upload(Buffer.from(input.photo.data, 'base64'), input.photo.mimeType);
        const { service, agent, customer } = input;
        const caption = input.text?.slice(0, 1024);
        const media = { kind: 'image' as const, media: { id }, ...(caption ? { caption } : {}) };
        return session.handles[service].onenumber.reply({ org, service, agent, number, customer, media });
      }
      case 'read': // R39: the pane opened the conversation, or its agent types a reply
        return adapter.markRead({ ...(ref as object), typing: input.typing ?? false } as never);
      case 'remove': {
        // Every conversation's assignee in this service, read before it leaves (R12, R21).
        const held = await Promise.all(customerIds.map((c) => session.assigneeOf(input.service, c)));
        const result = await adapter.remove(number);
        for (const [i, c] of customerIds.entries()) {
          const agent = held[i];
          if (agent) session.keptAssignees.set(keptKey(input.service, c), agent);
        }
        return result;
      }
      default:
        return adapter[input.action](number);
    }
  }

  async function state(url: URL) {
    const session = await options.session();
    const channel = await session.channel();
    const panes = await Promise.all(
      services.map((s) => paneOf(s, session, agentFor(s, url.searchParams.get(s)), url.searchParams.get(`open-${s}`))),
    );
    return {
      number,
      customers,
      channel: channel ? { status: channel.status } : null,
      panes,
      phones: session.phone.chats(),
      typing: [...session.phone.typing],
    };
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/api/state') return send(res, 200, await state(url));
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
      const input = actionSchema.parse(await body(req, photoBodyLimit + 8192));
      return send(res, 200, { ok: true, result: await act(await options.session(), input) });
    }
    if (req.method === 'POST' && url.pathname === '/api/phone') {
      const { customer, text } = phoneSchema.parse(await body(req));
      await (await options.session()).send(customer, text);
      return send(res, 200, { ok: true });
    }
    if (req.method === 'POST' && url.pathname === '/api/phone/photo') {
      const photo = photoSchema.parse(await body(req, photoBodyLimit + 4096));
      const bytes = Buffer.from(photo.data, 'base64');
      await (await options.session()).sendPhoto(photo.customer, { ...photo, bytes });
      return send(res, 200, { ok: true });
    }
    if (req.method === 'POST' && url.pathname === '/api/phone/location') {
      const { customer } = locationSchema.parse(await body(req));
      await (await options.session()).sendLocation(customer);
      return send(res, 200, { ok: true });
    }
    if (req.method === 'POST' && url.pathname === '/api/phone/react') {
      const { customer, message, emoji } = reactSchema.parse(await body(req));
      await (await options.session()).react(customer, message, emoji);
      return send(res, 200, { ok: true });
    }
    if (req.method === 'GET' && url.pathname.startsWith('/api/phone/media/'))
      return servePhoneFile(await options.session(), url, res);
    if (req.method === 'GET' && url.pathname.startsWith('/api/media/'))
      return serveMedia(await options.session(), url, res);
    if (req.method === 'POST' && url.pathname === '/api/reset') {
      await options.reset();
      return send(res, 200, { ok: true });
    }
    const file = req.method === 'GET' ? staticFile(options.publicDir, url.pathname) : null;
    if (file && serveFile(res, file)) return;
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
    changed,
    close: () => {
      for (const res of streams) res.end();
      const closed = new Promise<void>((r) => server.close(() => r()));
      // A browser may hold a connection open: the page goes away with the playground.
      server.closeAllConnections();
      return closed;
    },
  };
}
