// Driving a store's steps: each request is answered by the runner's `answer`, and a failure is
// thrown back into the steps (so they stop where they are). The synchronous driver never awaits:
// SQLite runs a write whole inside its group commit's savepoint, with nothing interleaved.
import type { Request, Steps } from './steps';

export function drive<T>(steps: Steps<T>, answer: (request: Request) => unknown): T {
  let next = steps.next();
  while (!next.done) {
    let value: unknown;
    try {
      value = answer(next.value);
    } catch (error) {
      next = steps.throw(error);
      continue;
    }
    next = steps.next(value);
  }
  return next.value;
}

export async function driveAsync<T>(steps: Steps<T>, answer: (request: Request) => Promise<unknown>): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    let value: unknown;
    try {
      value = await answer(next.value);
    } catch (error) {
      next = steps.throw(error);
      continue;
    }
    next = steps.next(value);
  }
  return next.value;
}
