// The Graph API on a loopback port, for server processes msw cannot reach: the simulator behind
// createGraphApiHandler (real request, answer and error shapes). `onCall` runs before each call is
// answered; a test uses it to SIGKILL the server at a chosen moment: before the message is handed
// to WhatsApp, or after WhatsApp accepted it but before the server hears the answer.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGraphApiHandler, type Simulator } from '@onenumber/whatsapp';

export type Moment = 'before-send' | 'after-send';

export async function startLoopbackGraph(simulator: Simulator, accessToken: string) {
  const handler = createGraphApiHandler(simulator, { accessToken });
  let hook: { moment: Moment; run: () => void } | null = null;
  let calls = 0;
  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const server = createServer(async (req, res) => {
    calls++;
    const body = await read(req);
    const once = hook;
    if (once?.moment === 'before-send') {
      hook = null;
      once.run();
      return void res.destroy(); // never reached WhatsApp
    }
    const answer = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body }));
    if (once?.moment === 'after-send') {
      hook = null;
      once.run(); // WhatsApp accepted it; the server never hears so
      return void res.destroy();
    }
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get calls() { return calls; },
    /** Runs `run` at `moment` of the next call. */
    at(moment: Moment, run: () => void) { hook = { moment, run }; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
