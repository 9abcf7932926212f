// R39, written once for every dialect: a service's read marker moves forward to the
// conversation's last message (core's decideMarkRead), and where a sender is configured the last
// inbound message's read receipt is claimed once (the claim is an upsert that answers no row when
// another reader claimed it first) and handed to the sender after the write commits.
import { decideMarkRead, type MarkReadOutcome, type MarkReadRecord } from '@onenumber/core/storage-kit';
import { guarded } from '../common/errors';
import type { ReadReceipt, SendRoute } from '../common/sendRoute';
import { utc } from '../common/schemas';
import type { Runner } from '../port/runner';
import { one, type Steps } from '../port/steps';
import { channelIn, conversationIn } from './facts';

function* markRead(input: MarkReadRecord, transport: boolean): Steps<MarkReadOutcome & { send: ReadReceipt | null }> {
  const channel = yield* channelIn(input.org, input.channel);
  const conversation = yield* conversationIn(channel, input.conversation);
  const inbound = yield* one('lastInboundOf', conversation.id);
  const decision = decideMarkRead({
    marker: (yield* one('readMarkerOf', conversation.id, input.service))?.pos ?? null,
    last: (yield* one('lastMessageOf', conversation.id)) ?? null,
    lastInbound: inbound ? { id: inbound.id, pos: inbound.pos, providerId: inbound.provider_id } : null,
    receipted: (yield* one('receiptOf', conversation.id))?.pos ?? null,
    transport,
  });
  const at = utc(input.at);
  const moved =
    decision.moved &&
    (yield* one('moveReadMarker', conversation.id, input.service, decision.marker!, at)) !== undefined;
  const receipt =
    decision.receipt && (yield* one('claimReceipt', conversation.id, decision.receipt.pos, at)) !== undefined
      ? decision.receipt
      : null;
  return {
    moved,
    receipt: receipt?.id ?? null,
    send: receipt ? { number: channel.number, providerId: receipt.providerId, typing: input.typing } : null,
  };
}

export function readStore(db: Runner, route: SendRoute) {
  return {
    markRead: (input: MarkReadRecord): Promise<MarkReadOutcome> =>
      guarded(async () => {
        const { send, ...outcome } = await db.write(() => markRead(input, route.transport));
        if (send) route.receipt?.(send); // after the commit: at most once, never for a write that rolled back
        return outcome;
      }),
  };
}
