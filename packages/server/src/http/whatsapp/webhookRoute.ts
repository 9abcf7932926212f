// GET and POST /webhooks/whatsapp: outside /v1, authenticated by Meta's signature alone (no
// bearer token). The transport's handler checks the signature over the raw bytes (401, nothing
// parsed), then the shape (400, nothing stored), then stores every entry x change x message x
// status through the core on this server's database (R15 fan-out, wamid dedupe, R17 statuses
// forward only) and answers 200 only once that write is committed. Routing: the payload's
// phone_number_id, registered with PUT /v1/admin/numbers. Counted for GET /v1/admin/whatsapp.
import { createOneNumber } from '@onenumber/core';
import { createWhatsAppWebhook, ingestInto, type IngestReport, type WebhookBatch } from '@onenumber/whatsapp';
import type { ServerDatabase } from '../../db/ServerDatabase';
import { errorLabel } from '../errors';

export interface WebhookCounters {
  /** Deliveries answered 200: stored. */
  accepted: number;
  /** 401: missing or wrong signature. */
  unauthorized: number;
  /** 400 or 413: signed, but not a delivery we can read. */
  invalid: number;
  /** 500: storing failed (or the phone_number_id is not registered yet); WhatsApp delivers again. */
  failed: number;
  /** GET challenges answered 200, and refused (403). */
  challenges: number;
  challengesRefused: number;
  messages: Pick<IngestReport, 'received' | 'duplicates' | 'unroutable'>;
  statuses: { applied: number; unchanged: number; unknown: number; ignored: number };
  /** The code of the last failure (no message: it could quote input). */
  lastFailure: string | null;
}

const webhookMaxBodyBytes = 4 * 1024 * 1024;

export function createWebhookRoute(db: ServerDatabase, secrets: { appSecret: string; verifyToken: string }) {
  const counters: WebhookCounters = {
    accepted: 0,
    unauthorized: 0,
    invalid: 0,
    failed: 0,
    challenges: 0,
    challengesRefused: 0,
    messages: { received: 0, duplicates: 0, unroutable: 0 },
    statuses: { applied: 0, unchanged: 0, unknown: 0, ignored: 0 },
    lastFailure: null,
  };
  const onenumber = createOneNumber({ storage: db.storage, directory: db.directory });
  const ingest = ingestInto(onenumber, {
    resolveNumber: ({ phoneNumberId }) => db.directory.numberByPhoneNumberId(phoneNumberId),
    findByProviderId: (wamid) => db.outbox.findByProviderId(wamid),
  });
  const handler = createWhatsAppWebhook({
    ...secrets,
    maxBodyBytes: webhookMaxBodyBytes,
    ingest: async (batch: WebhookBatch) => {
      const report = await ingest(batch);
      counters.messages.received += report.received;
      counters.messages.duplicates += report.duplicates;
      counters.messages.unroutable += report.unroutable;
      counters.statuses.applied += report.statusesApplied;
      counters.statuses.unchanged += report.statusesUnchanged;
      counters.statuses.unknown += report.statusesUnknown;
      counters.statuses.ignored += report.statusesIgnored;
      return report;
    },
    onError: (error) => {
      counters.lastFailure = errorLabel(error);
    },
  });

  const count = (method: string, response: Response): Response => {
    const { status } = response;
    if (method === 'GET') {
      if (status === 200) counters.challenges++;
      else counters.challengesRefused++;
    } else if (status === 200) counters.accepted++;
    else if (status === 401) counters.unauthorized++;
    else if (status === 400 || status === 413) counters.invalid++;
    else if (status >= 500) counters.failed++;
    return response;
  };

  return {
    counters,
    /** The largest delivery taken (Meta's are far smaller); a larger one is 413. */
    maxBodyBytes: webhookMaxBodyBytes,
    async fetch(request: Request): Promise<Response> {
      return count(request.method, await handler(request));
    },
    /** A POST whose bytes the server read itself (routes/context.ts readBytes). */
    async deliver(body: Uint8Array, signature: string | null): Promise<Response> {
      return count('POST', await handler.deliver(body, signature));
    },
    /** A POST refused before its bytes were read (too large). */
    refuse: (response: Response) => count('POST', response),
  };
}
