// Small builders for the records the conformance suite sends, so each test reads like its rule.
import { defaultMaskingPolicy, type ChannelStorage, type ConnectRecord, type MaskingPolicy } from '@onenumber/core';

export const at = (minute = 0) => new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString();

let counter = 0;
/** A fresh valid E.164 number per call (+1 202-555-01xx style, all valid in libphonenumber). */
export function freshNumber(): string {
  counter = (counter + 1) % 9000;
  return `+8131${String(2000000 + counter * 37).padStart(7, '0')}`;
}

export const connectRecord = (
  org: string,
  number: string,
  service: string,
  extra: Partial<ConnectRecord> = {},
): ConnectRecord => ({
  org,
  number,
  service,
  mode: 'shared',
  reason: 'bundle',
  policy: defaultMaskingPolicy,
  at: at(),
  ...extra,
});

export async function connectAll(
  storage: ChannelStorage,
  org: string,
  number: string,
  services: string[],
  policy?: Record<string, MaskingPolicy>,
) {
  const out = [];
  for (const service of services)
    out.push(
      await storage.connect(connectRecord(org, number, service, policy?.[service] ? { policy: policy[service] } : {})),
    );
  return out;
}

export async function inbound(
  storage: ChannelStorage,
  number: string,
  customer: string,
  text: string,
  providerId: string | null = null,
) {
  return storage.receive({ number, customer, providerId, type: 'text', text, raw: null, at: at(1) });
}

export async function replyAs(
  storage: ChannelStorage,
  org: string,
  channel: string,
  customer: string,
  service: string,
  agent: string,
  text: string,
  assign = true,
) {
  const conversation = await storage.conversation({ org, channel, customer });
  if (!conversation) throw new Error('fixture: no conversation');
  return storage.appendReply({
    org,
    channel,
    conversation: conversation.id,
    expectedVersion: conversation.version,
    service,
    agent,
    agentName: `Agent ${agent.toUpperCase()}`,
    type: 'text',
    text,
    raw: null,
    assign,
    at: at(2),
  });
}

export async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'NOT_A_ONENUMBER_ERROR';
  }
}

/** Resolves once `count` events arrived, or after `ms` with what arrived. */
export function collect<T>(subscribe: (push: (e: T) => void) => () => void, count: number, ms = 3000): Promise<T[]> {
  return new Promise((resolve) => {
    const got: T[] = [];
    let stop = () => {};
    const timer = setTimeout(() => {
      stop();
      resolve(got);
    }, ms);
    stop = subscribe((e) => {
      got.push(e);
      if (got.length >= count) {
        clearTimeout(timer);
        stop();
        resolve(got);
      }
    });
  });
}
