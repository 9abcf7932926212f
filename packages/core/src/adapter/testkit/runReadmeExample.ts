// Runs a README's first ```ts example as written, so that documentation cannot rot: its
// `import { ... } from '...'` lines are bound to the modules the test passes, its console.log
// lines are collected and returned (the examples are plain JavaScript, so no build step).
import { OneNumberError } from '../../errors';

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

export async function runReadmeExample(markdown: string, modules: Record<string, unknown>): Promise<string[]> {
  const code = /```ts\n([\s\S]*?)```/.exec(markdown)?.[1];
  if (!code)
    throw new OneNumberError('INVALID_INPUT', 'The README has no ```ts example to run.', { field: 'markdown' });
  const body = code.replace(/^import \{([^}]*)\} from '([^']+)';$/gm, (_, names: string, from: string) => {
    if (!(from in modules))
      throw new OneNumberError('INVALID_INPUT', `The README imports ${from}, which the test does not provide.`, {
        field: 'modules',
      });
    return `const {${names}} = __modules[${JSON.stringify(from)}];`;
  });
  const logs: string[] = [];
  const console = {
    log: (...args: unknown[]) => logs.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')),
  };
  await new AsyncFunction('__modules', 'console', body)(modules, console);
  return logs;
}
