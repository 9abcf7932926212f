// What the outbox worker holds between a claim and a send (R16; Meta's Cloud API docs,
// "Throughput" and "Pair rate limits"): per business number, a fair queue of the services' replies
// (round robin); within a service, replies keep the order they were first claimed in, also when
// one comes back after a retry. A reply may start when its customer has no send in flight (one
// at a time, so WhatsApp gets them in order), its customer's pacing allows it (customerPacer.ts)
// and its number is not held (after 130429); another customer's reply is never held back by it.
import { FairQueue } from '../pacing/fairQueue';
import type { PairPacer } from '../pacing/customerPacer';
import type { ClaimedItem } from './fairOutbox';

export interface Held {
  item: ClaimedItem;
  leaseUntil: number;
  /** The order the reply was first claimed in (kept when it is claimed again). */
  seq: number;
  /** Its (number, customer) pair. */
  pair: string;
}

/** The key of a (number, customer) pair. */
export const pairOf = (item: { number: string; customer: string }) => `${item.number}\u0000${item.customer}`;

/** Remembered first-claim orders (items another worker took are never seen again). */
const remembered = 10_000;

export class Holding {
  private readonly queues = new Map<string, FairQueue<Held>>();
  private readonly busy = new Set<string>();
  private readonly waiting = new Map<string, number>();
  private readonly numberHolds = new Map<string, number>();
  private readonly firstSeen = new Map<string, number>();
  private seq = 0;
  private count = 0;

  constructor(readonly pacer: PairPacer) {}

  get size(): number {
    return this.count;
  }

  /** Holds a claimed reply in its place: after every reply of its service claimed before it. */
  add(item: ClaimedItem, leaseUntil: number): void {
    let seq = this.firstSeen.get(item.id);
    if (seq === undefined) {
      seq = ++this.seq;
      this.firstSeen.set(item.id, seq);
      if (this.firstSeen.size > remembered) this.firstSeen.delete(this.firstSeen.keys().next().value!);
    }
    let queue = this.queues.get(item.number);
    if (!queue) this.queues.set(item.number, (queue = new FairQueue<Held>()));
    const held: Held = { item, leaseUntil, seq, pair: pairOf(item) };
    queue.insert(item.service, held, (h) => h.seq);
    this.waiting.set(held.pair, (this.waiting.get(held.pair) ?? 0) + 1);
    this.count++;
  }

  /** The reply is done for good (sent or failed): its order need not be remembered. */
  forget(id: string): void {
    this.firstSeen.delete(id);
  }

  /** Removes (and returns) every held reply that matches. */
  release(predicate: (held: Held) => boolean): Held[] {
    const released: Held[] = [];
    for (const [number, queue] of this.queues) {
      for (const held of queue.removeWhere(predicate)) {
        this.unwait(held.pair);
        released.push(held);
      }
      if (queue.size === 0) this.queues.delete(number);
    }
    this.count -= released.length;
    return released;
  }

  numbers(): string[] {
    return [...this.queues.keys()];
  }

  sizeOf(number: string): number {
    return this.queues.get(number)?.size ?? 0;
  }

  /** The next reply of `number`, in turn, that may start now; nothing is taken yet. */
  peek(number: string, now: number) {
    const queue = this.queues.get(number);
    if (!queue || (this.numberHolds.get(number) ?? 0) > now) return undefined;
    const ready = new Map<string, boolean>();
    const found = queue.peekWhere((held) => {
      let ok = ready.get(held.pair);
      if (ok === undefined)
        ready.set(held.pair, (ok = !this.busy.has(held.pair) && this.pacer.readyAt(held.pair, now) <= now));
      return ok;
    });
    return found ? { number, found } : undefined;
  }

  /** Takes what `peek` found: its customer is busy until `finish`, and paced from now. */
  start(peeked: NonNullable<ReturnType<Holding['peek']>>, now: number): ClaimedItem {
    const queue = this.queues.get(peeked.number)!;
    const held = queue.takeFound(peeked.found);
    if (queue.size === 0) this.queues.delete(peeked.number);
    this.count--;
    this.unwait(held.pair);
    this.busy.add(held.pair);
    this.pacer.take(held.pair, now);
    return held.item;
  }

  /** The send of `item` ended; true when its customer has more replies waiting. */
  finish(item: ClaimedItem): boolean {
    const pair = pairOf(item);
    this.busy.delete(pair);
    return this.waiting.has(pair);
  }

  /** No send from `number` before `until` (after 130429, the number's throughput). */
  holdNumber(number: string, until: number): void {
    this.numberHolds.set(number, Math.max(this.numberHolds.get(number) ?? 0, until));
  }

  /** When a reply of `number` could start, pacing and holds allowing; null when every customer it holds is busy. */
  wakeAt(number: string, now: number): number | null {
    const queue = this.queues.get(number);
    if (!queue) return null;
    let at: number | null = null;
    for (const held of queue.values()) {
      if (this.busy.has(held.pair)) continue;
      const ready = this.pacer.readyAt(held.pair, now);
      if (at === null || ready < at) at = ready;
      if (at <= now) break;
    }
    const hold = this.numberHolds.get(number) ?? 0;
    if (hold <= now) this.numberHolds.delete(number);
    return at === null ? null : Math.max(at, hold);
  }

  /** Replies held per number and service. */
  sizes(): Record<string, Record<string, number>> {
    return Object.fromEntries([...this.queues].map(([number, queue]) => [number, queue.sizes()]));
  }

  private unwait(pair: string) {
    const left = (this.waiting.get(pair) ?? 1) - 1;
    if (left > 0) this.waiting.set(pair, left);
    else this.waiting.delete(pair);
  }
}
