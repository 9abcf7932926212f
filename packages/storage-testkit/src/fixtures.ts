// Small builders for the records the conformance suite sends, so each test reads like its rule.
import type { ChannelStorage } from '@onenumber/core';
import type { ConnectRecord } from '@onenumber/core/storage-kit';
import type { StorageDirectory } from './describeStorage';

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
  at: at(),
  ...extra,
});

export async function connectAll(storage: ChannelStorage, org: string, number: string, services: string[]) {
  const out = [];
  for (const service of services) out.push(await storage.connect(connectRecord(org, number, service)));
  return out;
}

/** Agents in the directory (R22, R23): `{ id: access }`, each named `Agent ID`. */
export async function agents(directory: StorageDirectory, org: string, access: Record<string, string[]>) {
  for (const [id, services] of Object.entries(access))
    await directory.setAgent({ org, id, name: `Agent ${id.toUpperCase()}`, access: services });
}

/** The storage's decision for an agent of a service (R22..R24, R33); fails when there is no conversation. */
export async function decisionFor(
  storage: ChannelStorage,
  where: { org: string; channel: string; customer: string },
  service: string,
  agent: string,
  confirm = false,
) {
  const decision = await storage.decide({ ...where, service, agent, confirm });
  if (!decision) throw new Error('fixture: no conversation');
  return decision;
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
  const decision = await decisionFor(storage, { org, channel, customer }, service, agent);
  return storage.appendReply({
    org,
    channel,
    conversation: decision.conversation,
    expectedVersion: decision.version,
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
