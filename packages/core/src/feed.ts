// A typed event feed for one service (eventemitter3): listen per event type, or to 'event' for all.
import { EventEmitter } from 'eventemitter3';
import type { ChannelEvent, ChannelEventOf, ChannelEventType } from './events';

export type FeedEvents = { [K in ChannelEventType]: (event: ChannelEventOf<K>) => void } & {
  event: (event: ChannelEvent) => void;
  /** The feed could not load or save its durable cursor. */
  error: (error: unknown) => void;
};

export class ServiceFeed extends EventEmitter<FeedEvents> {
  #stop: (() => void) | null = null;
  /** The id of the last event delivered: pass it as `after` to resume after downtime. */
  lastEventId: string | undefined;

  /** @internal */
  attach(stop: () => void): this {
    this.#stop = stop;
    return this;
  }

  /** @internal */
  deliver(event: ChannelEvent): void {
    this.lastEventId = event.id;
    (this.emit as (type: string, event: ChannelEvent) => boolean)(event.type, event);
    this.emit('event', event);
  }

  close(): void {
    this.#stop?.();
    this.#stop = null;
    this.removeAllListeners();
  }
}
