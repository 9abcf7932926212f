// R15, R17, R27, R29, R36, R37: the webhook on this server's database: @onenumber/whatsapp's handler
// (signature over the raw bytes, shape, counters, node fast path) storing every entry x change x
// message x status through the core on db.storage (R15 fan-out, wamid dedupe, R17 statuses
// forward only), routed by the payload's phone_number_id (PUT /v1/admin/numbers). A delivery
// for a number no org owns yet is parked in the database (R29, db.parked) and replayed once the
// number is registered and connected. Mounted as it is at /webhooks/whatsapp (mountWhatsApp.ts):
// outside /v1, authenticated by Meta's signature.
import { createOneNumber } from '@onenumber/core';
import { createWhatsAppWebhook, ingestInto, type WhatsAppWebhook } from '@onenumber/whatsapp';
import type { ServerDatabase } from '../../db/ServerDatabase';
import type { ResolvedWhatsApp } from './whatsAppOptions';

export type { WebhookCounters } from '@onenumber/whatsapp';

/** The largest delivery taken (Meta's are at most 3 MB); a larger one is 413. */
export const webhookMaxBodyBytes = 4 * 1024 * 1024;

export function createServerWebhook(
  db: ServerDatabase,
  secrets: { appSecret: string; verifyToken: string },
  parking: ResolvedWhatsApp['parking'],
): WhatsAppWebhook {
  const onenumber = createOneNumber({ storage: db.storage, directory: db.directory });
  return createWhatsAppWebhook({
    ...secrets,
    maxBodyBytes: webhookMaxBodyBytes,
    ingest: ingestInto(onenumber, {
      resolveNumber: ({ phoneNumberId }) => db.directory.numberByPhoneNumberId(phoneNumberId),
      findByProviderId: (wamid) => db.outbox.findByProviderId(wamid),
      unroutable: db.parked ? 'park' : 'reject',
    }),
    ...(db.parked ? { parking: { store: db.parked, ...parking } } : {}),
  });
}
