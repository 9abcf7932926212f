// The customer's phone: what the customer sent and what reached them, in order. A real phone keeps
// its chat, so this one does too (a JSON file beside the server's database): after a restart the
// phone shows the same history as the panes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { EventEmitter } from 'eventemitter3';

export interface PhoneMessage {
  direction: 'sent' | 'received';
  text: string;
  at: string;
}

export class Phone extends EventEmitter<{ change: () => void }> {
  readonly messages: PhoneMessage[] = [];

  /** `file`: where the chat is kept; none keeps it in memory only. */
  constructor(private readonly file?: string) {
    super();
    if (file && existsSync(file)) {
      try {
        const saved = JSON.parse(readFileSync(file, 'utf8')) as PhoneMessage[];
        if (Array.isArray(saved)) this.messages.push(...saved.filter((m) => typeof m?.text === 'string'));
      } catch {
        // An unreadable chat starts empty rather than stopping the playground.
      }
    }
  }

  record(direction: PhoneMessage['direction'], text: string): void {
    this.messages.push({ direction, text, at: new Date().toISOString() });
    if (this.file) writeFileSync(this.file, JSON.stringify(this.messages));
    this.emit('change');
  }
}
