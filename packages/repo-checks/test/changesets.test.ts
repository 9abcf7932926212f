// Every changeset parses and names only packages of this workspace with a valid bump, so
// `changeset version` cannot fail on release day (a formatter once broke their frontmatter).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import parse from '@changesets/parse';
import { describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = join(repo, '.changeset');
const names = new Set(
  ['packages', 'examples'].flatMap((top) =>
    readdirSync(join(repo, top), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => {
        try {
          return [JSON.parse(readFileSync(join(repo, top, d.name, 'package.json'), 'utf8')).name as string];
        } catch {
          return [];
        }
      }),
  ),
);
const changesets = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');

describe('changesets', () => {
  it('there are changesets to check', () => {
    expect(changesets.length).toBeGreaterThan(0);
  });

  it.each(changesets)('%s parses and names workspace packages', (file) => {
    const parsed = parse(readFileSync(join(dir, file), 'utf8'));
    expect(parsed.releases.length, `${file} releases no package`).toBeGreaterThan(0);
    for (const release of parsed.releases) {
      expect(names.has(release.name), `${file}: ${release.name} is not a package here`).toBe(true);
      expect(['major', 'minor', 'patch']).toContain(release.type);
    }
    expect(parsed.summary.trim().length, `${file} has no summary`).toBeGreaterThan(0);
  });
});
