// Valid request bodies per route, aimed at org acme and service desk: the fuzzer breaks them one
// field at a time, the scope check sends them with the wrong tokens.
import { numberAt } from '../world';

const at = '2026-01-01T00:00:00.000Z';
/** Valid bodies per route, which the generator breaks one field at a time. */
export const valid: Record<string, Record<string, unknown>> = {
  connect: {
    org: 'acme',
    number: numberAt(0),
    service: 'desk',
    mode: 'shared',
    reason: 'bundle',
    at,
  },
  changeMembership: { org: 'acme', number: numberAt(0), service: 'desk', action: 'disable', at },
  findMembership: { org: 'acme', number: numberAt(0), service: 'desk' },
  channelInfo: { org: 'acme', number: numberAt(0) },
  configure: { org: 'acme', channel: 'ch_1', service: 'desk', settings: { displayName: 'x' } },
  receive: {
    number: numberAt(0),
    customer: '+819012345678',
    providerId: 'wamid.f',
    type: 'text',
    text: 'hi',
    raw: null,
    at,
  },
  conversation: { org: 'acme', channel: 'ch_1', customer: '+819012345678' },
  decide: { org: 'acme', channel: 'ch_1', customer: '+819012345678', service: 'desk', agent: 'agent-desk' },
  appendReply: {
    org: 'acme',
    channel: 'ch_1',
    conversation: 'cv_1',
    expectedVersion: 0,
    service: 'desk',
    agent: 'agent-desk',
    agentName: 'x',
    type: 'text',
    text: 'x',
    raw: null,
    assign: true,
    at,
  },
  setAssignment: {
    org: 'acme',
    channel: 'ch_1',
    conversation: 'cv_1',
    expectedVersion: 0,
    service: 'desk',
    agent: 'agent-desk',
    at,
  },
  view: { org: 'acme', channel: 'ch_1', conversation: 'cv_1', service: 'desk' },
  updateStatus: { org: 'acme', message: 'msg_1', status: 'read', error: null, at },
  events: { org: 'acme', service: 'desk', after: '0', limit: 10 },
  timeline: { org: 'acme', channel: 'ch_1', service: 'desk' },
  saveCursor: { org: 'acme', service: 'desk', cursor: '1' },
  loadCursor: { org: 'acme', service: 'desk' },
  note: {
    org: 'acme',
    entry: {
      channel: 'ch_1',
      at,
      what: 'confirmation-requested',
      service: 'desk',
      agent: 'agent-desk',
      from: null,
      to: null,
      message: null,
      status: null,
      why: 'held-in-crm',
    },
  },
};
export const adminRoutes: [string, string, Record<string, unknown>][] = [
  ['PUT', '/v1/admin/orgs', { id: 'acme', plan: 'zoho-one', services: {} }],
  ['PUT', '/v1/admin/agents', { org: 'acme', id: 'agent-desk', name: 'Agent desk', access: ['desk'] }],
  ['PUT', '/v1/admin/numbers', { number: numberAt(0), verified: true }],
  ['POST', '/v1/admin/tokens', { org: 'acme', service: 'desk' }],
];
