// Real SQLite files in a temp directory per test file, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(label: string) {
  const dir = mkdtempSync(join(tmpdir(), `onenumber-${label}-`));
  let n = 0;
  return {
    dir,
    /** A fresh database file path in the directory. */
    file: (name = 'db') => join(dir, `${name}-${++n}.sqlite`),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
