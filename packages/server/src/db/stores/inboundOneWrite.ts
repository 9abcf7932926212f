// Issue 17: an inbound message in one write (R13, R15, R17..R20 as core plans them). The facts
// the plan needs change rarely, so each process keeps them: per number its owner, channels and
// their memberships with policies, with the version the database keeps of them; per channel and
// customer the conversation (which never moves). Core plans the rows (planInbound), the dialect
// writes them at once, and the write checks the version: on a change since (stale) the facts are
// read again and the plan made again, so rows are never written from old facts. A conversation
// not known here yet (its first message, or this process's first sight of it) takes the
// step-by-step path once (inboundStore.ts), which opens or finds it.
import {
  planInbound,
  type InboundOutcome,
  type InboundRecord,
  type MembershipFacts,
} from '@onenumber/core/storage-kit';
import { toMessageRow, type ChannelRow } from '../common/rows';
import type { InboundWriter } from '../port/inboundWrite';
import type { Runner } from '../port/runner';
import { all, one, type Steps } from '../port/steps';
import { membershipsOf } from './facts';

interface NumberFacts {
  org: string;
  version: number;
  channels: { channel: ChannelRow; memberships: MembershipFacts[] }[];
}

/** Past this many, a cache starts again empty (a bound, not a policy: entries are cheap to read again). */
const maxNumbers = 10_000;
const maxConversations = 200_000;
const reserveBlock = 256;
const staleRetries = 3;

function* readFacts(number: string): Steps<NumberFacts | null> {
  const owner = yield* one('factsOfNumber', number);
  if (!owner) return null;
  const channels: NumberFacts['channels'] = [];
  for (const channel of yield* all('channelsOfNumber', number, owner.org))
    channels.push({ channel, memberships: yield* membershipsOf(channel.id) });
  return { org: owner.org, version: owner.facts, channels };
}

/** receive() on kept facts and one write; null when the step-by-step path must take this message. */
export function oneWriteInbound(db: Runner, writer: InboundWriter) {
  const numbers = new Map<string, NumberFacts>();
  const conversations = new Map<string, string>();
  const ids: string[] = [];
  const key = (channel: string, customer: string) => `${channel} ${customer}`;

  async function reserve(count: number): Promise<string[]> {
    while (ids.length < count)
      ids.push(...(await db.run(() => all('reserveMessageIds', Math.max(reserveBlock, count)))).map((r) => r.id));
    return ids.splice(0, count);
  }

  async function factsOf(number: string, fresh: boolean): Promise<NumberFacts | null> {
    const kept = fresh ? undefined : numbers.get(number);
    if (kept) return kept;
    const read = await db.read(() => readFacts(number));
    if (numbers.size >= maxNumbers) numbers.clear();
    if (read) numbers.set(number, read);
    else numbers.delete(number);
    return read;
  }

  return {
    async receive(input: InboundRecord): Promise<InboundOutcome | null> {
      for (let attempt = 0; attempt < staleRetries; attempt++) {
        const facts = await factsOf(input.number, attempt > 0);
        if (!facts) return null; // not connected: the step-by-step path says so
        const known = facts.channels.map((c) => conversations.get(key(c.channel.id, input.customer)));
        if (known.some((c) => c === undefined)) return null;
        const plan = planInbound(
          input,
          facts.org,
          facts.channels.map((c, i) => ({ channel: c.channel, conversation: known[i]!, memberships: c.memberships })),
          await reserve(facts.channels.length),
        );
        const result = await writer.inboundWrite({
          number: input.number,
          customer: input.customer,
          providerId: input.providerId,
          at: input.at,
          facts: facts.version,
          conversations: known as string[],
          messages: plan.messages.map((m) => toMessageRow(m, facts.org)),
          drafts: plan.drafts,
        });
        if (result === 'stored') return plan.outcome;
        if (result === 'duplicate') return { org: facts.org, duplicate: true, deliveries: [] }; // R15: stored before
      }
      return null; // the facts keep changing: the step-by-step path holds them still
    },
    /** What the step-by-step path found: the conversations it opened or touched. */
    learn(customer: string, outcome: InboundOutcome): void {
      if (conversations.size >= maxConversations) conversations.clear();
      for (const d of outcome.deliveries) conversations.set(key(d.channel, customer), d.conversation);
    },
  };
}
