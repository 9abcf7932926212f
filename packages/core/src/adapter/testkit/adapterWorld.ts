// The world the shared adapter suite runs in: the real core over the storage the adapter's
// package supplies, a directory with agents of the adapter's service and of one other service,
// and helpers that write inputs in the adapter's own words.
import { expect } from 'vitest';
import { createOneNumber, type OneNumber } from '../../createOneNumber';
import { createMemoryDirectory, type MemoryDirectory } from '../../directory/createMemoryDirectory';
import { OneNumberError, type ErrorCode } from '../../errors';
import type { ChannelStorage } from '../../storage/ChannelStorage';
import type { AdapterEventName } from '../adapterEvents';
import type { ServiceAdapter } from '../ServiceAdapter';

/** Business numbers (valid and verified, except UNVERIFIED) and a customer. */
export const N1 = '+81312345678';
export const N2 = '+12025550100';
export const UNVERIFIED = '+81312345679';
export const C1 = '+819012345678';

export type AnyAdapter = ServiceAdapter<any>;
export type Loose = Record<string, unknown>;

/** Agent ids and names the suite uses; `mine*` act in the adapter's service, `their*` in the other. */
export const agents = {
  mine: 'Mia Mine',
  mine2: 'Max Mine',
  both: 'Bo Both',
  theirs: 'Theo Theirs',
  theirsBoth: 'Bea Theirs',
  outsider: 'Olga Outsider',
} as const;
export type AgentId = keyof typeof agents;

/** The other bundle service the suite shares the number with. */
export const otherServiceOf = (service: string) => (service === 'crm' ? 'desk' : 'crm');

/**
 * A fresh storage on the suite's directory: the storage decides with it (R22..R24, R33), e.g.
 * `(directory) => createMemoryStorage({ directory })`.
 */
export type StorageFactory = (directory: MemoryDirectory) => ChannelStorage | Promise<ChannelStorage>;

export async function makeOneNumber(service: string, storage: StorageFactory): Promise<OneNumber> {
  const other = otherServiceOf(service);
  const access: Record<AgentId, string[]> = {
    mine: [service],
    mine2: [service],
    both: [service, other],
    theirs: [other],
    theirsBoth: [service, other],
    outsider: ['books'],
  };
  const directory = createMemoryDirectory({
    orgs: [
      { id: 'acme', plan: 'zoho-one' },
      { id: 'solo', plan: 'standalone' },
    ],
    agents: ['acme', 'solo'].flatMap((org) =>
      (Object.keys(agents) as AgentId[]).map((id) => ({ org, id, name: agents[id], access: access[id] })),
    ),
    numbers: [
      { number: N1, verified: true },
      { number: N2, verified: true },
      { number: UNVERIFIED, verified: false },
    ],
  });
  return createOneNumber({ storage: await storage(directory), directory });
}

export interface AdapterSuiteContext {
  readonly onenumber: OneNumber;
  /** The adapter under test, in org "acme" (Zoho One). */
  readonly adapter: AnyAdapter;
  /** The adapter's service, and the other service (driven through the core directly). */
  readonly service: string;
  readonly other: string;
  create(org: string): AnyAdapter;
}

/** A conversation input in the adapter's words: `{ [agent word]: agent, number, [customer word]: C1, ...extra }`. */
export function words(adapter: AnyAdapter, agent: AgentId, extra: Loose = {}, number = N1): never {
  const v = adapter.vocabulary;
  return { [v.agent]: agent, number, [v.customer]: C1, ...extra } as never;
}

/** The other service acting through the core (as its own adapter would). */
export const asOther = (ctx: AdapterSuiteContext, agent: AgentId, number = N1) => ({
  org: 'acme',
  service: ctx.other,
  agent,
  number,
  customer: C1,
});

export async function inbound(onenumber: OneNumber, text: string, id: string, number = N1) {
  return onenumber.receive({ number, customer: C1, text, id });
}

/** Awaits a refusal and checks it is a OneNumberError with `code`; returns it. */
export async function refusal(promise: Promise<unknown>, code: ErrorCode): Promise<OneNumberError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected ${code}, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(OneNumberError.isInstance(error), String(error)).toBe(true);
  const typed = error as OneNumberError;
  expect(typed.code, typed.message).toBe(code);
  expect(typed.message.length).toBeGreaterThan(10);
  return typed;
}

/** Lets a remote storage's subscription settle before the suite makes the change it listens for. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** The first event `name` matching `match`, or undefined if none arrived within `ms` (a generous cap, not a check). */
export function next(
  adapter: AnyAdapter,
  name: AdapterEventName,
  match: (e: Loose) => boolean = () => true,
  ms = 5000,
): Promise<Loose | undefined> {
  return new Promise((resolve) => {
    let stop = () => {};
    const timer = setTimeout(() => {
      stop();
      resolve(undefined);
    }, ms);
    stop = adapter.on(name, (event: unknown) => {
      if (!match(event as Loose)) return;
      clearTimeout(timer);
      stop();
      resolve(event as Loose);
    });
  });
}
