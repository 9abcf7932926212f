// Scoped access: the admin token (env ONENUMBER_ADMIN_TOKEN or an option) may do everything; a
// service token, issued by the admin per (org, service), acts only as that service in that org.
// Tokens are compared by hash in constant time and never logged. R35: a token past its expiry,
// or an old secret past its rotation's grace, is refused like a revoked one, saying why.
import { createHash, timingSafeEqual } from 'node:crypto';
import { OneNumberError } from '@onenumber/core';
import type { Principal, TokenCheck, TokenEnded, TokenGrant, TokenStore } from '../db/ServerDatabase';

const digest = (value: string) => createHash('sha256').update(value).digest();

export interface Authenticated {
  principal: Principal;
  /** A stored token's grant (null for the admin token from the options: never revoked). */
  grant: TokenGrant | null;
}

const askAdmin = 'Ask the server admin for a service token.';

/** The refusal for a check that did not grant, in words a person understands. */
export function refusalOf(check: Exclude<TokenCheck, { ok: true }>): OneNumberError {
  if (check.reason === 'expired')
    return new OneNumberError('UNAUTHORIZED', `This token expired at ${check.at}. ${askAdmin}`);
  if (check.reason === 'rotated')
    return new OneNumberError(
      'UNAUTHORIZED',
      `This token's secret was replaced (rotated) and was accepted until ${check.at}. Use the new secret.`,
    );
  return new OneNumberError('UNAUTHORIZED', `This token is not valid (unknown or revoked). ${askAdmin}`);
}

/**
 * Reads `Authorization: Bearer <token>` and returns who it is, or throws UNAUTHORIZED.
 * `onExpired` hears each refusal of an expired token (to log it).
 */
export function createAuthenticator(
  adminToken: string,
  tokens: TokenStore,
  onExpired: (check: TokenEnded) => void = () => {},
) {
  const admin = digest(adminToken);
  return async function authenticate(header: string | undefined): Promise<Authenticated> {
    const match = /^Bearer\s+(\S{1,512})\s*$/i.exec(header ?? '');
    if (!match)
      throw new OneNumberError('UNAUTHORIZED', `Send a token as "Authorization: Bearer <token>". ${askAdmin}`);
    const token = match[1]!;
    if (timingSafeEqual(digest(token), admin)) return { principal: { kind: 'admin' }, grant: null };
    const check = await tokens.check(token);
    if (check.ok) return { principal: check.grant.principal, grant: check.grant };
    if (check.reason === 'expired') onExpired(check);
    throw refusalOf(check);
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
