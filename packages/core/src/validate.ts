// R27: input that fails its schema is INVALID_INPUT, naming the field, before anything is touched.
import type { z } from 'zod';
import { OneNumberError } from './errors';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // An unknown key is the field to name, not the object that holds it (R27, R28).
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
  const field = path.map(String).join('.') || what;
  // A custom issue may carry one of our codes (e.g. INVALID_NUMBER from the number schema).
  const code = (issue as { params?: { code?: string } }).params?.code;
  if (code === 'INVALID_NUMBER') {
    throw new OneNumberError('INVALID_NUMBER', `${field}: ${issue.message}`, { field });
  }
  throw new OneNumberError('INVALID_INPUT', `${field}: ${issue.message}`, { field });
}
