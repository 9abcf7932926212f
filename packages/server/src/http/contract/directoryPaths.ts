// The directory's read side for services (POST /v1/directory/*: the Directory port that
// createHttpDirectory mirrors), and its write side for the admin (PUT and POST /v1/admin/*).
import {
  agentEntrySchema,
  agentQuerySchema,
  directoryContentsSchema,
  numberAdminSchema,
  numberQuerySchema,
  orgEntrySchema,
  orgQuerySchema,
} from '../schemas/admin';
import { maskingPolicySchema, serviceSchema } from '@onenumber/core/schemas';
import {
  agentRemovedSchema,
  agentResultSchema,
  directoryLoadedSchema,
  numberResultSchema,
  orgResultSchema,
  policyResultSchema,
} from '../schemas/directory';
import { inputSchema } from './jsonSchema';
import { idParameter, operation, v1, type Parameter } from './operation';

const serviceParameter: Parameter = {
  name: 'service',
  in: 'path',
  required: true,
  description: 'The service id (e.g. crm)',
  schema: inputSchema(serviceSchema),
};
const policyParameters = [idParameter('org', 'The org id'), serviceParameter];

const adminWrite = [400, 403, 409, ...v1] as const;

export const directoryPaths = () => ({
  '/v1/directory/org': {
    post: operation({
      operationId: 'directoryOrg',
      summary: "An org's entry, or null (a service token: its own org only)",
      tags: ['directory'],
      body: orgQuerySchema,
      answer: { schema: orgResultSchema.nullable(), description: 'The org entry, or null' },
      refusals: [400, 403, ...v1],
    }),
  },
  '/v1/directory/agent': {
    post: operation({
      operationId: 'directoryAgent',
      summary:
        "An agent of the token's org, or null (a service token: 403 for an agent without access to its service, R33)",
      tags: ['directory'],
      body: agentQuerySchema,
      answer: { schema: agentResultSchema.nullable(), description: 'The agent entry, or null' },
      refusals: [400, 403, ...v1],
    }),
  },
  '/v1/directory/number': {
    post: operation({
      operationId: 'directoryNumber',
      summary: 'The facts about a business number (any format), or null when nothing is known',
      tags: ['directory'],
      body: numberQuerySchema,
      answer: { schema: numberResultSchema.nullable(), description: 'The number entry (E.164), or null' },
      refusals: [400, ...v1],
    }),
  },
  '/v1/admin/orgs': {
    put: operation({
      operationId: 'setOrg',
      summary: 'Set an org: plan and service subscriptions',
      tags: ['admin'],
      body: orgEntrySchema,
      answer: { schema: orgResultSchema, description: 'The org as stored' },
      refusals: [...adminWrite],
    }),
  },
  '/v1/admin/agents': {
    put: operation({
      operationId: 'setAgent',
      summary: 'Set an agent: name and access',
      tags: ['admin'],
      body: agentEntrySchema,
      answer: { schema: agentResultSchema, description: 'The agent as stored' },
      refusals: [...adminWrite],
    }),
  },
  '/v1/admin/numbers': {
    put: operation({
      operationId: 'setNumber',
      summary: 'Set a number: verification, and the WhatsApp phone_number_id that routes its webhook deliveries',
      tags: ['admin'],
      body: numberAdminSchema,
      answer: { schema: numberResultSchema, description: 'The number as stored, in E.164' },
      refusals: [...adminWrite],
    }),
  },
  '/v1/admin/directory': {
    post: operation({
      operationId: 'loadDirectory',
      summary: 'Load orgs, agents and numbers at once (every number checked before anything is written)',
      tags: ['admin'],
      body: directoryContentsSchema,
      answer: { schema: directoryLoadedSchema, description: 'How many entries of each kind were written' },
      refusals: [...adminWrite],
    }),
  },
  '/v1/admin/orgs/{org}/agents': {
    get: operation({
      operationId: 'listAgents',
      summary: "An org's agents",
      tags: ['admin'],
      parameters: [idParameter('org', 'The org id')],
      answer: { schema: agentResultSchema.array(), description: "The org's agents" },
      refusals: [400, 403, ...v1],
    }),
  },
  '/v1/admin/orgs/{org}/agents/{id}': {
    delete: operation({
      operationId: 'removeAgent',
      summary: 'Remove an agent',
      tags: ['admin'],
      parameters: [idParameter('org', 'The org id'), idParameter('id', 'The agent id')],
      answer: { schema: agentRemovedSchema, description: 'Whether there was such an agent' },
      refusals: [...adminWrite],
    }),
  },
  '/v1/admin/orgs/{org}/policies/{service}': {
    get: operation({
      operationId: 'getPolicy',
      summary: "R33: a service's masking policy in an org: the admin's override, else the catalogue's",
      tags: ['admin'],
      parameters: policyParameters,
      answer: { schema: policyResultSchema, description: 'The policy in force and its source' },
      refusals: [400, 403, ...v1],
    }),
    put: operation({
      operationId: 'setPolicy',
      summary:
        "R33: override a service's masking policy in an org (tighter or looser); views apply it at once, events from then on",
      tags: ['admin'],
      parameters: policyParameters,
      body: maskingPolicySchema,
      answer: { schema: policyResultSchema, description: 'The policy in force afterwards' },
      refusals: [...adminWrite],
    }),
    delete: operation({
      operationId: 'clearPolicy',
      summary: "R33: remove the override: the service's policy in the org is the catalogue's again",
      tags: ['admin'],
      parameters: policyParameters,
      answer: { schema: policyResultSchema, description: 'The policy in force afterwards' },
      refusals: [...adminWrite],
    }),
  },
});
