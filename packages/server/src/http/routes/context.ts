// What every route shares: the authenticated principal on the context, and body parsing that
// turns bad JSON or a bad shape into INVALID_INPUT naming the field (R27).
import { OneNumberError, parseInput } from '@onenumber/core';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Principal } from '../../db/ServerDatabase';

export type AppEnv = { Variables: { principal: Principal } };

export async function readBody<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new OneNumberError('INVALID_INPUT', 'The request body is not valid JSON.', { field: 'body' });
  }
  return parseInput(schema, body, 'body');
}
