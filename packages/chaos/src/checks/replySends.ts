// What the customers received from the business, by stored reply id (biz_opaque_callback_data
// carries it), with WhatsApp's wamid and time of each send; and whether each repeated send falls
// in the one window that allows it: a kill after the previous send and before the repeat, and the
// previous send's wamid never recorded by the server (WhatsApp had it, the server did not know).
import { decodeCallbackData, type Simulator } from '@onenumber/whatsapp';

export interface Kill {
  at: number;
  moment: string;
}
export interface Send {
  at: number;
  wamid: string;
}

export function sendsById(simulator: Simulator, customers: string[]): Map<string, Send[]> {
  const sends = new Map<string, Send[]>();
  for (const customer of customers) {
    for (const m of simulator.inbox(customer)) {
      const id = decodeCallbackData(m.bizOpaqueCallbackData)?.message;
      if (id) sends.set(id, [...(sends.get(id) ?? []), { at: Date.parse(m.at), wamid: m.id }]);
    }
  }
  return sends;
}

export interface Repeat {
  id: string;
  /** Index of the kill between the previous send and this one; null when there is none. */
  kill: number | null;
  /** The server recorded the previous send's wamid: it knew, and sent again anyway. */
  previousRecorded: boolean;
}

/** `recorded`: reply id -> the wamid the server's outbox recorded for it. */
export function explainRepeats(sends: Map<string, Send[]>, kills: Kill[], recorded: Map<string, string>): Repeat[] {
  const repeats: Repeat[] = [];
  for (const [id, list] of sends) {
    const sorted = [...list].sort((a, b) => a.at - b.at);
    for (let k = 1; k < sorted.length; k++) {
      const kill = kills.findIndex((x) => x.at >= sorted[k - 1]!.at && x.at <= sorted[k]!.at);
      repeats.push({ id, kill: kill < 0 ? null : kill, previousRecorded: recorded.get(id) === sorted[k - 1]!.wamid });
    }
  }
  return repeats;
}
