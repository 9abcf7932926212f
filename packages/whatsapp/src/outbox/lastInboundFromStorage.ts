// The worker's window check reads the customer's last inbound time where OneNumber keeps it: the
// conversation of the sending service's channel on that number (any ChannelStorage).
import type { ChannelStorage } from '@onenumber/core';
import type { OutboxItem } from '@onenumber/core/storage-kit';

export function lastInboundFromStorage(storage: Pick<ChannelStorage, 'findMembership' | 'conversation'>) {
  return async (item: Pick<OutboxItem, 'org' | 'number' | 'service' | 'customer'>): Promise<string | null> => {
    const membership = await storage.findMembership({ org: item.org, number: item.number, service: item.service });
    if (!membership) return null;
    const conversation = await storage.conversation({
      org: item.org,
      channel: membership.channel,
      customer: item.customer,
    });
    return conversation?.lastInboundAt ?? null;
  };
}
