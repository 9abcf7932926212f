// R32 for event rows stored before R32: a statusChanged row then held the provider's error text
// for every recipient. When read, an error that is not already the code and its fixed title is
// projected again for its recipient, once the message's sending service is known: the sender
// keeps it whole, any other service reads the fixed title. Rows written since are projected
// already (core's projectEvent) and pass through untouched, except the sender's own failures.
import { errorTitleOf, type ChannelEvent } from '@onenumber/core';
import { projectError, publicErrorCode } from '@onenumber/core/storage-kit';

type StatusEvent = Extract<ChannelEvent, { type: 'statusChanged' }>;

const unsettled = (event: ChannelEvent): event is StatusEvent =>
  event.type === 'statusChanged' &&
  event.error !== null &&
  typeof event.error === 'object' &&
  (event.error.title !== errorTitleOf(event.error.code) || publicErrorCode(event.error.code) !== event.error.code);

/** The message ids whose sending service the read must look up (usually none). */
export const unsettledMessages = (events: readonly ChannelEvent[]): string[] => [
  ...new Set(events.filter(unsettled).map((e) => e.message)),
];

/** Projects those errors for their recipient; `senderOf` answers a message's sending service (null: none or unknown). */
export function settleStatusErrors(
  events: ChannelEvent[],
  senderOf: ReadonlyMap<string, string | null>,
): ChannelEvent[] {
  for (const event of events)
    if (unsettled(event)) event.error = projectError(event.error, senderOf.get(event.message) ?? null, event.service);
  return events;
}
