// Scoped tokens, for every dialect: random, shown once, stored only as SHA-256, verified by hash,
// revocable.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../../../src/db';
import { at, codeOf } from '../seed';

/** A database, and every row of its tokens table as stored (read past the store). */
export interface TokenWorld {
  db: ServerDatabase;
  storedRows(): Promise<unknown[]>;
}

export function describeTokens(name: string, open: () => Promise<TokenWorld>): void {
  let db: ServerDatabase;
  let storedRows: TokenWorld['storedRows'];
  describe(`tokens: ${name}`, () => {
    beforeEach(async () => {
      ({ db, storedRows } = await open());
    });
    afterEach(async () => {
      await db.close();
    });

    it('issues a 32-byte on_ token that verifies to its principal', async () => {
      const issued = await db.tokens.issue({ kind: 'service', org: 'acme', service: 'desk' }, at());
      expect(issued.token).toMatch(/^on_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(issued.token.slice(3), 'base64url')).toHaveLength(32);
      expect(await db.tokens.verify(issued.token)).toEqual({ kind: 'service', org: 'acme', service: 'desk' });
      const admin = await db.tokens.issue({ kind: 'admin' }, at(1));
      expect(await db.tokens.verify(admin.token)).toEqual({ kind: 'admin' });
      expect(admin.token).not.toBe(issued.token);
    });

    it('stores only the SHA-256 of a token, never the token', async () => {
      const issued = await db.tokens.issue({ kind: 'service', org: 'acme', service: 'crm' }, at());
      const rows = await storedRows();
      expect(JSON.stringify(rows)).not.toContain(issued.token);
      expect(JSON.stringify(rows)).not.toContain(issued.token.slice(3));
      expect(rows).toMatchObject([{ id: issued.id, hash: createHash('sha256').update(issued.token).digest('hex') }]);
    });

    it('refuses unknown, altered and malformed tokens', async () => {
      const issued = await db.tokens.issue({ kind: 'admin' }, at());
      const altered = `${issued.token.slice(0, -1)}${issued.token.endsWith('A') ? 'B' : 'A'}`;
      for (const token of [altered, 'on_short', '', `x${issued.token}`, issued.token.slice(3)])
        expect(await db.tokens.verify(token)).toBeNull();
      expect(await db.tokens.verify(42 as never)).toBeNull();
    });

    it('lists tokens without their secret; a revoked token no longer verifies', async () => {
      const a = await db.tokens.issue({ kind: 'service', org: 'acme', service: 'desk' }, at(1));
      const b = await db.tokens.issue({ kind: 'admin' }, at(2));
      const listed = await db.tokens.list();
      expect(listed).toEqual([
        { id: a.id, principal: a.principal, createdAt: a.createdAt },
        { id: b.id, principal: { kind: 'admin' }, createdAt: b.createdAt },
      ]);
      expect(await db.tokens.revoke(a.id)).toBe(true);
      expect(await db.tokens.revoke(a.id)).toBe(false);
      expect(await db.tokens.verify(a.token)).toBeNull();
      expect(await db.tokens.verify(b.token)).toEqual({ kind: 'admin' });
    });

    it('R27: a bad principal is INVALID_INPUT', async () => {
      expect(await codeOf(db.tokens.issue({ kind: 'service', org: 'acme' } as never, at()))).toBe('INVALID_INPUT');
      expect(await codeOf(db.tokens.issue({ kind: 'root' } as never, at()))).toBe('INVALID_INPUT');
      expect(await codeOf(db.tokens.issue({ kind: 'admin' }, 'now'))).toBe('INVALID_INPUT');
      expect(await db.tokens.list()).toEqual([]);
    });
  });
}
