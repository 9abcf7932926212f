// A small reference model of R5..R14 for the property tests: orgs own numbers, each org has one
// shared channel per number and one isolated channel per isolated service, memberships carry a
// creation sequence, and the parent changes only when it stops being active (R11).
import type { Member } from '../../src';

export type Action = 'disable' | 'enable' | 'remove';

export interface ModelMembership {
  seq: number;
  state: 'active' | 'disabled';
}

export interface ModelChannel {
  /** The storage's id, learned from the first result that names it. */
  id: string | null;
  mode: 'shared' | 'isolated';
  memberships: Map<string, ModelMembership>;
  parent: string | null;
  /** Every inbound text stored in this channel, oldest first (R12, R13). */
  history: string[];
}

export type Outcome<T> = { error: string } | { ok: T };

export class MembershipModel {
  #seq = 0;
  readonly owner = new Map<string, string>();
  readonly channels = new Map<string, ModelChannel>();

  constructor(private readonly isIsolated: (service: string) => boolean) {}

  keyOf(org: string, number: string, service?: string): string {
    return service && this.isIsolated(service) ? `${org}|${number}|${service}` : `${org}|${number}|shared`;
  }

  channel(org: string, number: string, service?: string): ModelChannel | undefined {
    return this.channels.get(this.keyOf(org, number, service));
  }

  membership(org: string, number: string, service: string): ModelMembership | undefined {
    return this.channel(org, number, service)?.memberships.get(service);
  }

  /** R14: active members, parent first, then by creation sequence. */
  static members(channel: ModelChannel): Member[] {
    return [...channel.memberships.entries()]
      .filter(([, m]) => m.state === 'active')
      .sort(([a, ma], [b, mb]) => (a === channel.parent ? -1 : b === channel.parent ? 1 : ma.seq - mb.seq))
      .map(([service]) => ({ service, role: service === channel.parent ? 'parent' : 'child' }));
  }

  /** R11: the parent stays while active; otherwise the earliest active membership; null when closed. */
  static elect(channel: ModelChannel): void {
    const current = channel.parent ? channel.memberships.get(channel.parent) : undefined;
    if (current?.state === 'active') return;
    let best: [string, ModelMembership] | undefined;
    for (const entry of channel.memberships)
      if (entry[1].state === 'active' && (!best || entry[1].seq < best[1].seq)) best = entry;
    channel.parent = best?.[0] ?? null;
  }

  /** What a connect must answer: a refusal, or the role (R5, R7, R8, R13). `created` tells a new membership. */
  predictConnect(org: string, number: string, service: string): Outcome<{ created: boolean }> {
    const owner = this.owner.get(number);
    if (owner && owner !== org) return { error: 'NUMBER_IN_USE_BY_ANOTHER_ORG' };
    const membership = this.membership(org, number, service);
    if (membership?.state === 'disabled') return { error: 'MEMBERSHIP_DISABLED' };
    return { ok: { created: !membership } };
  }

  /** The channel a connect of `service` lands in, made (and the number claimed) if new (R5, R7). */
  ensureChannel(org: string, number: string, service: string): ModelChannel {
    this.owner.set(number, org);
    const key = this.keyOf(org, number, service);
    let channel = this.channels.get(key);
    if (!channel) {
      channel = {
        id: null,
        mode: this.isIsolated(service) ? 'isolated' : 'shared',
        memberships: new Map(),
        parent: null,
        history: [],
      };
      this.channels.set(key, channel);
    }
    return channel;
  }

  /** Applies a successful connect that created a membership. */
  applyConnect(org: string, number: string, service: string): ModelChannel {
    const channel = this.ensureChannel(org, number, service);
    channel.memberships.set(service, { seq: ++this.#seq, state: 'active' });
    MembershipModel.elect(channel);
    return channel;
  }

  /** R10, R11: disable, enable or remove; returns the parent change, or the refusal. */
  change(
    org: string,
    number: string,
    service: string,
    action: Action,
  ): Outcome<{ parentChange: { from: string | null; to: string | null } | null; members: Member[] }> {
    const channel = this.channel(org, number, service);
    const membership = channel?.memberships.get(service);
    if (!channel || !membership) return { error: 'NOT_CONNECTED' };
    const before = channel.parent;
    if (action === 'remove') channel.memberships.delete(service);
    else membership.state = action === 'disable' ? 'disabled' : 'active';
    MembershipModel.elect(channel);
    const parentChange = before === channel.parent ? null : { from: before, to: channel.parent };
    return { ok: { parentChange, members: MembershipModel.members(channel) } };
  }

  /** R13, R15: an inbound message is stored in every channel of the owning org on the number. */
  receive(number: string, text: string): Outcome<{ deliveredTo: string[]; undelivered: boolean; shared: boolean }> {
    const org = this.owner.get(number);
    if (!org) return { error: 'NOT_CONNECTED' };
    const delivered: string[] = [];
    let shared = false;
    for (const [key, channel] of this.channels) {
      if (!key.startsWith(`${org}|${number}|`)) continue;
      channel.history.push(text);
      shared ||= channel.mode === 'shared';
      for (const member of MembershipModel.members(channel)) delivered.push(member.service);
    }
    delivered.sort();
    return { ok: { deliveredTo: delivered, undelivered: delivered.length === 0, shared } };
  }

  /** Learns the creation order of concurrent connects from the listing (R14) and records it. */
  learnOrder(channel: ModelChannel, created: readonly string[], listing: readonly Member[]): void {
    const order = listing.map((m) => m.service).filter((s) => created.includes(s));
    for (const service of order) {
      channel.memberships.set(service, { seq: ++this.#seq, state: 'active' });
      MembershipModel.elect(channel);
    }
  }
}
