// Service tokens, admin only (R35): issued per (org, service) with an optional expiry, the secret
// shown once; listed without secrets; rotated (a new secret under the same id, the old one
// accepted for a grace period); revoked. Each change is a structured log line, never a secret.
// What a token opened ends when it stops being valid: see security/tokenSessions.ts.
import { OneNumberError } from '@onenumber/core';
import type { Hono } from 'hono';
import type { z } from 'zod';
import type { IssuedToken, RotatedToken, ServerDatabase } from '../../db/ServerDatabase';
import { requireAdmin } from '../auth';
import { whoOf, type LogSecurity } from '../security/securityLog';
import { issueTokenSchema, rotateTokenSchema } from '../schemas/admin';
import { idSchema } from '../schemas/records';
import { issuedTokenSchema, rotatedTokenSchema, tokenRevokedSchema, tokenSchema } from '../schemas/tokens';
import { answer, answerParsed, type SameShape } from './answer';
import { readBody, type AppEnv } from './context';

// The token routes parse their answers (a listed token never carries its secret): same fields.
true satisfies SameShape<IssuedToken, z.output<typeof issuedTokenSchema>>;
true satisfies SameShape<RotatedToken, z.output<typeof rotatedTokenSchema>>;

const tokenId = (value: string | undefined) => {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw new OneNumberError('INVALID_INPUT', 'id: not a valid token id', { field: 'id' });
  return parsed.data;
};

function inTheFuture(expiresAt: string | null | undefined): void {
  if (expiresAt && Date.parse(expiresAt) <= Date.now())
    throw new OneNumberError('INVALID_INPUT', `expiresAt: ${expiresAt} has passed; give a time in the future.`, {
      field: 'expiresAt',
    });
}

export function tokenRoutes(app: Hono<AppEnv>, db: ServerDatabase, log: LogSecurity): void {
  const { tokens } = db;

  app.post('/v1/admin/tokens', async (c) => {
    requireAdmin(c.var.principal);
    const { org, service, expiresAt } = await readBody(c, issueTokenSchema);
    inTheFuture(expiresAt);
    const issued = await tokens.issue({ kind: 'service', org, service }, new Date().toISOString(), { expiresAt });
    log({
      security: 'token.issued',
      tokenId: issued.id,
      org,
      service,
      ...(issued.expiresAt ? { expiresAt: issued.expiresAt } : {}),
    });
    return answerParsed(c, issuedTokenSchema, issued, 201);
  });

  app.get('/v1/admin/tokens', async (c) => {
    requireAdmin(c.var.principal);
    return answerParsed(c, tokenSchema.array(), await tokens.list());
  });

  app.post('/v1/admin/tokens/:id/rotate', async (c) => {
    requireAdmin(c.var.principal);
    const id = tokenId(c.req.param('id'));
    const { graceSeconds, expiresAt } = await readBody(c, rotateTokenSchema);
    inTheFuture(expiresAt);
    const rotated = await tokens.rotate(id, { at: new Date().toISOString(), graceMs: graceSeconds * 1000, expiresAt });
    if (!rotated)
      throw new OneNumberError('NOT_FOUND', `No token "${id}" (never issued, or revoked).`, { field: 'id' });
    log({
      security: 'token.rotated',
      tokenId: id,
      ...whoOf(rotated.principal),
      graceSeconds,
      ...(rotated.previousValidUntil ? { previousValidUntil: rotated.previousValidUntil } : {}),
      ...(rotated.expiresAt ? { expiresAt: rotated.expiresAt } : {}),
    });
    return answerParsed(c, rotatedTokenSchema, rotated);
  });

  app.delete('/v1/admin/tokens/:id', async (c) => {
    requireAdmin(c.var.principal);
    const id = tokenId(c.req.param('id'));
    const known = await tokens.get(id);
    const revoked = await tokens.revoke(id);
    if (revoked) log({ security: 'token.revoked', tokenId: id, ...(known ? whoOf(known.principal) : {}) });
    return answer(c, tokenRevokedSchema, { revoked });
  });
}
