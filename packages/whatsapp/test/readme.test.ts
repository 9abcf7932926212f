// The README's example runs as written (its imports bound to the real modules) and prints what
// its comments say.
import * as core from '@onenumber/core';
import * as memory from '@onenumber/storage-memory';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import * as whatsapp from '../src';

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;

async function runReadme(modules: Record<string, unknown>): Promise<string[]> {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const code = /```ts\n([\s\S]*?)```/.exec(readme)![1]!;
  const body = code.replace(/^import \{([^}]*)\} from '([^']+)';$/gm, (_, names: string, from: string) => {
    if (!(from in modules)) throw new Error(`README imports ${from}, which the test does not provide`);
    return `const {${names}} = __modules[${JSON.stringify(from)}];`;
  });
  const logs: string[] = [];
  const console = { log: (...args: unknown[]) => logs.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')) };
  await new AsyncFunction('__modules', 'console', body)(modules, console);
  return logs;
}

it('README: the simulator example runs: the reply reaches the phone, and Desk sees it masked and read (R17)', async () => {
  const logs = await runReadme({ '@onenumber/core': core, '@onenumber/storage-memory': memory, '@onenumber/whatsapp': whatsapp });
  expect(logs).toEqual([
    '["It ships today."]',
    '[["Where is my order?","received"],[null,"read"]]',
    '1',
  ]);
});
