// The customers' phones: what each customer sent and what reached them, in order. A real phone
// keeps its chat, so these do too (one JSON file beside the server's database): after a restart
// each phone shows the same history as the panes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { EventEmitter } from 'eventemitter3';
import { customers } from './demo';

export type PhoneKind = 'image' | 'location' | 'reaction';

export interface PhoneMessage {
  customer: string;
  direction: 'sent' | 'received';
  /** What people wrote (a photo's caption, maybe empty). */
  text: string;
  /** A photo (its file went to the server's WhatsApp side), a location or a reaction; text when absent. */
  kind?: PhoneKind;
  /** A received file's media id (the phone shows it). */
  media?: string;
  /** WhatsApp's id of the message (a reaction and a read receipt point at it). */
  id?: string;
  /** A customer's message the business has read (its read receipt, R39: blue ticks). */
  read?: boolean;
  at: string;
}

export class Phone extends EventEmitter<{ change: () => void }> {
  readonly messages: PhoneMessage[] = [];

  /** `file`: where the chats are kept; none keeps them in memory only. */
  constructor(private readonly file?: string) {
    super();
    if (file && existsSync(file)) {
      try {
        const saved = JSON.parse(readFileSync(file, 'utf8')) as PhoneMessage[];
        // A chat kept before there were several customers is the first customer's.
        if (Array.isArray(saved))
          for (const m of saved.filter((m) => typeof m?.text === 'string'))
            this.messages.push({ ...m, customer: m.customer ?? customers[0].id });
      } catch {
        // An unreadable chat starts empty rather than stopping the playground.
      }
    }
  }

  record(
    customer: string,
    direction: PhoneMessage['direction'],
    text: string,
    more: { kind?: PhoneKind; id?: string; media?: string } = {},
  ): void {
    this.messages.push({ customer, direction, text, ...more, at: new Date().toISOString() });
    if (direction === 'received') this.typing.delete(customer);
    if (this.file) writeFileSync(this.file, JSON.stringify(this.messages));
    this.emit('change');
  }

  /** R39: the business read up to this customer message (earlier ones too); typing shows until its next message. */
  markRead(messageId: string, typing: boolean): void {
    const at = this.messages.findIndex((m) => m.id === messageId);
    const customer = this.messages[at]?.customer;
    if (at < 0 || !customer) return;
    for (const m of this.messages.slice(0, at + 1))
      if (m.customer === customer && m.direction === 'sent') m.read = true;
    if (typing) this.typing.add(customer);
    if (this.file) writeFileSync(this.file, JSON.stringify(this.messages));
    this.emit('change');
  }

  /** Customers who see "typing…": a read receipt asked for it and nothing arrived since. */
  readonly typing = new Set<string>();

  /** Each customer's chat, oldest first. */
  chats(): Record<string, PhoneMessage[]> {
    return Object.fromEntries(customers.map((c) => [c.id, this.messages.filter((m) => m.customer === c.id)]));
  }
}
