// Runs a README's ```ts example as written: its `import` lines bound to the real modules, its
// console.log lines collected (the example is plain JavaScript, so no build step).
import { readFileSync } from 'node:fs';

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;

export async function runReadme(readmeUrl: URL, modules: Record<string, unknown>): Promise<string[]> {
  const readme = readFileSync(readmeUrl, 'utf8');
  const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!code) throw new Error('README has no ```ts example');
  const body = code.replace(/^import \{([^}]*)\} from '([^']+)';$/gm, (_, names: string, from: string) => {
    if (!(from in modules)) throw new Error(`README imports ${from}, which the test does not provide`);
    return `const {${names}} = __modules[${JSON.stringify(from)}];`;
  });
  const logs: string[] = [];
  const console = { log: (...args: unknown[]) => logs.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')) };
  await new AsyncFunction('__modules', 'console', body)(modules, console);
  return logs;
}
