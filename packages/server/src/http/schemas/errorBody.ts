// R27: the body of every refusal, `{ error, message }` with a stable code, narrowed to the codes
// a status carries (statusOf decides each code's status, so the document follows it).
import { errorCodes, type ErrorCode } from '@onenumber/core';
import { z } from 'zod';
import { statusOf } from '../errors';

/** The codes answered with `status`, in the order core declares them. */
export const codesOf = (status: number): ErrorCode[] =>
  (Object.keys(errorCodes) as ErrorCode[]).filter((code) => statusOf(code) === status);

export const errorBodyOf = (codes: readonly ErrorCode[]) =>
  z.object({
    error: z.enum(codes as [ErrorCode, ...ErrorCode[]]),
    /** For a person: what happened and what to do. Never parse it; the code is the contract. */
    message: z.string(),
    /** The input field the refusal is about, when there is one. */
    field: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  });
