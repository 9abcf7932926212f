// An SSE client for the revocation check: GET /v1/events with a token, the arrival time of every
// event kept, and how the stream ended (the server's closing comment `closed: <reason>: ...`, or
// the connection ending without one).
export interface Watched {
  status: number;
  /** Arrival times (ms since the epoch) of the events, in order. */
  arrivals: number[];
  /** When the stream ended, or null while open. */
  readonly endedAt: number | null;
  /** The reason of the server's closing comment (revoked, expired, rotated), if it sent one. */
  readonly reason: string | null;
  ended: Promise<void>;
  close(): void;
}

export async function watch(url: string, token: string): Promise<Watched> {
  const abort = new AbortController();
  const response = await fetch(`${url}/v1/events`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const arrivals: number[] = [];
  let endedAt: number | null = null;
  let reason: string | null = null;
  let opened = () => {};
  const connected = new Promise<void>((resolve) => (opened = resolve));
  const ended = (async () => {
    if (response.status !== 200 || !response.body) return;
    let buffer = '';
    try {
      for await (const chunk of response.body.pipeThrough(new TextDecoderStream())) {
        const now = Date.now();
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (frame.includes(': connected')) opened();
          const closing = /^: closed: (\w+):/m.exec(frame);
          if (closing) reason = closing[1]!;
          if (/^data: /m.test(frame)) arrivals.push(now);
        }
      }
    } catch {
      // aborted by close()
    } finally {
      endedAt = Date.now();
      opened();
    }
  })();
  if (response.status === 200) await connected;
  else endedAt = Date.now();
  return {
    status: response.status,
    arrivals,
    get endedAt() {
      return endedAt;
    },
    get reason() {
      return reason;
    },
    ended,
    close: () => abort.abort(),
  };
}
