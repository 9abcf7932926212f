// R17..R20, R22, R32: one recipient's view of a change. A message is projected with the
// recipient's masking policy (another service's reply has no text, raw or agent) and shows the
// message as it was when it happened; an assignment names its agent only to the service it
// belongs to (a reply assigns its sender, R24, so naming the agent would reveal who sent a
// masked reply); a failure's provider text reaches the sending service alone (R32). A customer's
// reaction, edit or revoke is announced as messageReacted, messageEdited or messageRevoked (R30).
import { defaultMaskingPolicy } from '../masking/policy';
import { changeOf } from '../messages/messageChange';
import { projectError } from '../masking/projectError';
import { projectMessage } from '../masking/projectMessage';
import type { Announcement, Change, EventBody, EventDraft, Place, Recipient } from './announcement';

function projectChange(change: Exclude<Change, { type: 'message' }>, service: string): object {
  switch (change.type) {
    case 'statusChanged': {
      const { sender, ...rest } = change;
      return { ...rest, error: projectError(change.error, sender, service) };
    }
    case 'assignmentChanged':
      return service === change.subject ? change : { ...change, agent: null };
    default:
      return change;
  }
}

/** The event `recipient` receives for `change` (without its id, which the storage gives). */
export function projectEvent(place: Place, change: Change, recipient: Recipient): EventBody {
  const { service } = recipient;
  if (change.type !== 'message') {
    return {
      ...projectChange(change, service),
      org: place.org,
      service,
      channel: place.channel,
      number: place.number,
      at: place.at,
    } as EventBody;
  }
  const { message, customer } = change;
  const view = projectMessage(message, service, recipient.policy ?? defaultMaskingPolicy);
  // The event shows the message as it was when it happened (R38: pending or sent), not its later status.
  view.status = message.direction === 'in' ? 'received' : message.status === 'pending' ? 'pending' : 'sent';
  view.error = null;
  // R30: a customer's reaction, edit or revoke is an event of its own (their messages are never masked).
  return {
    type: message.direction === 'in' ? 'messageReceived' : 'messageSent',
    org: place.org,
    service,
    channel: message.channel,
    number: place.number,
    at: message.at,
    conversation: message.conversation,
    customer,
    message: view,
    ...changeOf(message),
  } as EventBody;
}

/** An announcement as one projected event per recipient, for storages that store them so. */
export function eventDrafts(announcement: Announcement): EventDraft[] {
  const { place, change } = announcement;
  return announcement.recipients.map((recipient) => ({
    org: place.org,
    service: recipient.service,
    channel: place.channel,
    body: projectEvent(place, change, recipient),
  }));
}
