// A small SSE reader for tests: opens GET /v1/events and collects frames (id, data) and comments.
export interface Frame {
  id: string | undefined;
  data: any;
}

export interface OpenStream {
  status: number;
  frames: Frame[];
  comments: string[];
  /** Resolves when `count` frames arrived (or rejects after ms). */
  waitFor(count: number, ms?: number): Promise<Frame[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openStream(
  url: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<OpenStream> {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const frames: Frame[] = [];
  const comments: string[] = [];
  const waiters: (() => void)[] = [];
  const ended = (async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let id: string | undefined;
          let data: string | undefined;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('id: ')) id = line.slice(4);
            else if (line.startsWith('data: ')) data = line.slice(6);
          }
          if (data !== undefined) frames.push({ id, data: JSON.parse(data) });
          waiters.splice(0).forEach((w) => {
            w();
          });
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    status: res.status,
    frames,
    comments,
    ended,
    waitFor(count, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`waited for ${count} frames, got ${frames.length}`)), ms);
        const check = () => {
          if (frames.length >= count) {
            clearTimeout(timer);
            resolve(frames.slice(0, count));
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => controller.abort(),
  };
}
