// Scoped access: the admin token (env ONENUMBER_ADMIN_TOKEN or an option) may do everything; a
// service token, issued by the admin per (org, service), acts only as that service in that org.
// Tokens are compared by hash in constant time and never logged.
import { createHash, timingSafeEqual } from 'node:crypto';
import { OneNumberError } from '@onenumber/core';
import type { Principal, TokenStore } from '../db/ServerDatabase';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Reads `Authorization: Bearer <token>` and returns who it is, or throws UNAUTHORIZED. */
export function createAuthenticator(adminToken: string, tokens: TokenStore) {
  const admin = digest(adminToken);
  return async function authenticate(header: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S{1,512})\s*$/i.exec(header ?? '');
    if (!match)
      throw new OneNumberError(
        'UNAUTHORIZED',
        'Send a token as "Authorization: Bearer <token>". Ask the server admin for a service token.',
      );
    const token = match[1]!;
    if (timingSafeEqual(digest(token), admin)) return { kind: 'admin' };
    const principal = await tokens.verify(token);
    if (!principal)
      throw new OneNumberError(
        'UNAUTHORIZED',
        'This token is not valid (unknown or revoked). Ask the server admin for a service token.',
      );
    return principal;
  };
}

export function requireAdmin(principal: Principal): void {
  if (principal.kind !== 'admin') throw new OneNumberError('FORBIDDEN', 'Only the admin token may use this route.');
}

/** A service token acts only in its own org and as its own service: every `org` and `service` field must match. */
export function requireScope(principal: Principal, input: { org?: unknown; service?: unknown }): void {
  if (principal.kind === 'admin') return;
  if ('org' in input && input.org !== principal.org) {
    throw new OneNumberError('FORBIDDEN', `This token acts in org "${principal.org}" only.`, { field: 'org' });
  }
  if ('service' in input && input.service !== undefined && input.service !== principal.service) {
    throw new OneNumberError('FORBIDDEN', `This token acts as ${principal.service} only.`, { field: 'service' });
  }
}
