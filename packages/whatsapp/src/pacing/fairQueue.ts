// Round robin across the services of one channel: each service has its own FIFO queue, and the
// next item comes from the next service that has one, so a service that floods the number
// cannot starve another (one budget per number, shared fairly). `insert` keeps a service's queue
// in a given order (an item claimed again goes back to its place); `peekWhere`/`takeFound` take
// the next item, in turn, that may go now (its customer's pacing allows it), skipping the others.

/** Where `peekWhere` found an item: valid until the queue changes. */
export interface Found<T> {
  key: string;
  index: number;
  item: T;
  ring: number;
}

export class FairQueue<T> {
  private readonly queues = new Map<string, T[]>();
  private ring: string[] = [];
  private cursor = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(key: string, item: T): void {
    let queue = this.queues.get(key);
    if (!queue) {
      queue = [];
      this.queues.set(key, queue);
      this.ring.push(key);
    }
    queue.push(item);
    this.count++;
  }

  /** Adds an item to its service's queue before the first item ranked after it (same rank: after). */
  insert(key: string, item: T, rank: (item: T) => number): void {
    const queue = this.queues.get(key);
    if (!queue || queue.length === 0 || rank(queue[queue.length - 1]!) <= rank(item)) {
      this.push(key, item);
      return;
    }
    const at = queue.findIndex((other) => rank(other) > rank(item));
    queue.splice(at, 0, item);
    this.count++;
  }

  /** The next item, in turn, that satisfies `predicate` (the first such in its service's queue); nothing is taken. */
  peekWhere(predicate: (item: T) => boolean): Found<T> | undefined {
    for (let step = 0; step < this.ring.length; step++) {
      const ring = (this.cursor + step) % this.ring.length;
      const key = this.ring[ring]!;
      const index = this.queues.get(key)!.findIndex(predicate);
      if (index >= 0) return { key, index, item: this.queues.get(key)![index]!, ring };
    }
    return undefined;
  }

  /** Takes what `peekWhere` found; the turn passes to the next service. */
  takeFound(found: Found<T>): T {
    const queue = this.queues.get(found.key)!;
    const [item] = queue.splice(found.index, 1);
    this.count--;
    if (queue.length === 0) {
      this.queues.delete(found.key);
      this.ring.splice(found.ring, 1);
      this.cursor = found.ring; // the next service slides into this place
    } else {
      this.cursor = found.ring + 1;
    }
    return item!;
  }

  /** Every item, service by service (for wake-up times and reports). */
  *values(): IterableIterator<T> {
    for (const queue of this.queues.values()) yield* queue;
  }

  /** The head of the next service's queue, in turn. */
  next(): T | undefined {
    if (this.ring.length === 0) return undefined;
    this.cursor %= this.ring.length;
    const key = this.ring[this.cursor]!;
    const queue = this.queues.get(key)!;
    const item = queue.shift()!;
    this.count--;
    if (queue.length === 0) {
      this.queues.delete(key);
      this.ring.splice(this.cursor, 1); // the next service slides into this place
    } else {
      this.cursor++;
    }
    return item;
  }

  /** Removes (and returns) every item that matches, keeping each service's order. */
  removeWhere(predicate: (item: T) => boolean): T[] {
    const removed: T[] = [];
    for (const [key, queue] of this.queues) {
      const keep = queue.filter((item) => !(predicate(item) && removed.push(item)));
      if (keep.length === queue.length) continue;
      if (keep.length > 0) {
        this.queues.set(key, keep);
        continue;
      }
      this.queues.delete(key);
      const at = this.ring.indexOf(key);
      this.ring.splice(at, 1);
      if (at < this.cursor) this.cursor--;
    }
    this.count -= removed.length;
    return removed;
  }

  /** Items per service, for reports. */
  sizes(): Record<string, number> {
    return Object.fromEntries([...this.queues].map(([key, queue]) => [key, queue.length]));
  }
}
