// R27: the refusals of the document, one response per status in components.responses, each body
// `{ error, message }` with exactly the codes statusOf answers with that status (errorBodyOf).
import type { ErrorCode } from '@onenumber/core';
import { codesOf, errorBodyOf } from '../schemas/errorBody';
import { outputSchema } from './jsonSchema';

const refusalNames = {
  400: ['BadRequest', 'The input does not have the expected shape (the field is named), or a number is not valid'],
  401: ['Unauthorized', 'No token, or one that is unknown, revoked or expired (or an old secret past its grace)'],
  403: ['Forbidden', "The token may not do this: another org or service, an admin route, or an agent's access"],
  404: ['NotFound', 'An unknown org, agent, conversation or message'],
  409: ['Conflict', 'The conversation or record changed meanwhile: read again and retry'],
  422: ['Refused', "A rule's refusal, with its own code"],
  500: ['Internal', 'Something failed on the server; the request changed nothing (never the cause)'],
  501: ['NotSupported', "This server's storage lacks the optional capability (see GET /health)"],
  503: ['Unavailable', 'The database could not be reached or stayed locked: retry'],
} as const;

export type RefusalStatus = keyof typeof refusalNames;

/** Every response carries the storage specification version the server implements. */
export const storageVersionHeader = { 'onenumber-storage-version': { $ref: '#/components/headers/StorageVersion' } };

/** A refusal answered with `codes` (a JSON error body). */
export const refusalResponse = (description: string, codes: readonly ErrorCode[]) => ({
  description,
  headers: storageVersionHeader,
  content: { 'application/json': { schema: outputSchema(errorBodyOf(codes)) } },
});

/** components.responses: one refusal per status. */
export const refusalComponents = () =>
  Object.fromEntries(
    Object.entries(refusalNames).map(([status, [name, description]]) => [
      name,
      refusalResponse(description, codesOf(Number(status))),
    ]),
  );

/** An operation's refusals, by reference. */
export const refusals = (statuses: readonly RefusalStatus[]) =>
  Object.fromEntries(
    [...statuses]
      .sort()
      .map((status) => [String(status), { $ref: `#/components/responses/${refusalNames[status][0]}` }]),
  );
