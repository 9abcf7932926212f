// A clone must stand on its own: nothing tracked may refer to a folder beside the repository
// (the team's workshop lives there on our machines, never on a user's).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
// Built from parts so that this file does not match itself.
const workshop = 'sha' + 'red';
const outside = new RegExp(
  [
    `\\.\\./${workshop}\\b`,
    `\\b${workshop}/(spec|scenarios|tools|guides|seed)\\b`,
    // The workshop's own file names: the repository's rules live in docs/rules.md.
    `\\b(behavio${'u'}r|whatsapp-cloud-api)\\.md\\b`,
  ].join('|'),
);

/** Lines of tracked (and untracked, not ignored) text files that match `pattern`. */
function referencesIn(root: string, pattern: RegExp): string[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter((f) => f && f !== 'package-lock.json');
  const found: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(root, file), 'utf8');
    } catch {
      continue; // listed but deleted in the working tree
    }
    if (text.includes('\0')) continue; // binary
    text.split('\n').forEach((line, i) => {
      if (pattern.test(line)) found.push(`${file}:${i + 1}: ${line.trim().slice(0, 160)}`);
    });
  }
  return found;
}

describe('the repository stands on its own', () => {
  it('no tracked file refers to a folder beside the clone', () => {
    expect(referencesIn(repo, outside)).toEqual([]);
  });

  it('the check finds such a reference', () => {
    expect(outside.test(`see ../${workshop}/spec/rules`)).toBe(true);
    expect(outside.test(`node ../${workshop}/tools/layers.mjs`)).toBe(true);
    expect(outside.test(`read ${workshop}/scenarios/eligibility.json`)).toBe(true);
    expect(outside.test('as whatsapp-cloud' + '-api.md says')).toBe(true);
    expect(outside.test('src/db/common/rows.ts and a shared channel, docs/rules.md, docs/scenarios.md')).toBe(false);
  });
});
