// R39 on memory: each service's read marker in a conversation (an index into its messages). The
// memory storage has no transport (R38), so no read receipt ever goes out from here.
import {
  channelIn,
  conversationIn,
  decideMarkRead,
  type MarkReadOutcome,
  type MarkReadRecord,
} from '@onenumber/core/storage-kit';
import type { MemoryState } from './state';

export function readOps(state: MemoryState) {
  return {
    async markRead(input: MarkReadRecord): Promise<MarkReadOutcome> {
      const channel = channelIn(state.channels.get(input.channel), input.org);
      const conversation = conversationIn(state.conversations.get(input.conversation), channel.id);
      const markers = (conversation.readMarkers ??= new Map());
      const last = conversation.messages.length - 1;
      const decision = decideMarkRead({
        marker: markers.get(input.service) ?? null,
        last: last < 0 ? null : { id: conversation.messages[last]!.id, pos: last },
        lastInbound: null,
        receipted: null,
        transport: false,
      });
      if (decision.moved) markers.set(input.service, decision.marker!);
      return { moved: decision.moved, receipt: null };
    },
  };
}
