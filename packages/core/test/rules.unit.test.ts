// The pure rule functions, one rule each (the API-level tests are in rules.*.test.ts).
import { describe, expect, it } from 'vitest';
import {
  cataloguePolicy,
  defaultMaskingPolicy,
  errorCodes,
  normaliseCustomer,
  normaliseNumber,
  OneNumberError,
  policyCatalogue,
} from '../src';
import {
  advanceStatus,
  decideEligibility,
  effectivePolicy,
  electParent,
  listMembers,
  projectMessage,
  type StoredMessage,
} from '../src/storage-kit';

describe('eligibility', () => {
  it('R1: a bundle service of a bundle org shares', () => {
    for (const plan of ['zoho-one', 'crm-plus', 'bundle:acme-suite']) {
      expect(decideEligibility({ plan, service: 'desk' })).toEqual({ mode: 'shared', reason: 'bundle' });
    }
  });
  it('R2, R3, R4: finance services are isolated with their own reason, the most specific first', () => {
    expect(decideEligibility({ plan: 'zoho-one', service: 'books' })).toEqual({
      mode: 'isolated',
      reason: 'finance-service',
    });
    expect(decideEligibility({ plan: 'standalone', service: 'payroll', subscription: 'upgraded' }).reason).toBe(
      'finance-service',
    );
    expect(decideEligibility({ plan: 'zoho-one', service: 'desk', extraFinanceServices: ['desk'] }).reason).toBe(
      'finance-service',
    );
  });
  it('R3, R4: upgraded-from-standalone beats standalone; a standalone plan isolates', () => {
    expect(decideEligibility({ plan: 'zoho-one', service: 'campaigns', subscription: 'upgraded' })).toEqual({
      mode: 'isolated',
      reason: 'upgraded-from-standalone',
    });
    expect(decideEligibility({ plan: 'zoho-one', service: 'bigin', subscription: 'standalone' })).toEqual({
      mode: 'isolated',
      reason: 'standalone',
    });
    expect(decideEligibility({ plan: 'standalone', service: 'desk' })).toEqual({
      mode: 'isolated',
      reason: 'standalone',
    });
  });
});

describe('election', () => {
  const m = (service: string, seq: number, state: 'active' | 'disabled' = 'active') => ({ service, seq, state });
  it('R9, R11: the earliest active membership is parent when the parent stops being active', () => {
    expect(electParent([m('crm', 1), m('desk', 2)], null)).toBe('crm');
    expect(electParent([m('crm', 1, 'disabled'), m('desk', 2), m('salesiq', 3)], 'crm')).toBe('desk');
  });
  it('R11: the parent changes only when it stops being active', () => {
    expect(electParent([m('crm', 1), m('desk', 2)], 'desk')).toBe('desk');
  });
  it('R13: nobody active means no parent (closed)', () => {
    expect(electParent([m('crm', 1, 'disabled')], 'crm')).toBeNull();
  });
  it('R14: members are listed parent first, then by creation order, active only', () => {
    expect(listMembers([m('salesiq', 3), m('crm', 1, 'disabled'), m('desk', 2)], 'salesiq')).toEqual([
      { service: 'salesiq', role: 'parent' },
      { service: 'desk', role: 'child' },
    ]);
  });
});

describe('status and masking', () => {
  it('R17: a status only moves forward; failed replaces sent or delivered, never read', () => {
    expect(advanceStatus('sent', 'read')).toBe('read');
    expect(advanceStatus('read', 'delivered')).toBe('read');
    expect(advanceStatus('delivered', 'failed')).toBe('failed');
    expect(advanceStatus('read', 'failed')).toBe('read');
    expect(advanceStatus('failed', 'read')).toBe('failed');
  });
  it('R38: pending < sent < delivered < read; failed replaces pending too; nothing goes back to pending', () => {
    expect(advanceStatus('pending', 'sent')).toBe('sent');
    expect(advanceStatus('pending', 'read')).toBe('read');
    expect(advanceStatus('sent', 'pending')).toBe('sent');
    expect(advanceStatus('delivered', 'sent')).toBe('delivered');
    expect(advanceStatus('pending', 'failed')).toBe('failed');
    expect(advanceStatus('failed', 'sent')).toBe('failed');
    expect(advanceStatus('received', 'sent')).toBe('received');
  });
  const reply: StoredMessage = {
    id: 'm1',
    channel: 'c',
    conversation: 'v',
    direction: 'out',
    service: 'crm',
    agent: 'a',
    agentName: 'Agent A',
    type: 'text',
    text: 'canary-secret',
    raw: { body: 'canary-secret' },
    status: 'delivered',
    error: null,
    providerId: null,
    at: '2026-01-01T00:00:00.000Z',
  };
  it('R17: another service sees existence, time, service and status, not text or agent', () => {
    const seen = projectMessage(reply, 'desk');
    expect(seen).toMatchObject({
      masked: true,
      text: null,
      agent: null,
      agentName: null,
      raw: null,
      service: 'crm',
      status: 'delivered',
    });
    expect(JSON.stringify(seen)).not.toContain('canary-secret');
    expect(projectMessage(reply, 'crm')).toMatchObject({ masked: false, text: 'canary-secret', agent: 'a' });
  });
  it('R18: a policy may show the agent name, never the text', () => {
    expect(projectMessage(reply, 'desk', { showAgentName: true })).toMatchObject({
      agentName: 'Agent A',
      text: null,
      agent: null,
    });
  });
  it("R33: the catalogue: Desk and SalesIQ hide the agent, CRM shows the agent's name, any other service the default", () => {
    expect(cataloguePolicy('desk')).toEqual({ showAgentName: false });
    expect(cataloguePolicy('salesiq')).toEqual({ showAgentName: false });
    expect(cataloguePolicy('crm')).toEqual({ showAgentName: true });
    for (const other of ['books', 'campaigns', 'constructor', 'to-string'])
      expect(cataloguePolicy(other)).toEqual(defaultMaskingPolicy);
    expect(Object.isFrozen(policyCatalogue)).toBe(true);
  });
  it("R33: the admin's override, when there is one, stands over the catalogue (tighter or looser)", () => {
    expect(effectivePolicy('crm', { showAgentName: false })).toEqual({ showAgentName: false });
    expect(effectivePolicy('salesiq', { showAgentName: true })).toEqual({ showAgentName: true });
    expect(effectivePolicy('crm', null)).toEqual({ showAgentName: true });
  });
});

describe('numbers and customers', () => {
  it('Words, R5: business numbers in any common format are kept in E.164; invalid ones are null', () => {
    expect(normaliseNumber('+81 3-1234-5678')).toBe('+81312345678');
    expect(normaliseNumber('+1 (202) 555-0100')).toBe('+12025550100');
    expect(normaliseNumber('0081312345678')).toBe('+81312345678');
    expect(normaliseNumber('not a number')).toBeNull();
    expect(normaliseNumber('03-1234-5678')).toBeNull();
  });
  it('Words: a wa_id gains its +; a business-scoped id is kept exactly', () => {
    expect(normaliseCustomer('447700900123')).toBe('+447700900123');
    expect(normaliseCustomer('+447700900123')).toBe('+447700900123');
    expect(normaliseCustomer('US.13491208655302741918')).toBe('US.13491208655302741918');
  });
});

describe('errors', () => {
  it('R27: every code has a message; isInstance works without instanceof', () => {
    for (const [code, message] of Object.entries(errorCodes)) expect(message.length, code).toBeGreaterThan(10);
    const error = new OneNumberError('NOT_PARENT');
    expect(OneNumberError.isInstance(error)).toBe(true);
    expect(OneNumberError.isInstance({ code: 'NOT_PARENT', message: 'x' })).toBe(false);
    expect(OneNumberError.fromJSON(error.toJSON())).toMatchObject({
      code: 'NOT_PARENT',
      message: errorCodes.NOT_PARENT,
    });
  });
});
