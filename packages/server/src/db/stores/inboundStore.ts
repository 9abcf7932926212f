// R13, R15, R26, written once for every dialect: an inbound message is stored in every channel on
// its number, each its own copy in its own conversation, and delivered to each channel's active
// members (core's deliverInbound). The (number, provider id) primary key stores it once, whichever
// process or replica is first; the number's owner row is held shared, so no membership change
// commits between the members read and the events written.
import {
  assertStorableMessage,
  deliverInbound,
  inboundMessage,
  numberNotConnected,
  type InboundDelivery,
  type InboundOutcome,
  type InboundRecord,
} from '@onenumber/core/storage-kit';
import { guarded } from '../common/errors';
import type { Runner } from '../port/runner';
import { all, announce, conversationLane, one, order, run, type Steps } from '../port/steps';
import { membershipsOf } from './facts';
import { oneWriteInbound } from './inboundOneWrite';
import { storeMessage } from './messages';

function* receive(input: InboundRecord): Steps<InboundOutcome> {
  yield* order(conversationLane(input.number, input.customer));
  const owner = yield* one('shareNumber', input.number);
  if (!owner) throw numberNotConnected(input.number);
  const org = owner.org;
  if (input.providerId !== null && (yield* run('rememberInbound', input.number, input.providerId)) === 0) {
    return { org, duplicate: true, deliveries: [] }; // R15: stored before
  }
  const deliveries: InboundDelivery[] = [];
  for (const channel of yield* all('channelsOfNumber', input.number, org)) {
    const conversation =
      (yield* one('touchInbound', channel.id, input.customer, input.at)) ??
      (yield* one('openConversation', channel.id, input.customer, input.at))!;
    const { message } = yield* storeMessage(inboundMessage(input, channel.id, conversation.id), org);
    const { delivery, announcement } = deliverInbound({
      channel,
      customer: conversation.customer,
      message,
      memberships: yield* membershipsOf(channel.id),
    });
    yield* announce([announcement]);
    deliveries.push(delivery);
  }
  return { org, duplicate: false, deliveries };
}

export function inboundStore(db: Runner) {
  // Issue 17: where the dialect writes a planned message at once, kept facts and one write.
  const oneWrite = db.inbound && db.offers('factsOfNumber') ? oneWriteInbound(db, db.inbound) : null;
  return {
    receive: (input: InboundRecord): Promise<InboundOutcome> =>
      guarded(async () => {
        assertStorableMessage(input); // R27, R36: core's decision on what may be stored
        const planned = oneWrite ? await oneWrite.receive(input) : null;
        if (planned) return planned;
        const outcome = await db.write(() => receive(input));
        oneWrite?.learn(input.customer, outcome);
        return outcome;
      }),
  };
}
