// The simulator's Graph API served on a loopback port, for a OneNumber server in another process
// (msw reaches only its own process): point WHATSAPP_GRAPH_URL at `url`. Two hooks let a test or a
// fault run act at the two moments that matter for a send (R16, issue 5's kill window):
// `dropNext('before-send')` drops the next request before WhatsApp has it (never sent), and
// `dropNext('after-send')` drops the answer of a send WhatsApp accepted (sent, the server never
// hears so); `onAccepted` runs on every accepted send before its answer leaves, and `answerDelayMs`
// holds each answer back, which widens that window.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeCallbackData, type CallbackData } from '../send/callbackData';
import type { WhatsAppTransport } from '../send/transport';
import { createGraphApiHandler } from './createGraphApiHandler';

export type SendMoment = 'before-send' | 'after-send';

export interface GraphApiServerOptions {
  accessToken: string;
  /** Each answer leaves this long after the simulator decided it (default 0). */
  answerDelayMs?: number;
  /** Default 0: a free port. */
  port?: number;
}

export interface GraphApiServer {
  readonly url: string;
  /** Requests received so far, dropped ones included. */
  readonly calls: number;
  /** At the next request only: runs `run`, then drops the connection at `moment`. */
  dropNext(moment: SendMoment, run?: () => void): void;
  /** Runs on each send the simulator accepted, with its OneNumber callback data, before the answer leaves (null: none). */
  onAccepted(hook: ((send: { callbackData: CallbackData | null }) => Promise<void> | void) | null): void;
  close(): Promise<void>;
}

async function read(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function callbackDataOf(body: Buffer): CallbackData | null {
  try {
    return decodeCallbackData(
      (JSON.parse(body.toString('utf8')) as { biz_opaque_callback_data?: string }).biz_opaque_callback_data,
    );
  } catch {
    return null;
  }
}

export async function serveGraphApi(
  simulator: WhatsAppTransport,
  options: GraphApiServerOptions,
): Promise<GraphApiServer> {
  const handler = createGraphApiHandler(simulator, { accessToken: options.accessToken });
  let drop: { moment: SendMoment; run: () => void } | null = null;
  let accepted: Parameters<GraphApiServer['onAccepted']>[0] = null;
  let calls = 0;
  const server = createServer(async (req, res) => {
    res.on('error', () => {}); // the server that asked may be dead by now
    calls++;
    const once = drop;
    drop = null;
    const body = await read(req).catch(() => null);
    if (!body || once?.moment === 'before-send') {
      once?.run();
      return void res.destroy();
    }
    const answer = await handler(
      new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body,
      }),
    );
    if (answer.status === 200) await accepted?.({ callbackData: callbackDataOf(body) });
    if (once) {
      once.run();
      return void res.destroy();
    }
    if (options.answerDelayMs) await new Promise((resolve) => setTimeout(resolve, options.answerDelayMs));
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) =>
    server.once('error', reject).listen(options.port ?? 0, '127.0.0.1', resolve),
  );
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get calls() {
      return calls;
    },
    dropNext(moment, run = () => {}) {
      drop = { moment, run };
    },
    onAccepted(hook) {
      accepted = hook;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
