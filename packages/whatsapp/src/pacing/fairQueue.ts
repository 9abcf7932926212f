// Round robin across the services of one channel: each service has its own FIFO queue, and the
// next item comes from the next service that has one, so a service that floods the number
// cannot starve another (one budget per number, shared fairly).

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
