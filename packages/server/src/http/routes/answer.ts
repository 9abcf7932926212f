// A route's answer, typed by the schema GET /openapi.json documents for it, so that the route and
// the document cannot drift apart unnoticed: `answer` ties them at compile time (no cost per
// request); `answerParsed` also parses at run time, for the admin routes, where a field the schema
// does not name (a token's secret) must never reach the client.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './context';

type Ok = 200 | 201;

/**
 * True when A and B name the same fields (each assignable to the other). A type answered with
 * `answerParsed` states it, so that a field added to the type alone fails to compile instead of
 * being dropped by the parse without a word: `true satisfies SameShape<Type, z.output<typeof schema>>`.
 */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const answer = <S extends z.ZodType>(c: Context<AppEnv>, _schema: S, body: z.output<S>, status: Ok = 200) =>
  c.json(body as never, status);

export const answerParsed = <S extends z.ZodType>(c: Context<AppEnv>, schema: S, body: z.input<S>, status: Ok = 200) =>
  c.json(schema.parse(body) as never, status);
