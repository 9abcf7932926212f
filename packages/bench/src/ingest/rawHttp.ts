// The load generator's client: keep-alive TCP connections writing HTTP/1.1 requests serialised
// before timing, one in flight per connection, reading back only the status and the body's end
// (Content-Length or chunked). Several times cheaper than node:http's client, so that on a small
// machine the figure is the server's, not the load generator's (node:http's client tops out at
// ~4,500 requests/s here against a server that answers without doing anything).
import net from 'node:net';
import type { Delivery } from './payload';

/** A delivery as the bytes of one POST to `target` (the same bytes serve every replica of it). */
export function requestBytes(target: URL, delivery: Delivery): Buffer {
  const head =
    `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.hostname}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${delivery.body.length}\r\nX-Hub-Signature-256: ${delivery.signature}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), delivery.body]);
}

const headerEnd = Buffer.from('\r\n\r\n');
const chunkedEnd = Buffer.from('0\r\n\r\n');

/** Where the first complete response in `buffer` ends, and its status; null while incomplete. */
export function completeResponse(buffer: Buffer): { status: number; length: number } | null {
  const end = buffer.indexOf(headerEnd);
  if (end < 0) return null;
  const head = buffer.toString('latin1', 0, end);
  const status = Number(head.slice(9, 12));
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) {
    const total = end + 4 + Number(length[1]);
    return buffer.length >= total ? { status, length: total } : null;
  }
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const last = buffer.indexOf(chunkedEnd, end + 4);
    return last < 0 ? null : { status, length: last + chunkedEnd.length };
  }
  return { status, length: end + 4 };
}

export class Connection {
  private readonly socket: net.Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (status: number) => void; reject: (error: Error) => void } | null = null;
  readonly ready: Promise<void>;

  constructor(target: URL) {
    this.socket = net.connect({ host: target.hostname, port: Number(target.port), noDelay: true });
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
    });
    this.socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      const response = completeResponse(this.buffer);
      if (!response || !this.waiting) return;
      this.buffer = this.buffer.subarray(response.length);
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve(response.status);
    });
    const fail = (error: Error) => {
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.reject(error);
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail(new Error('connection closed')));
  }

  /** Sends one request; resolves with the response's status. */
  send(bytes: Buffer): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(bytes);
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

export async function connections(target: URL, count: number): Promise<Connection[]> {
  const out = Array.from({ length: count }, () => new Connection(target));
  await Promise.all(out.map((c) => c.ready));
  return out;
}
