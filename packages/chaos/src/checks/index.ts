// Every reliability check with its full size (`npm run chaos`) and its reduced size (`npm test`),
// each size also in words (the reduced test names say what they run).
import type { CheckResult, Progress } from '../report';
import { crash } from './crash';
import { fuzz } from './fuzz';
import { leaks } from './leaks';
import { load } from './load';
import { poisonCheck } from './poison';
import { push } from './push';
import { races } from './races';
import { revocation } from './revocation';
import { scope } from './scope';

export interface Check {
  name: string;
  full: (progress: Progress) => Promise<CheckResult>;
  reduced: (progress: Progress) => Promise<CheckResult>;
  /** The reduced size in words. */
  reducedSize: string;
}

export const checks: Check[] = [
  {
    name: 'races',
    full: (p) => races({ rounds: 200, ops: 4, seed: 1 }, p),
    reduced: (p) => races({ rounds: 15, ops: 4, seed: 2 }, p),
    reducedSize: '3 processes x 15 rounds',
  },
  {
    name: 'fuzz',
    full: (p) => fuzz({ runs: 10_000, seed: 7 }, p),
    reduced: (p) => fuzz({ runs: 240, seed: 8 }, p),
    reducedSize: '240 inputs',
  },
  {
    name: 'scope',
    full: (p) => scope({}, p),
    reduced: (p) => scope({}, p),
    reducedSize: 'every route x 4 principals, as in full',
  },
  {
    name: 'leaks',
    full: (p) => leaks({ customers: 30, replies: 6 }, p),
    reduced: (p) => leaks({ customers: 3, replies: 3 }, p),
    reducedSize: '3 customers x 3 replies, 3 services',
  },
  {
    name: 'crash',
    full: (p) => crash({ messages: 10_000, kills: 20, seed: 11 }, p),
    reduced: (p) => crash({ messages: 300, kills: 3, customers: 10, seed: 12 }, p),
    reducedSize: '300 messages / 3 kills',
  },
  {
    name: 'load',
    full: (p) => load({ rate: 1000, seconds: 60, numbers: 20, burst: 400, seed: 5 }, p),
    reduced: (p) => load({ rate: 200, seconds: 5, numbers: 4, burst: 120, seed: 6 }, p),
    reducedSize: '200 msgs/s for 5 s over 4 numbers, a 120-reply burst',
  },
  {
    name: 'poison',
    full: (p) => poisonCheck({ inputs: 3_000, readEvery: 100, seed: 21 }, p),
    reduced: (p) => poisonCheck({ inputs: 150, readEvery: 50, seed: 22 }, p),
    reducedSize: '150 poisoned bodies, reads every 50',
  },
  {
    name: 'revocation',
    full: (p) => revocation({ tokens: 48, seconds: 20, writesPerSecond: 100, seed: 31, postgres: true }, p),
    reduced: (p) => revocation({ tokens: 8, seconds: 4, writesPerSecond: 30, seed: 32, postgres: true }, p),
    reducedSize: '8 tokens over 4 s at 30 writes/s, on SQLite (1 and 2 processes) and 2 PostgreSQL replicas',
  },
  {
    name: 'push',
    full: (p) => push({ messages: 3_000, customers: 50, seed: 41 }, p),
    reduced: (p) => push({ messages: 120, customers: 8, seed: 42 }, p),
    reducedSize: '120 messages from 8 customers to 3 subscriptions, 30% failing, 10% slow',
  },
];
