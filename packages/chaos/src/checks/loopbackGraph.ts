// The simulator's Graph API on a loopback port, for a server in another process. `at(moment, run)`
// runs `run` at the next send: `before-send` (the request never reaches WhatsApp) or `after-send`
// (WhatsApp accepted it, the server never hears so): the crash check SIGKILLs the server there.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGraphApiHandler, type Simulator } from '@onenumber/whatsapp';

export type SendMoment = 'before-send' | 'after-send';

export interface LoopbackGraph {
  url: string;
  readonly calls: number;
  at(moment: SendMoment, run: () => void): void;
  close(): Promise<void>;
}

const read = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export async function startLoopbackGraph(simulator: Simulator, accessToken: string): Promise<LoopbackGraph> {
  const handler = createGraphApiHandler(simulator, { accessToken });
  let hook: { moment: SendMoment; run: () => void } | null = null;
  let calls = 0;
  const server = createServer(async (req, res) => {
    calls++;
    const body = await read(req);
    const once = hook;
    if (once?.moment === 'before-send') {
      hook = null;
      once.run();
      return void res.destroy();
    }
    const answer = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body }));
    if (once?.moment === 'after-send') {
      hook = null;
      once.run();
      return void res.destroy();
    }
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get calls() { return calls; },
    at(moment, run) { hook = { moment, run }; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
