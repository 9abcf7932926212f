// Each service's event stream. Every change is stored once in a shared log (a message event is
// the stored message itself); a service's stream holds only 4-byte positions into that log, and
// an event is materialised for its recipient when read, projected with the recipient's policy
// (R20, R32). This keeps a stored message and its fan-out small (memory-per-message bench).
import {
  defaultMaskingPolicy,
  projectError,
  projectMessage,
  type ChannelEvent,
  type EventQuery,
  type MaskingPolicy,
  type Member,
  type MessageError,
  type MessageStatus,
  type ParentChangeCause,
  type StoredMessage,
} from '@onenumber/core';

interface ChangeBase {
  org: string;
  channel: string;
  number: string;
  at: string;
}
export type Change = ChangeBase &
  (
    | {
        type: 'statusChanged';
        conversation: string;
        message: string;
        status: MessageStatus;
        error: MessageError | null;
        /** The message's sending service: R32 shows it the error as recorded, others the fixed title. */
        sender: string | null;
      }
    | { type: 'parentChanged'; from: string | null; to: string | null; cause: ParentChangeCause }
    | { type: 'membershipChanged'; subject: string; state: 'active' | 'disabled' | 'removed'; members: Member[] }
    | { type: 'assignmentChanged'; conversation: string; customer: string; subject: string; agent: string | null }
  );

/** What the log asks the storage when it materialises an event. */
export interface LogLookups {
  policyOf(channel: string, service: string): MaskingPolicy | undefined;
  placeOf(message: StoredMessage): { org: string; number: string; customer: string };
}

type Listener = (event: ChannelEvent) => void;

class Positions {
  items = new Int32Array(16);
  length = 0;
  push(value: number) {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }
}

export class EventLog {
  #log: (Change | StoredMessage)[] = [];
  #streams = new Map<string, Positions>();
  #listeners = new Map<string, Set<Listener>>();

  constructor(private readonly lookups: LogLookups) {}

  /** Appends one change (or a stored message) to the streams of `recipients` in `org`. */
  append(org: string, recipients: Iterable<string>, change: Change | StoredMessage): void {
    const position = this.#log.push(change) - 1;
    for (const service of recipients) {
      const key = `${org}\u0000${service}`;
      let stream = this.#streams.get(key);
      if (!stream) this.#streams.set(key, (stream = new Positions()));
      stream.push(position);
      const listeners = this.#listeners.get(key);
      if (listeners?.size) {
        const event = this.#materialise(position, service);
        for (const listener of listeners) queueMicrotask(() => listener(event));
      }
    }
  }

  read(query: EventQuery): ChannelEvent[] {
    const stream = this.#streams.get(`${query.org}\u0000${query.service}`);
    if (!stream) return [];
    // Event ids are log positions + 1: find the first position after the cursor.
    const after = query.after ? Number(query.after) - 1 : -1;
    let start = 0;
    let end = stream.length;
    while (start < end) {
      const mid = (start + end) >> 1;
      if (stream.items[mid]! <= after) start = mid + 1;
      else end = mid;
    }
    const stop = Math.min(stream.length, query.limit ? start + query.limit : stream.length);
    const out: ChannelEvent[] = [];
    for (let i = start; i < stop; i++) out.push(this.#materialise(stream.items[i]!, query.service));
    return out;
  }

  subscribe(query: EventQuery, listener: Listener): () => void {
    const key = `${query.org}\u0000${query.service}`;
    const replay = query.after !== undefined;
    let last = replay ? Number(query.after) : this.#log.length;
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

  #materialise(position: number, service: string): ChannelEvent {
    const change = this.#log[position]!;
    const id = String(position + 1);
    if ('direction' in change) {
      const place = this.lookups.placeOf(change);
      const message = projectMessage(
        change,
        service,
        this.lookups.policyOf(change.channel, service) ?? defaultMaskingPolicy,
      );
      // The event shows the message as it was when it happened, not its later status.
      message.status = change.direction === 'in' ? 'received' : 'sent';
      message.error = null;
      const type = change.direction === 'in' ? 'messageReceived' : 'messageSent';
      return {
        id,
        org: place.org,
        service,
        channel: change.channel,
        number: place.number,
        at: change.at,
        type,
        conversation: change.conversation,
        customer: place.customer,
        message,
      };
    }
    const head = { id, org: change.org, service, channel: change.channel, number: change.number, at: change.at };
    switch (change.type) {
      case 'statusChanged':
        return {
          ...head,
          type: change.type,
          conversation: change.conversation,
          message: change.message,
          status: change.status,
          error: projectError(change.error, change.sender, service), // R32
        };
      case 'parentChanged':
        return { ...head, type: change.type, from: change.from, to: change.to, cause: change.cause };
      case 'membershipChanged':
        return { ...head, type: change.type, subject: change.subject, state: change.state, members: change.members };
      case 'assignmentChanged':
        // R17, R22: a reply assigns its sender (R24), so another service learns only that the
        // assignment changed, not who holds it; its views name the holder where R22 allows.
        return {
          ...head,
          type: change.type,
          conversation: change.conversation,
          customer: change.customer,
          subject: change.subject,
          agent: service === change.subject ? change.agent : null,
        };
    }
  }
}
