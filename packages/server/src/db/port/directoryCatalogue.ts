// Statements on the stored directory (orgs, agents, numbers, WhatsApp phone_number_ids, and the
// admin's masking policy overrides, R33).
import type { Statement } from './statement';

type AgentRow = { org: string; id: string; name: string; access: string };

export interface DirectoryCatalogue {
  orgById: Statement<[id: string], { id: string; plan: string; services: string }>;
  upsertOrg: Statement<[id: string, plan: string, services: string]>;
  agentById: Statement<[org: string, id: string], AgentRow>;
  agentsOf: Statement<[org: string], AgentRow>;
  upsertAgent: Statement<[org: string, id: string, name: string, access: string]>;
  deleteAgent: Statement<[org: string, id: string]>;
  numberByE164: Statement<[number: string], { number: string; verified: boolean }>;
  upsertNumber: Statement<[number: string, verified: 0 | 1]>;
  /** A phone_number_id names one number: moving it releases the old one. */
  releasePhoneNumberId: Statement<[phoneNumberId: string, number: string]>;
  upsertPhoneNumberId: Statement<[number: string, phoneNumberId: string]>;
  numberByPhoneNumberId: Statement<[phoneNumberId: string], { number: string }>;
  phoneNumberIdOf: Statement<[number: string], { phone_number_id: string }>;
  /** R33: the admin's override of a service's policy in an org (JSON), if there is one. */
  policyOverride: Statement<[org: string, service: string], { policy: string }>;
  upsertPolicy: Statement<[org: string, service: string, policy: string]>;
  deletePolicy: Statement<[org: string, service: string]>;
}
