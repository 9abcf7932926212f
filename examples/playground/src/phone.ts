// The customer's phone: what the customer sent and what reached them, in order.
import { EventEmitter } from 'eventemitter3';

export interface PhoneMessage {
  direction: 'sent' | 'received';
  text: string;
  at: string;
}

export class Phone extends EventEmitter<{ change: () => void }> {
  readonly messages: PhoneMessage[] = [];

  record(direction: PhoneMessage['direction'], text: string): void {
    this.messages.push({ direction, text, at: new Date().toISOString() });
    this.emit('change');
  }
}
