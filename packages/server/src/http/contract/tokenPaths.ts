// Service tokens, admin only (R35): issued per (org, service) with an optional expiry and the
// secret shown once, listed without secrets, rotated under the same id with a grace period for
// the old secret, revoked by id; and the report of this process's counters.
import { issueTokenSchema, rotateTokenSchema } from '../schemas/admin';
import { serverReportSchema } from '../schemas/report';
import { issuedTokenSchema, rotatedTokenSchema, tokenRevokedSchema, tokenSchema } from '../schemas/tokens';
import { idParameter, operation, v1 } from './operation';

const ends =
  'Within a second, on every replica, it is refused (401), and the event streams it opened end with a last comment `: closed: <reason>: ...`.';

export const tokenPaths = () => ({
  '/v1/admin/tokens': {
    post: operation({
      operationId: 'issueToken',
      summary: 'Issue a service token for (org, service); the secret is shown once',
      description: `With \`expiresAt\` (in the future) the token stops being valid then. ${ends}`,
      tags: ['admin'],
      body: issueTokenSchema,
      answer: { status: 201, schema: issuedTokenSchema, description: 'The token, with its secret (shown this once)' },
      refusals: [400, 403, 409, ...v1],
    }),
    get: operation({
      operationId: 'listTokens',
      summary: 'Issued tokens, without their secrets',
      tags: ['admin'],
      answer: { schema: tokenSchema.array(), description: 'Every issued token not revoked (expired ones too)' },
      refusals: [403, ...v1],
    }),
  },
  '/v1/admin/tokens/{id}': {
    delete: operation({
      operationId: 'revokeToken',
      summary: 'Revoke a token: refused (401) from now on, and what it opened ends',
      description: `${ends} A request already running finishes; one whose body was still arriving is refused.`,
      tags: ['admin'],
      parameters: [idParameter('id', 'The token id (`tok_...`), not its secret')],
      answer: { schema: tokenRevokedSchema, description: 'Whether there was such a token' },
      refusals: [400, 403, ...v1],
    }),
  },
  '/v1/admin/tokens/{id}/rotate': {
    post: operation({
      operationId: 'rotateToken',
      summary: 'Replace a token’s secret; the old one is accepted for a grace period (default 1 hour)',
      description: `The answer carries the new secret (shown this once) under the same id. The old secret is accepted for \`graceSeconds\` (3600 by default, 0: not at all); a secret an earlier rotation replaced is dropped at once. When the grace ends, the old secret is refused and the streams it opened end. ${ends}`,
      tags: ['admin'],
      parameters: [idParameter('id', 'The token id (`tok_...`), not its secret')],
      body: rotateTokenSchema,
      answer: { schema: rotatedTokenSchema, description: 'The token with its new secret' },
      refusals: [400, 403, 404, ...v1],
    }),
  },
  '/v1/admin/report': {
    get: operation({
      operationId: 'getServerReport',
      summary: "This process's counters: stored values a read left out (R36), event streams open and ended (R35)",
      tags: ['admin'],
      answer: { schema: serverReportSchema, description: 'Counters since this process started' },
      refusals: [403, ...v1],
    }),
  },
});
