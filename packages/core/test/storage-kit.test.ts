// @onenumber/core/storage-kit: the decisions every storage applies (memory, SQLite, PostgreSQL),
// tested as pure functions, without a storage.
import { describe, expect, it } from 'vitest';
import {
  configureSettings,
  decideConnect,
  decideConversation,
  decideMembershipChange,
  decideStatus,
  deliverInbound,
  eventDrafts,
  holdFor,
  inboundMessage,
  planReply,
  projectEvent,
  projectTimelineEntry,
  replyEffects,
  settleMembership,
  statusEffects,
  type StoredMessage,
} from '../src/storage-kit';

const place = { org: 'acme', channel: 'ch_1', number: '+81312345678', at: '2026-01-01T00:00:00.000Z' };
const member = (service: string, seq: number, state: 'active' | 'disabled' = 'active', showAgentName = false) => ({
  service,
  seq,
  state,
  policy: { showAgentName },
});
const reply: StoredMessage = {
  id: 'msg_1',
  channel: 'ch_1',
  conversation: 'cv_1',
  direction: 'out',
  service: 'crm',
  agent: 'a1',
  agentName: 'Aiko',
  type: 'text',
  text: 'secret',
  raw: { text: 'secret' },
  status: 'sent',
  error: null,
  providerId: null,
  at: place.at,
};

describe('storage-kit', () => {
  it('R17, R18, R20: a reply event is whole for its sender, masked with the policy for the others', () => {
    const change = { type: 'message', message: reply, customer: '+819012345678' } as const;
    const own = projectEvent(place, change, { service: 'crm' });
    const other = projectEvent(place, change, { service: 'desk', policy: { showAgentName: true } });
    expect(own).toMatchObject({ type: 'messageSent', service: 'crm', message: { text: 'secret', agent: 'a1' } });
    expect(other).toMatchObject({ type: 'messageSent', service: 'desk', message: { text: null, agent: null } });
    expect(other.type === 'messageSent' && other.message.agentName).toBe('Aiko');
    expect(JSON.stringify(other)).not.toContain('secret');
  });

  it('R20, R32: an assignment names its agent to its own service only; a failure text reaches its sender only', () => {
    const assigned = {
      type: 'assignmentChanged',
      conversation: 'cv_1',
      customer: 'c',
      subject: 'crm',
      agent: 'a1',
    } as const;
    const [crm, desk] = eventDrafts({ place, change: assigned, recipients: [{ service: 'crm' }, { service: 'desk' }] });
    expect([crm!.body, desk!.body]).toMatchObject([{ agent: 'a1' }, { agent: null }]);
    const decision = decideStatus({
      current: 'sent',
      report: 'failed',
      error: { code: 131047, title: 'Re-engagement message: "secret" quoted' },
    });
    const failed = statusEffects({
      place,
      message: reply,
      decision,
      memberships: [member('crm', 1), member('desk', 2)],
    });
    const bodies = eventDrafts(failed.announcement).map((d) => d.body);
    expect(bodies[0]).toMatchObject({ service: 'crm', error: { title: 'Re-engagement message: "secret" quoted' } });
    expect(JSON.stringify(bodies[1])).not.toContain('secret');
    expect(failed.timeline).toMatchObject({ what: 'status', status: 'failed', message: 'msg_1' });
  });

  it('R17: a status only moves forward; failed keeps its error, another status none', () => {
    const report = (current: StoredMessage['status'], r: 'delivered' | 'read' | 'failed') =>
      decideStatus({ current, report: r, error: { code: 1, title: 'x' } });
    expect(report('read', 'delivered')).toEqual({ changed: false, status: 'read', error: null });
    expect(report('read', 'failed')).toEqual({ changed: false, status: 'read', error: null });
    expect(report('sent', 'delivered')).toMatchObject({ changed: true, status: 'delivered', error: null });
    expect(report('delivered', 'failed')).toMatchObject({ changed: true, status: 'failed', error: { code: 1 } });
  });

  it('R9, R11, R14: settling elects, lists parent first, announces to members and the subject, records why', () => {
    const created = settleMembership({
      place,
      memberships: [member('crm', 1)],
      before: null,
      subject: 'crm',
      action: 'connect',
      fresh: true,
    });
    expect(created.parent).toBe('crm');
    expect(created.announcements.map((a) => a.change)).toMatchObject([
      { type: 'membershipChanged', state: 'active' },
      { type: 'parentChanged', from: null, to: 'crm', cause: 'created' },
    ]);
    const left = settleMembership({
      place,
      memberships: [member('crm', 1, 'disabled'), member('desk', 2), member('salesiq', 3)],
      before: 'crm',
      subject: 'crm',
      action: 'disable',
    });
    expect(left.members).toEqual([
      { service: 'desk', role: 'parent' },
      { service: 'salesiq', role: 'child' },
    ]);
    expect(left.announcements[0]!.recipients.map((r) => r.service)).toEqual(['desk', 'salesiq', 'crm']);
    expect(left.timeline.map((t) => [t.what, t.why])).toEqual([
      ['disabled', 'disable'],
      ['elected', 'parent-disabled'],
    ]);
  });

  it('R5, R8, R10: connect and membership changes refuse or do nothing as the rules say', () => {
    expect(() => decideConnect({ org: 'a', owner: 'b', membership: null })).toThrow(
      expect.objectContaining({ code: 'NUMBER_IN_USE_BY_ANOTHER_ORG' }),
    );
    expect(() => decideConnect({ org: 'a', owner: 'a', membership: { state: 'disabled' } })).toThrow(
      expect.objectContaining({ code: 'MEMBERSHIP_DISABLED' }),
    );
    expect(decideConnect({ org: 'a', owner: 'a', membership: { state: 'active' } })).toBe('keep');
    expect(decideConnect({ org: 'a', owner: null, membership: null })).toBe('join');
    const change = { number: '+1', service: 'desk' };
    expect(decideMembershipChange({ ...change, action: 'enable', membership: { state: 'active' } })).toBeNull();
    expect(decideMembershipChange({ ...change, action: 'remove', membership: { state: 'disabled' } })).toBe('removed');
    expect(() => decideMembershipChange({ ...change, action: 'disable', membership: null })).toThrow(
      expect.objectContaining({ code: 'NOT_CONNECTED' }),
    );
  });

  it('R9, R28: only the parent configures, and only the keys given change', () => {
    const current = { displayName: 'Old', greeting: 'Hi' };
    expect(configureSettings({ parent: 'crm', service: 'crm', current, settings: { displayName: 'New' } })).toEqual({
      displayName: 'New',
      greeting: 'Hi',
    });
    expect(() => configureSettings({ parent: 'crm', service: 'desk', current, settings: {} })).toThrow(
      expect.objectContaining({ code: 'NOT_PARENT' }),
    );
  });

  it('R13, R15: an inbound message reaches the active members by name; a closed channel delivers to nobody', () => {
    const input = {
      number: place.number,
      customer: 'c',
      providerId: 'w1',
      type: 'text',
      text: 'hi',
      raw: {},
      at: place.at,
    };
    const message = { id: 'msg_2', ...inboundMessage(input, 'ch_1', 'cv_1') };
    expect(message).toMatchObject({ direction: 'in', status: 'received', service: null });
    const channel = { id: 'ch_1', org: 'acme', number: place.number, mode: 'shared' as const };
    const open = deliverInbound({
      channel,
      customer: 'c',
      message,
      memberships: [member('salesiq', 1), member('crm', 2), member('desk', 3, 'disabled')],
    });
    expect(open.delivery.services).toEqual(['crm', 'salesiq']);
    const closed = deliverInbound({ channel, customer: 'c', message, memberships: [member('crm', 1, 'disabled')] });
    expect(closed.delivery.services).toEqual([]);
    expect(closed.announcement.recipients).toEqual([]);
  });

  it('R21, R24: a reply that assigns moves the version and assigns its sender first; one that does not only checks it', () => {
    const record = {
      org: 'acme',
      channel: 'ch_1',
      conversation: 'cv_1',
      expectedVersion: 3,
      service: 'crm',
      agent: 'a1',
      agentName: 'Aiko',
      type: 'text',
      text: 'secret',
      raw: null,
      at: place.at,
    };
    expect(planReply({ ...record, assign: false }).versionStep).toBe(0);
    const plan = planReply({ ...record, assign: true });
    expect(plan).toMatchObject({ versionStep: 1, message: { direction: 'out', status: 'sent', service: 'crm' } });
    // R38: where a transport sends replies, pending until the provider accepts it; its event says so.
    const queued = planReply({ ...record, assign: false }, { transport: true }).message;
    expect(queued.status).toBe('pending');
    const change = { type: 'message', message: { id: 'msg_4', ...queued }, customer: 'c' } as const;
    expect(projectEvent(place, change, { service: 'desk' })).toMatchObject({ message: { status: 'pending' } });
    expect(
      projectEvent(place, { ...change, message: { ...change.message, status: 'read' } }, { service: 'crm' }),
    ).toMatchObject({ message: { status: 'sent' } });
    const effects = replyEffects({
      place,
      customer: 'c',
      message: { id: 'msg_3', ...plan.message },
      assign: true,
      memberships: [member('desk', 2), member('crm', 1)],
    });
    expect(effects.assignment?.timeline).toMatchObject({ what: 'assigned', service: 'crm', agent: 'a1', why: 'reply' });
    expect(effects.assignment?.announcement.recipients.map((r) => r.service)).toEqual(['crm', 'desk']);
    expect(effects.announcement.change.type).toBe('message');
  });

  it('R22..R24, R33: decideConversation answers only what the asking agent may see', () => {
    const facts = {
      assignments: [{ service: 'crm', agent: 'holder-id', seq: 4 }],
      activeServices: ['crm', 'desk'],
    };
    const conversation = { id: 'cv_1', version: 3, lastInboundAt: place.at };
    expect(holdFor(facts, 'desk', 'b')).toMatchObject({ service: 'crm', agent: 'holder-id' });
    const holder = { name: 'Hana', access: ['crm', 'desk'] };
    const unnamed = decideConversation({
      conversation,
      facts,
      service: 'desk',
      agent: 'b',
      viewer: { name: 'B', access: ['desk'] },
      holder,
    });
    expect(unnamed).toMatchObject({
      conversation: 'cv_1',
      version: 3,
      assignee: null,
      notice: { service: 'crm', agent: null },
      reply: { ok: false, reason: 'ASSIGNMENT_REQUIRED' },
      assign: { kind: 'assign', confirmed: false },
    });
    expect(JSON.stringify(unnamed)).not.toMatch(/holder-id|Hana/);
    const both = { name: 'C', access: ['desk', 'crm'] };
    const asked = decideConversation({ conversation, facts, service: 'desk', agent: 'c', viewer: both, holder });
    expect(asked.assign).toMatchObject({ kind: 'confirmation-required', notice: { agent: 'Hana' } });
    expect(JSON.stringify(asked)).not.toContain('holder-id');
    const confirmed = decideConversation({
      conversation,
      facts,
      service: 'desk',
      agent: 'c',
      viewer: both,
      holder,
      confirm: true,
    });
    expect(confirmed.assign).toEqual({ kind: 'assign', confirmed: true });
    // Unknown to the directory: no access, named nowhere.
    expect(
      decideConversation({ conversation, facts, service: 'desk', agent: 'z', viewer: null, holder }).notice?.agent,
    ).toBeNull();
  });

  it("R33: a timeline entry names the reader's own agents only", () => {
    const entry = {
      id: '1',
      channel: 'ch_1',
      at: place.at,
      what: 'assigned' as const,
      service: 'crm',
      agent: 'a1',
      from: null,
      to: null,
      message: null,
      status: null,
      why: 'reply',
    };
    expect(projectTimelineEntry(entry, 'crm').agent).toBe('a1');
    expect(projectTimelineEntry(entry, 'desk')).toEqual({ ...entry, agent: null });
    expect(projectTimelineEntry({ ...entry, what: 'joined', agent: null }, 'desk').agent).toBeNull();
  });
});
