// Each README's `npm install` line names every @onenumber package its examples import.
import { describe, expect, it } from 'vitest';
import { checkReadme, checkWorkspaceReadmes, codeBlocks, importedBy, installedBy } from '../src/readmes';

const fence = '```';
const readme = (install: string, code: string) =>
  `# x\n\n${fence}sh\n${install}\n${fence}\n\n${fence}ts\n${code}\n${fence}\n`;

describe('README install lines', () => {
  for (const c of checkWorkspaceReadmes()) {
    it(`${c.file} names what its examples import`, () => {
      expect({ file: c.file, missing: c.missing }).toEqual({ file: c.file, missing: [] });
    });
  }
});

describe('the README check itself', () => {
  it('finds a package imported but not installed', () => {
    const text = readme(
      'npm install @onenumber/core',
      "import { a } from '@onenumber/core';\nimport { b } from '@onenumber/storage-memory';",
    );
    expect(checkReadme('R.md', text).missing).toEqual(['@onenumber/storage-memory']);
  });

  it('passes when every import is installed, subpaths and versions included', () => {
    const text = readme(
      'npm i @onenumber/core@^1.0.0 \\\n  @onenumber/storage-memory',
      "import { t } from '@onenumber/core/testkit';\nconst m = await import('@onenumber/storage-memory');",
    );
    expect(checkReadme('R.md', text)).toMatchObject({
      installs: ['@onenumber/core', '@onenumber/storage-memory'],
      imports: ['@onenumber/core', '@onenumber/storage-memory'],
      missing: [],
    });
  });

  it('reads imports from ts/js blocks only, and finds indented blocks', () => {
    const text = `${fence}json\n{"from": "@onenumber/x"}\n${fence}\n\n- item:\n  ${fence}js\n  const s = require('@onenumber/server');\n  ${fence}\n`;
    expect(codeBlocks(text).map((b) => b.lang)).toEqual(['json', 'js']);
    expect(importedBy(text)).toEqual(['@onenumber/server']);
  });

  it('a README without an install line fails when it imports a package', () => {
    const text = `${fence}ts\nimport { x } from '@onenumber/server';\n${fence}\n`;
    expect(installedBy(text)).toEqual([]);
    expect(checkReadme('R.md', text).missing).toEqual(['@onenumber/server']);
  });
});
