// A service's conversation list, as the SDK answers it (conversations): per customer who wrote,
// the last message projected for that service (masked where R17 says), its own assignee (R21,
// R33) and its unread count, the customer's messages after that service's read marker (R39).
import type { MessageView, OneNumber } from '@onenumber/core';
import { customers, number, org, type Service } from './demo';

export interface ConversationEntry {
  customer: string;
  name: string;
  /** The newest message as this service sees it, or null. */
  last: MessageView | null;
  /** This service's own assignee (R21). */
  assignee: string | null;
  /** The customer's messages after this service's read marker (R39). */
  unread: number;
}

/** Newest activity first; the playground's three customers fit in one page. */
export async function conversationsOf(onenumber: OneNumber, service: Service): Promise<ConversationEntry[]> {
  const page = await onenumber.conversations({ org, service, number, limit: 50 });
  return page.conversations.map((c) => ({
    customer: c.customer,
    name: customers.find((known) => known.id === c.customer)?.name ?? c.customer,
    last: c.lastMessage,
    assignee: c.assignee,
    unread: c.unread,
  }));
}
