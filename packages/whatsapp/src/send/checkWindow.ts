// The 24-hour customer-service window (Meta's Cloud API docs): a free-form message may go out only
// within 24 hours of the customer's last message; after that only an approved template may.
// Refused here, before any call, rather than by WhatsApp with error 131047.
import { OneNumberError, windowHours, windowOpen } from '@onenumber/core';

export interface WindowState {
  open: true;
  /** When the window closes unless the customer writes again (ISO). */
  closesAt: string;
}

const toIso = (at: string | Date | number) => new Date(at).toISOString();

/** Returns the open window, or throws WINDOW_CLOSED saying that a template may still be sent. */
export function checkWindow(
  lastInboundAt: string | Date | null,
  now: string | Date | number = Date.now(),
): WindowState {
  const last = lastInboundAt === null ? null : toIso(lastInboundAt);
  if (!windowOpen(last, toIso(now))) {
    throw new OneNumberError(
      'WINDOW_CLOSED',
      last
        ? `The customer's last message is more than ${windowHours} hours old: a free-form message cannot go out. Send an approved template instead.`
        : 'The customer has not written to this number yet: a free-form message cannot go out. Send an approved template instead.',
      { details: { templateAllowed: true, lastInboundAt: last } },
    );
  }
  return { open: true, closesAt: new Date(Date.parse(last!) + windowHours * 3_600_000).toISOString() };
}
