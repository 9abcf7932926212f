// The Graph API on a loopback port for server processes (the @onenumber/whatsapp simulator behind
// createGraphApiHandler: real request, answer and error shapes), answering each accepted message
// only `answerDelayMs` after WhatsApp has it. A replica killed in that gap has sent a reply without
// hearing so: the kill window in which a reply may go out twice (the Cloud API has no
// idempotency key), which the kill test counts. `onAccepted` is told the message id the server
// wrote into biz_opaque_callback_data of each accepted send, before the answer leaves.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGraphApiHandler, type Simulator } from '@onenumber/whatsapp';

export type OnAccepted = (message: string | undefined) => Promise<void> | void;

const messageOf = (body: Buffer): string | undefined => {
  try {
    const data = (JSON.parse(body.toString('utf8')) as { biz_opaque_callback_data?: string }).biz_opaque_callback_data;
    return data ? (JSON.parse(data) as { message?: string }).message : undefined;
  } catch {
    return undefined;
  }
};

export async function startSlowGraph(simulator: Simulator, accessToken: string, answerDelayMs: number) {
  let onAccepted: OnAccepted | null = null;
  const handler = createGraphApiHandler(simulator, { accessToken });
  let calls = 0;
  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const server = createServer(async (req, res) => {
    res.on('error', () => {}); // the replica that asked may be dead by now
    calls++;
    const body = await read(req).catch(() => null);
    if (!body) return void res.destroy();
    const answer = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body }));
    if (answer.status === 200) await onAccepted?.(messageOf(body));
    await new Promise((r) => setTimeout(r, answerDelayMs));
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get calls() { return calls; },
    /** Runs `hook` on each accepted send from now on (null: none). */
    onAccepted(hook: OnAccepted | null) { onAccepted = hook; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
