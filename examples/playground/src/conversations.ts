// A service's conversation list, as one of its agents sees it: per customer who wrote, the last
// message projected for that service (masked where R17 says), its own assignee (R21) and how many
// of the customer's messages wait since that service last replied. Read today through one view per
// customer (R19), the only per-service read that exists; each view is kept for the open pane.
import { OneNumberError, type MessageView, type OneNumber, type ViewResult } from '@onenumber/core';
import { customers, number, org, type Service } from './demo';

export interface ConversationEntry {
  customer: string;
  name: string;
  /** The newest message as this service sees it, or null. */
  last: MessageView | null;
  /** This service's own assignee (R21). */
  assignee: string | null;
  /** The customer's messages after this service's last reply to them. */
  waiting: number;
}

/** Inbound messages after the service's own last reply (all of them when it never replied). */
export function waitingOf(messages: readonly MessageView[], service: Service): number {
  let waiting = 0;
  for (const m of messages) {
    if (m.direction === 'in') waiting += 1;
    else if (m.service === service) waiting = 0;
  }
  return waiting;
}

export async function conversationsOf(onenumber: OneNumber, service: Service, agent: string) {
  const views = new Map<string, ViewResult>();
  await Promise.all(
    customers.map(async (c) => {
      const view = await onenumber
        .view({ org, service, agent, number, customer: c.id })
        // No conversation with this customer yet, or the service is not active: not listed.
        .catch((error: unknown) => (OneNumberError.isInstance(error) ? null : Promise.reject(error)));
      if (view) views.set(c.id, view);
    }),
  );
  const entries: ConversationEntry[] = customers
    .filter((c) => views.has(c.id))
    .map((c) => {
      const view = views.get(c.id)!;
      return {
        customer: c.id,
        name: c.name,
        last: view.messages.at(-1) ?? null,
        assignee: view.assignee,
        waiting: waitingOf(view.messages, service),
      };
    })
    // The newest conversation first, as an agent's inbox lists them.
    .sort((a, b) => (b.last?.at ?? '').localeCompare(a.last?.at ?? ''));
  return { entries, views };
}
