// The document covers the server: every route the handler mounts is documented (method and path,
// `:param` written `{param}`), every documented operation is mounted, and each operation says
// what a client needs: an operationId, its path parameters, its answer and its refusals.
import { errorCodes, type ErrorCode } from '@onenumber/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createOneNumberHandler, openApiDocument, statusOf } from '../../../src';
import { adminToken } from '../support/server';
import { sqliteDatabase } from '../support/tempFiles';
import { documentedResponse, operationsOf } from './support/documented';

const db = sqliteDatabase();
// The webhook is mounted only when its secrets are known: give them, so that every route is.
const handler = createOneNumberHandler({
  db,
  adminToken,
  logger: () => {},
  whatsapp: { appSecret: 'app-secret', verifyToken: 'verify-token', env: {} },
});
afterAll(() => db.close());

const doc = openApiDocument();
const operations = operationsOf(doc);
const documented = new Set(operations.map(({ method, path }) => `${method} ${path}`));

// Middleware (`use`) is registered as ALL on a wildcard path; an ALL route on a real path answers
// any method there (the webhook's 405 for the ones it does not serve).
const mounted = handler.app.routes
  .filter((route) => !(route.method === 'ALL' && route.path.includes('*')))
  .map((route) => ({ method: route.method.toLowerCase(), path: route.path.replace(/:(\w+)/g, '{$1}') }));

describe('GET /openapi.json covers the mounted routes', () => {
  it('every mounted route is documented', () => {
    const missing = mounted.filter(({ method, path }) =>
      method === 'all' ? !doc.paths[path] : !documented.has(`${method} ${path}`),
    );
    expect(missing).toEqual([]);
    expect(mounted.length).toBeGreaterThanOrEqual(30);
  });

  it('every documented operation is mounted', () => {
    const served = (method: string, path: string) =>
      mounted.some((route) => route.path === path && (route.method === method || route.method === 'all'));
    expect(operations.filter(({ method, path }) => !served(method, path)).map((o) => `${o.method} ${o.path}`)).toEqual(
      [],
    );
  });
});

describe('each operation', () => {
  it('has a unique camelCase operationId, a summary and declared tags', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => !/^[a-z][a-zA-Z0-9]*$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const tags = new Set(doc.tags.map((tag) => tag.name));
    for (const { operation } of operations) {
      expect(operation.summary, operation.operationId).toBeTruthy();
      expect(operation.tags.length, operation.operationId).toBeGreaterThan(0);
      expect(operation.tags.filter((tag: string) => !tags.has(tag as never))).toEqual([]);
    }
  });

  it('declares each {param} of its path as a required path parameter', () => {
    for (const { path, operation } of operations) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (operation.parameters ?? []).filter((p: { in: string }) => p.in === 'path');
      expect(declared.map((p: { name: string }) => p.name).sort(), operation.operationId).toEqual(inPath.sort());
      expect(declared.every((p: { required?: boolean }) => p.required)).toBe(true);
    }
  });

  it('describes every response with a body schema, and every /v1 one lists 401 and its other refusals', () => {
    for (const { method, path, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      expect(
        statuses.filter((s) => /^2/.test(s)),
        operation.operationId,
      ).toHaveLength(1);
      for (const status of statuses) {
        const response = documentedResponse(doc, method, path, Number(status));
        const media = Object.values(response?.content ?? {});
        expect(media.length, `${operation.operationId} ${status}`).toBe(1);
        expect(media[0]?.schema, `${operation.operationId} ${status}`).toBeDefined();
      }
      if (path.startsWith('/v1/'))
        expect(statuses, operation.operationId).toEqual(expect.arrayContaining(['401', '500', '503']));
      if (operation.requestBody) expect(statuses, operation.operationId).toContain('400');
      // Outside /v1 no bearer token (security: []); inside, the document's bearer applies.
      expect(Boolean(operation.security), operation.operationId).toBe(!path.startsWith('/v1/'));
      if (path !== '/health' && path !== '/openapi.json') expect(statuses.some((s) => /^4/.test(s))).toBe(true);
    }
  });

  it('POST /v1/admin/tokens answers 201, as the route does', () => {
    const issue = operations.find(({ operation }) => operation.operationId === 'issueToken');
    expect(Object.keys(issue!.operation.responses)).toEqual(expect.arrayContaining(['201']));
  });

  it('lists each error code under the status statusOf gives it, every code somewhere', () => {
    const codesAt = (method: string, path: string, status: string) => {
      const schema = documentedResponse(doc, method, path, Number(status))?.content?.['application/json']?.schema as {
        properties: { error: { enum: ErrorCode[] } };
      };
      return schema.properties.error.enum;
    };
    const seen = new Set<string>();
    for (const { method, path, operation } of operations) {
      if (path.startsWith('/webhooks/')) continue; // Meta's webhook answers statuses of its own (403, 413)
      for (const status of Object.keys(operation.responses).filter((s) => Number(s) >= 400))
        for (const code of codesAt(method, path, status)) {
          expect(statusOf(code), `${operation.operationId} ${status} ${code}`).toBe(Number(status));
          seen.add(code);
        }
    }
    expect([...seen].sort()).toEqual(Object.keys(errorCodes).sort());
  });

  it('names a server', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });
});
