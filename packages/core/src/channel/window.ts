// WhatsApp's customer-service window: a free-form reply may go out only within 24 hours of the
// customer's last message; after that only an approved template may (Meta's Cloud API docs).

export const windowHours = 24;

export function windowOpen(lastInboundAt: string | null, now: string, hours = windowHours): boolean {
  if (!lastInboundAt) return false;
  return Date.parse(now) - Date.parse(lastInboundAt) < hours * 3_600_000;
}
