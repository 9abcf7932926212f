// Every reliability check with its full size (`npm run chaos`) and its reduced size (`npm test`).
import type { CheckResult, Progress } from '../report';
import { fuzz } from './fuzz';
import { leaks } from './leaks';
import { races } from './races';
import { scope } from './scope';

export interface Check {
  name: string;
  full: (progress: Progress) => Promise<CheckResult>;
  reduced: (progress: Progress) => Promise<CheckResult>;
}

export const checks: Check[] = [
  { name: 'races', full: (p) => races({ rounds: 200, ops: 4, seed: 1 }, p), reduced: (p) => races({ rounds: 15, ops: 4, seed: 2 }, p) },
  { name: 'fuzz', full: (p) => fuzz({ runs: 10_000, seed: 7 }, p), reduced: (p) => fuzz({ runs: 240, seed: 8 }, p) },
  { name: 'scope', full: (p) => scope({}, p), reduced: (p) => scope({}, p) },
  { name: 'leaks', full: (p) => leaks({ customers: 30, replies: 6 }, p), reduced: (p) => leaks({ customers: 3, replies: 3 }, p) },
];
