// Service tokens as the admin routes show them: the secret once, when issued or rotated; never
// when listed (only its hash is stored). GET /v1/admin/tokens parses its answer with tokenSchema,
// so a field the schema does not name (a secret) cannot reach the client.
import { z } from 'zod';
import { instantSchema, named } from './named';

export const principalSchema = named(
  'Principal',
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('admin') }),
    z.object({ kind: z.literal('service'), org: z.string(), service: z.string() }),
  ]),
  'What a token may do: everything (admin), or act as one service in one org',
);

export const tokenSchema = named(
  'Token',
  z.object({
    id: z.string(),
    principal: principalSchema,
    createdAt: instantSchema,
    /** R35: past this it is refused everywhere, and the streams it opened end. Absent: valid until revoked. */
    expiresAt: instantSchema.optional(),
    /** When its secret was last replaced (POST /v1/admin/tokens/{id}/rotate). */
    rotatedAt: instantSchema.optional(),
    /** Until when the secret the last rotation replaced is still accepted. */
    previousValidUntil: instantSchema.optional(),
  }),
  'An issued token, without its secret',
);

export const issuedTokenSchema = named(
  'IssuedToken',
  tokenSchema.extend({
    /** The secret: shown this once. Send it as `Authorization: Bearer <token>`. */
    token: z.string(),
  }),
  'A token just issued, with its secret (shown once)',
);

export const rotatedTokenSchema = named(
  'RotatedToken',
  issuedTokenSchema.extend({ rotatedAt: instantSchema }),
  'A token whose secret was just replaced: the new secret (shown once), the same id',
);

export const tokenRevokedSchema = named('TokenRevoked', z.object({ revoked: z.boolean() }));
