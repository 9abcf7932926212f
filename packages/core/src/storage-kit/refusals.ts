// R25, R27: the refusals every storage answers when what a call names is not there: a channel of
// another org reads as not connected, a conversation must belong to the channel named, a write
// decided on an older version of the conversation is a conflict, and a report for a message
// nobody stored names it.
import { OneNumberError } from '../errors';

/** R25: a channel is reachable only from its own org. */
export function channelIn<C extends { org: string }>(channel: C | null | undefined, org: string): C {
  if (!channel || channel.org !== org) throw new OneNumberError('NOT_CONNECTED', 'No such channel in this org.');
  return channel;
}

export function conversationIn<C extends { channel: string }>(conversation: C | null | undefined, channel: string): C {
  if (!conversation || conversation.channel !== channel) throw new OneNumberError('UNKNOWN_CONVERSATION');
  return conversation;
}

/** R21..R24: a write carries the version it decided on; another write since then is a conflict. */
export function conflict(): OneNumberError {
  return new OneNumberError('CONFLICT');
}

/** R19: only a member (active or not) views the channel's history. */
export function viewerIn<M>(membership: M | null | undefined): M {
  if (!membership) throw new OneNumberError('NOT_CONNECTED');
  return membership;
}

export function unknownMessage(id: string): OneNumberError {
  return new OneNumberError('UNKNOWN_MESSAGE', `No message "${id}" in this org.`);
}

export function numberNotConnected(number: string): OneNumberError {
  return new OneNumberError('NOT_CONNECTED', `${number} is not connected in any org.`);
}
