// How the simulator delivers: serialise once, sign those exact bytes (X-Hub-Signature-256), POST
// to a fetch-style handler or a URL. What is not acknowledged with 200 is kept for `redeliver`,
// as WhatsApp keeps retrying an unacknowledged delivery.
import { OneNumberError } from '@onenumber/core';
import type { WebhookHandler } from '../webhook/createWhatsAppWebhook';
import { signWebhookBody } from '../webhook/signature';

export interface DeliveryRecord {
  kind: 'messages' | 'statuses';
  status: number;
}

export function createDelivery(appSecret: string, initial?: WebhookHandler | string) {
  let target = initial;
  const records: DeliveryRecord[] = [];
  let unacknowledged: { body: string; kind: DeliveryRecord['kind'] }[] = [];
  const pending = new Set<Promise<unknown>>();

  async function post(body: string, kind: DeliveryRecord['kind']): Promise<number> {
    if (!target)
      throw new OneNumberError(
        'NOT_CONNECTED',
        'The simulator has no webhook to deliver to: pass `webhook` or call connect().',
      );
    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, appSecret) },
      body,
    };
    const response =
      typeof target === 'string'
        ? await fetch(target, init)
        : await target(new Request('http://simulator.invalid/webhooks/whatsapp', init));
    await response.arrayBuffer().catch(() => undefined);
    records.push({ kind, status: response.status });
    if (response.status !== 200) unacknowledged.push({ body, kind });
    return response.status;
  }

  return {
    connect(webhook: WebhookHandler | string) {
      target = webhook;
    },
    deliver: (payload: unknown, kind: DeliveryRecord['kind']) => post(JSON.stringify(payload), kind),
    /** Runs after the current call returns, as WhatsApp's statuses come after its answer. */
    later(work: () => Promise<unknown>) {
      const task: Promise<unknown> = new Promise((resolve) => setImmediate(resolve))
        .then(work)
        .catch(() => undefined)
        .finally(() => pending.delete(task));
      pending.add(task);
    },
    async settle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    log: () => [...records],
    async redeliver(): Promise<number[]> {
      const waiting = unacknowledged;
      unacknowledged = [];
      const statuses: number[] = [];
      for (const { body, kind } of waiting) statuses.push(await post(body, kind));
      return statuses;
    },
  };
}
