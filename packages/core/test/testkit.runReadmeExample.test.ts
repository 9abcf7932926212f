// The README runner every package's readme test uses: it binds the example's imports to the
// given modules, collects console.log, and refuses what it cannot run with a typed error.
import { describe, expect, it } from 'vitest';
import { normaliseNumber, OneNumberError } from '../src';
import { runReadmeExample } from '../src/adapter/testkit';

const readme = (code: string) =>
  `# Title\n\nSome words.\n\n\`\`\`ts\n${code}\n\`\`\`\n\n\`\`\`ts\nconsole.log('second block is not run');\n\`\`\`\n`;

describe('runReadmeExample', () => {
  it('runs the first ts block with its imports bound, and returns what it logged', async () => {
    const logs = await runReadmeExample(
      readme(
        "import { normaliseNumber } from '@onenumber/core';\nconsole.log(normaliseNumber('+81 3-1234-5678'));\nconsole.log({ ok: await Promise.resolve(true) });",
      ),
      {
        '@onenumber/core': { normaliseNumber },
      },
    );
    expect(logs).toEqual(['+81312345678', '{"ok":true}']);
  });

  it('refuses an import the test does not provide, and a README without an example', async () => {
    const missing = runReadmeExample(readme("import { x } from 'elsewhere';"), {});
    await expect(missing).rejects.toSatisfy(
      (e: unknown) => OneNumberError.isInstance(e) && e.code === 'INVALID_INPUT' && e.message.includes('elsewhere'),
    );
    await expect(runReadmeExample('# no code here', {})).rejects.toSatisfy(
      (e: unknown) => OneNumberError.isInstance(e) && e.message.includes('no ```ts example'),
    );
  });

  it('lets an error the example throws reach the test', async () => {
    await expect(runReadmeExample(readme("throw new TypeError('broken example');"), {})).rejects.toThrow(
      'broken example',
    );
  });
});
