// Property tests of R5..R14 against a small reference model: for any sequence of connect, disable,
// enable, remove (one at a time or several connects at once), and inbound messages between them,
// (a) never more than one shared channel per number per org, (b) the parent is an active member
// while any is active and changes only when it stops being active, to the earliest-created active
// membership, (c) history never shrinks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OneNumberError, type ChannelStorage, type OneNumber } from '../src';
import { MembershipModel, type Action } from './support/membershipModel';
import { C1, C2, N1, N2, makeWorld } from './support/world';

const services = ['desk', 'crm', 'salesiq', 'campaigns', 'books'] as const;
const orgs = ['acme', 'beta'] as const;
const numbers = [N1, N2] as const;
const customerOf = (number: string) => (number === N1 ? C1 : C2);

type Step =
  | { kind: 'connect' | Action; org: string; service: string; number: string }
  | { kind: 'inbound'; number: string }
  | { kind: 'together'; org: string; number: string; services: string[] };

const org = fc.constantFrom('acme', 'acme', 'acme', 'beta');
const service = fc.constantFrom(...services);
const number = fc.constantFrom(...numbers);
const on = (kind: Step['kind']) => fc.record({ kind: fc.constant(kind), org, service, number }) as fc.Arbitrary<Step>;
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: on('connect') },
  { weight: 2, arbitrary: on('disable') },
  { weight: 2, arbitrary: on('enable') },
  { weight: 2, arbitrary: on('remove') },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('inbound' as const), number }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('together' as const),
      org,
      number,
      services: fc.array(service, { minLength: 2, maxLength: 6 }),
    }),
  },
);

async function outcome<T>(promise: Promise<T>): Promise<{ ok: T } | { error: string }> {
  try {
    return { ok: await promise };
  } catch (error) {
    if (!OneNumberError.isInstance(error)) throw error;
    return { error: error.code };
  }
}

function ok<T>(result: { ok: T } | { error: string }, what: string): T {
  if ('error' in result) throw new Error(`${what}: unexpected ${result.error}`);
  return result.ok;
}

/** One run: the real core on memory storage beside the model, checked after every step. */
class Run {
  readonly model = new MembershipModel((s) => s === 'books');
  #inbound = 0;
  #lastParent = new Map<string, string | null>();
  #longestHistory = new Map<string, string[]>();

  constructor(readonly one: OneNumber) {}

  async apply(s: Step): Promise<void> {
    if (s.kind === 'inbound') return this.inbound(s.number);
    if (s.kind === 'together') return this.together(s.org, s.number, s.services);
    if (s.kind === 'connect') return this.connect(s.org, s.number, s.service);
    return this.change(s.org, s.number, s.service, s.kind);
  }

  async connect(org: string, number: string, service: string) {
    const predicted = this.model.predictConnect(org, number, service);
    const actual = await outcome(this.one.connect({ org, service, number }));
    if ('error' in predicted) return expect(actual).toEqual(predicted);
    const result = ok(actual, `connect ${service}`);
    const channel = predicted.ok.created
      ? this.model.applyConnect(org, number, service)
      : this.model.channel(org, number, service)!;
    channel.id ??= result.channel;
    expect(result).toEqual({
      channel: channel.id,
      mode: channel.mode,
      role: channel.parent === service ? 'parent' : 'child',
      reason: service === 'books' ? 'finance-service' : 'bundle',
    });
  }

  /** R6: several connects at once; the storage decides their order, learned from the listing (R14). */
  async together(org: string, number: string, list: string[]) {
    const predicted = new Map(list.map((s) => [s, this.model.predictConnect(org, number, s)]));
    const wasActive = this.model.channel(org, number)?.parent ?? null;
    const results = await Promise.all(list.map((s) => outcome(this.one.connect({ org, service: s, number }))));
    const created = [...predicted].filter(([, p]) => 'ok' in p && p.ok.created).map(([s]) => s);
    for (const s of created.filter((s) => s === 'books')) this.model.applyConnect(org, number, s);
    const shared = created.filter((s) => s !== 'books');
    if (shared.length) {
      const channel = this.model.ensureChannel(org, number, shared[0]!);
      const listing = ok(await outcome(this.one.members({ org, number })), 'members').members;
      this.model.learnOrder(channel, shared, listing);
      expect([...channel.memberships.keys()]).toEqual(expect.arrayContaining(shared));
      if (wasActive) expect(channel.parent).toBe(wasActive);
    }
    list.forEach((s, i) => {
      const p = predicted.get(s)!;
      if ('error' in p) {
        expect(results[i]).toEqual(p);
        return;
      }
      const result = ok(results[i]!, `connect ${s} together`);
      const channel = this.model.channel(org, number, s)!;
      channel.id ??= result.channel;
      expect(result).toMatchObject({
        channel: channel.id,
        mode: channel.mode,
        role: channel.parent === s ? 'parent' : 'child',
      });
    });
  }

  async change(org: string, number: string, service: string, action: Action) {
    const predicted = this.model.change(org, number, service, action);
    const actual = await outcome(this.one[action]({ org, service, number }));
    if ('error' in predicted) return expect(actual).toEqual(predicted);
    expect(ok(actual, `${action} ${service}`)).toMatchObject({
      channel: this.model.channel(org, number, service)!.id,
      ...predicted.ok,
    });
  }

  async inbound(number: string) {
    const n = ++this.#inbound;
    const text = `inbound-${n}`;
    const predicted = this.model.receive(number, text);
    const actual = await outcome(this.one.receive({ number, customer: customerOf(number), text, id: `wamid.${n}` }));
    if ('error' in predicted) return expect(actual).toEqual(predicted);
    const result = ok(actual, 'receive');
    expect(result).toMatchObject({
      deliveredTo: predicted.ok.deliveredTo,
      undelivered: predicted.ok.undelivered,
      duplicate: false,
    });
    expect(result.conversation !== null).toBe(predicted.ok.shared);
  }

  /** Compares the number's channels, memberships and views with the model (a step touches one number),
   * and checks (a), (b), (c) directly. */
  async check(number: string) {
    for (const org of orgs) {
      const shared = this.model.channel(org, number);
      const info = await outcome(this.one.members({ org, number }));
      if (!shared) expect(info).toEqual({ error: 'NOT_CONNECTED' });
      else {
        const members = MembershipModel.members(shared);
        expect(ok(info, 'members')).toMatchObject({
          channel: shared.id,
          status: members.length ? 'active' : 'closed',
          parent: shared.parent,
          members,
        });
        this.checkParent(
          `${org}|${number}`,
          shared.parent,
          members.map((m) => m.service),
        );
      }
      for (const service of services) await this.checkService(org, number, service);
    }
    const ids = [...this.model.channels.values()].flatMap((c) => (c.id ? [c.id] : []));
    expect(new Set(ids).size).toBe(ids.length); // (a): one storage channel per model channel, never two
  }

  /** (b): while any member is active, the parent is one of them; it changed only if the old one left. */
  checkParent(key: string, parent: string | null, active: string[]) {
    if (active.length) expect(active).toContain(parent);
    else expect(parent).toBeNull();
    const last = this.#lastParent.get(key);
    if (last && last !== parent) expect(active, `${last} lost the parent role while active`).not.toContain(last);
    this.#lastParent.set(key, parent);
  }

  async checkService(org: string, number: string, service: string) {
    const channel = this.model.channel(org, number, service);
    const membership = channel?.memberships.get(service);
    const own = await outcome(this.one.members({ org, number, service }));
    if (!membership) expect(own).toEqual({ error: 'NOT_CONNECTED' });
    else
      expect(ok(own, 'members of service')).toMatchObject({
        channel: channel!.id,
        members: MembershipModel.members(channel!),
      });
    const view = await outcome(this.one.view({ org, service, agent: 'all', number, customer: customerOf(number) }));
    if (!membership) return expect(view).toEqual({ error: 'NOT_CONNECTED' });
    if (membership.state === 'disabled') return expect(view).toEqual({ error: 'MEMBERSHIP_DISABLED' });
    if (!channel!.history.length) return expect(view).toEqual({ error: 'UNKNOWN_CONVERSATION' });
    const texts = ok(view, 'view').messages.map((m) => m.text);
    expect(texts).toEqual(channel!.history);
    const key = `${org}|${channel!.id}`; // (c): what was seen once stays, in order
    const longest = this.#longestHistory.get(key) ?? [];
    expect(texts.slice(0, longest.length)).toEqual(longest);
    if (texts.length > longest.length) this.#longestHistory.set(key, texts as string[]);
  }
}

function world(wrap?: (storage: ChannelStorage) => ChannelStorage) {
  const { one, directory } = makeWorld(wrap);
  directory.setAgent({ org: 'beta', id: 'all', name: 'Beta All', access: [...services] });
  return new Run(one);
}

/** A deliberately broken storage: a service enabled again takes the parent role back (against R11). */
function parentTakingStorage(inner: ChannelStorage): ChannelStorage {
  return {
    ...inner,
    async changeMembership(input) {
      const outcome = await inner.changeMembership(input);
      const parent = outcome.members[0]?.service;
      if (input.action !== 'enable' || !parent || parent === input.service) return outcome;
      const [mine, theirs] = await Promise.all([
        inner.findMembership(input),
        inner.findMembership({ ...input, service: parent }),
      ]);
      if (!mine || !theirs || mine.seq > theirs.seq) return outcome;
      await inner.changeMembership({ ...input, service: parent, action: 'disable' });
      return inner.changeMembership({ ...input, service: parent, action: 'enable' });
    },
  };
}

const churn = fc.array(
  fc.record({
    kind: fc.constantFrom<Action>('disable', 'enable', 'enable'),
    service: fc.constantFrom('desk', 'crm', 'salesiq', 'campaigns'),
  }),
  { minLength: 5, maxLength: 40, size: 'max' },
);

async function runChurn(
  steps: { kind: Action; service: string }[],
  wrap?: (storage: ChannelStorage) => ChannelStorage,
) {
  const run = world(wrap);
  for (const s of ['crm', 'desk', 'salesiq', 'campaigns']) await run.connect('acme', N1, s);
  await run.inbound(N1);
  for (const s of steps) {
    await run.change('acme', N1, s.service, s.kind);
    await run.check(N1);
  }
}

describe('membership properties (R5..R14)', () => {
  it('R6, R11, R12: any sequence of connect/disable/enable/remove keeps one shared channel, the right parent, all history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40, size: 'max' }), async (steps) => {
        const run = world();
        for (const s of steps) {
          await run.apply(s);
          await run.check(s.number);
        }
      }),
      { seed: 20260111, numRuns: 200 },
    );
  }, 120_000);

  it('R11: an enabled-again service never takes the parent role back, over long churn on one number', async () => {
    await fc.assert(
      fc.asyncProperty(churn, (steps) => runChurn(steps)),
      { seed: 7, numRuns: 100 },
    );
  }, 120_000);

  it('the property fails on a storage where an enabled-again service takes the parent role back', async () => {
    const result = await fc.check(
      fc.asyncProperty(churn, (steps) => runChurn(steps, parentTakingStorage)),
      { seed: 7, numRuns: 100 },
    );
    expect(result.failed).toBe(true);
  }, 120_000);
});
