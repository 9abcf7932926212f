// push-fanout's receiver, in a process of its own (so that neither sender shares its event loop):
// bare node:http on loopback answering 204 to every POST, counting them, and noting when each
// message's event arrived (the message text, e.g. "lat-12", and the time since the epoch in ms).
// GET /stats answers { total, arrivals }; POST /reset clears them.
import { spawn } from 'node:child_process';

const code = `
import http from 'node:http';
let total = 0;
let arrivals = [];
const now = () => performance.timeOrigin + performance.now();
const server = http.createServer({ keepAliveTimeout: 60000 }, (req, res) => {
  if (req.method === 'GET') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ total, arrivals }));
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (req.url === '/reset') { total = 0; arrivals = []; return res.writeHead(204).end(); }
    total++;
    const label = /"text":"(lat-\\d+)"/.exec(Buffer.concat(chunks).toString())?.[1];
    if (label) arrivals.push([label, now()]);
    res.writeHead(204).end();
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
process.on('SIGTERM', () => process.exit(0));
`;

export interface BenchReceiver {
  base: string;
  stats(): Promise<{ total: number; arrivals: [string, number][] }>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startBenchReceiver(): Promise<BenchReceiver> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once('exit', (exit) => reject(new Error(`the receiver exited (${exit})`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    stats: async () =>
      (await fetch(`${base}/stats`)).json() as Promise<{ total: number; arrivals: [string, number][] }>,
    reset: async () => void (await fetch(`${base}/reset`, { method: 'POST' })),
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
