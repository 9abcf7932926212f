// ChannelStorage.subscribe over SSE: one long GET /v1/events per subscription. It reconnects by
// itself (backoff with jitter) and resumes with Last-Event-ID after the last event it delivered,
// so missed events come first and each arrives once. A refusal (401, 403, 400) ends it for good.
import { OneNumberError, type ChannelEvent } from '@onenumber/core';
import type { EventQuery } from '@onenumber/core/storage-kit';
import { parseSse } from './sseParser';
import { readAnswer, type Transport } from './transport';

export interface SubscribeOptions {
  reconnect: { minMs: number; maxMs: number };
  onStreamError?: ((error: unknown) => void) | undefined;
}

const permanent = (error: unknown) =>
  OneNumberError.isInstance(error) &&
  ['UNAUTHORIZED', 'FORBIDDEN', 'INVALID_INPUT', 'STORAGE_MISMATCH', 'NOT_FOUND'].includes(error.code);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

export function subscribeOverSse(
  transport: Transport,
  query: EventQuery,
  listener: (event: ChannelEvent) => void,
  options: SubscribeOptions,
): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  let last = query.after;
  const report = (error: unknown) => {
    try {
      options.onStreamError?.(error);
    } catch {
      // a failing reporter never stops the stream
    }
  };

  async function connectOnce(): Promise<void> {
    const params = new URLSearchParams({ org: query.org, service: query.service });
    const response = await transport.fetch(`${transport.base}/v1/events?${params}`, {
      headers: {
        authorization: `Bearer ${transport.token}`,
        accept: 'text/event-stream',
        ...(last ? { 'last-event-id': last } : {}),
      },
      signal,
    });
    if (!response.ok || !response.body) {
      await readAnswer(response, transport.base);
      throw new OneNumberError(
        'STORAGE_UNAVAILABLE',
        `The event stream at ${transport.base} answered ${response.status}.`,
      );
    }
    for await (const frame of parseSse(response.body)) {
      let event: ChannelEvent;
      try {
        event = JSON.parse(frame.data) as ChannelEvent;
      } catch {
        continue;
      }
      last = frame.id ?? event.id;
      try {
        listener(event);
      } catch (error) {
        report(error);
      }
    }
  }

  void (async () => {
    let attempt = 0;
    while (!signal.aborted) {
      const before = last;
      try {
        await connectOnce();
      } catch (error) {
        if (signal.aborted) return;
        report(error);
        if (permanent(error)) return;
      }
      if (signal.aborted) return;
      attempt = last !== before ? 0 : attempt + 1;
      const ceiling = Math.min(options.reconnect.maxMs, options.reconnect.minMs * 2 ** Math.min(attempt, 16));
      await sleep(ceiling / 2 + Math.random() * (ceiling / 2), signal);
    }
  })();

  return () => controller.abort();
}
