// Service tokens, admin only: issued per (org, service) with the secret shown once, listed
// without secrets, revoked by id.
import { issueTokenSchema } from '../schemas/admin';
import { issuedTokenSchema, tokenRevokedSchema, tokenSchema } from '../schemas/tokens';
import { idParameter, operation, v1 } from './operation';

export const tokenPaths = () => ({
  '/v1/admin/tokens': {
    post: operation({
      operationId: 'issueToken',
      summary: 'Issue a service token for (org, service); the secret is shown once',
      tags: ['admin'],
      body: issueTokenSchema,
      answer: { status: 201, schema: issuedTokenSchema, description: 'The token, with its secret (shown this once)' },
      refusals: [400, 403, 409, ...v1],
    }),
    get: operation({
      operationId: 'listTokens',
      summary: 'Issued tokens, without their secrets',
      tags: ['admin'],
      answer: { schema: tokenSchema.array(), description: 'Every issued token not revoked' },
      refusals: [403, ...v1],
    }),
  },
  '/v1/admin/tokens/{id}': {
    delete: operation({
      operationId: 'revokeToken',
      summary: 'Revoke a token: it is refused (401) from now on',
      tags: ['admin'],
      parameters: [idParameter('id', 'The token id (`tok_...`), not its secret')],
      answer: { schema: tokenRevokedSchema, description: 'Whether there was such a token' },
      refusals: [400, 403, ...v1],
    }),
  },
});
