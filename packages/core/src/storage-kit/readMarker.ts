// R39: a service's read marker in a conversation, and WhatsApp's read receipt. The marker moves
// forward only, to the conversation's last message when an agent of the service reads it; what is
// unread for the service is the inbound messages after it. A read receipt goes out at most once
// per inbound message, whichever service reads first, and only where a transport sends it.

/** A message's place in its conversation's stored order, as the storage numbers it. */
export interface Placed {
  id: string;
  pos: number;
}

export interface MarkReadFacts {
  /** The service's marker: the place of the last message it read, or null. */
  marker: number | null;
  /** The conversation's last message (either direction), or null. */
  last: Placed | null;
  /** Its last inbound message, with the provider's id (null when the customer's message had none). */
  lastInbound: (Placed & { providerId: string | null }) | null;
  /** The place of the last inbound message a read receipt went out for, or null. */
  receipted: number | null;
  /** R38, R39: whether a transport sends this storage's messages to WhatsApp. */
  transport: boolean;
}

export interface MarkReadDecision {
  /** The marker to store (unchanged when `moved` is false). */
  marker: number | null;
  moved: boolean;
  /** The inbound message to send WhatsApp's read receipt for now, or null. */
  receipt: (Placed & { providerId: string }) | null;
}

export function decideMarkRead(facts: MarkReadFacts): MarkReadDecision {
  const { last, lastInbound } = facts;
  const moved = last !== null && (facts.marker === null || last.pos > facts.marker);
  const due =
    facts.transport &&
    lastInbound !== null &&
    lastInbound.providerId !== null &&
    (facts.receipted === null || lastInbound.pos > facts.receipted);
  return {
    marker: moved ? last!.pos : facts.marker,
    moved,
    receipt: due ? { id: lastInbound!.id, pos: lastInbound!.pos, providerId: lastInbound!.providerId! } : null,
  };
}

/** R39: how many of the positions of inbound messages lie after the service's marker. */
export function unreadAfter(marker: number | null, inbound: readonly number[]): number {
  return marker === null ? inbound.length : inbound.filter((pos) => pos > marker).length;
}
