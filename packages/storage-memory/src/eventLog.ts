// Each service's event stream: an append-only list per (org, service), with live listeners.
// Event ids are one increasing counter, so `after` is a plain comparison.
import type { ChannelEvent, EventQuery } from '@onenumber/core';

type Listener = (event: ChannelEvent) => void;
type Draft = ChannelEvent extends infer E ? (E extends ChannelEvent ? Omit<E, 'id'> : never) : never;

export class EventLog {
  #next = 1;
  #streams = new Map<string, ChannelEvent[]>();
  #listeners = new Map<string, Set<Listener>>();

  append(draft: Draft): void {
    const event = { ...draft, id: String(this.#next++) } as ChannelEvent;
    const key = `${event.org}\u0000${event.service}`;
    let stream = this.#streams.get(key);
    if (!stream) this.#streams.set(key, (stream = []));
    stream.push(event);
    for (const listener of this.#listeners.get(key) ?? []) queueMicrotask(() => listener(event));
  }

  read(query: EventQuery): ChannelEvent[] {
    const stream = this.#streams.get(`${query.org}\u0000${query.service}`) ?? [];
    const after = query.after ? Number(query.after) : 0;
    let start = 0;
    let end = stream.length;
    while (start < end) {
      const mid = (start + end) >> 1;
      if (Number(stream[mid]!.id) <= after) start = mid + 1;
      else end = mid;
    }
    return stream.slice(start, query.limit ? start + query.limit : undefined);
  }

  subscribe(query: EventQuery, listener: Listener): () => void {
    const key = `${query.org}\u0000${query.service}`;
    const replay = query.after !== undefined;
    let last = replay ? Number(query.after) : this.#next - 1;
    // Missed events first, each once; then live ones (ids only grow, so the guard keeps order).
    const guarded: Listener = (event) => {
      if (Number(event.id) <= last) return;
      last = Number(event.id);
      listener(event);
    };
    if (replay) for (const event of this.read({ ...query, limit: undefined })) queueMicrotask(() => guarded(event));
    let set = this.#listeners.get(key);
    if (!set) this.#listeners.set(key, (set = new Set()));
    set.add(guarded);
    return () => set.delete(guarded);
  }
}
