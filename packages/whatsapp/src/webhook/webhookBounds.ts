// R36: a webhook delivery keeps every field WhatsApp sends (it adds fields over time, and a
// refusal would bring the delivery back for days), but is bounded: 64 levels deep (a real
// delivery is under 10) and 4 MiB (above WhatsApp's 3 MB). Depth is read from the raw bytes
// before JSON.parse. A message stored from a delivery keeps its raw object when that is within
// core's bounds for raw (32 deep, 64 KiB, 1,000 keys); otherwise its top-level plain fields,
// marked, so the message itself is never lost.
import { checkJsonBounds, rawJsonLimits } from '@onenumber/core/storage-kit';

export const webhookLimits = Object.freeze({ depth: 64, bytes: 4 * 1024 * 1024 });

/** The raw object to store for a message: itself, or its plain top-level fields with `omitted` saying why. */
export function storableRaw(raw: Record<string, unknown>): { raw: Record<string, unknown>; omitted: boolean } {
  const breach = checkJsonBounds(raw, rawJsonLimits);
  if (!breach) return { raw, omitted: false };
  const plain = Object.entries(raw).filter(([, v]) => v === null || (typeof v !== 'object' && typeof v !== 'function'));
  const kept = Object.fromEntries(plain.filter(([, v]) => typeof v !== 'string' || v.length <= 1024).slice(0, 100));
  return { raw: { ...kept, omitted: `raw exceeded its ${breach.limit} limit (R36)` }, omitted: true };
}
