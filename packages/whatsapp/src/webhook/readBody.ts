// R36: a webhook POST's raw bytes, refused past the limit (declared or streamed) before they are
// all read. Under node (a NodeBodySource given by the server) they are read from the request's
// own stream: wrapping it in a web ReadableStream cost about a quarter of a small delivery's CPU
// (bench profile); any other fetch server reads the Request's body.

/** The part of node's IncomingMessage read here (so that this package needs no node types). */
export interface NodeBodySource {
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  once(event: 'end' | 'error', listener: (value?: unknown) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
  resume(): unknown;
  readonly readableDidRead?: boolean;
}

export class BodyTooLarge extends Error {}

const concat = (parts: Uint8Array[], size: number) => {
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
};

function fromNode(incoming: NodeBodySource, max: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    let size = 0;
    const onData = (chunk: Uint8Array) => {
      size += chunk.byteLength;
      if (size <= max) return void parts.push(chunk);
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.resume(); // drained, not destroyed: the refusal is still answered on this connection
      reject(new BodyTooLarge());
    };
    const onEnd = () => resolve(parts.length === 1 ? parts[0]! : concat(parts, size));
    const onError = (error?: unknown) => reject(error);
    incoming.on('data', onData);
    incoming.once('end', onEnd);
    incoming.once('error', onError);
  });
}

async function fromWeb(request: Request, max: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return concat(parts, size);
    size += value.byteLength;
    if (size > max) {
      void reader.cancel().catch(() => {});
      throw new BodyTooLarge();
    }
    parts.push(value);
  }
}

/** The body's bytes; throws BodyTooLarge past `max`. */
export function readBody(request: Request, max: number, node?: NodeBodySource): Promise<Uint8Array> {
  if (Number(request.headers.get('content-length') ?? 0) > max) return Promise.reject(new BodyTooLarge());
  if (node && typeof node.on === 'function' && !node.readableDidRead) return fromNode(node, max);
  return fromWeb(request, max);
}
