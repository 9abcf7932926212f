// test/.generated: what these tests write (the document, the types generated from it, a tsconfig),
// gitignored; and running a package's CLI with this node, patiently (two shared cores).
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = fileURLToPath(new URL('../../../../', import.meta.url));
export const generatedDir = join(packageDir, 'test', '.generated');

export function writeGenerated(name: string, text: string): string {
  mkdirSync(generatedDir, { recursive: true });
  const file = join(generatedDir, name);
  writeFileSync(file, text);
  return file;
}

const require = createRequire(import.meta.url);

/** The file a package's bin entry points at, e.g. binOf('typescript', 'tsc'). */
export function binOf(pkg: string, bin: string): string {
  const manifest = require.resolve(`${pkg}/package.json`);
  const bins = (require(manifest) as { bin: Record<string, string> }).bin;
  return join(dirname(manifest), bins[bin]!);
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runNode(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd: packageDir, env: { ...process.env, ...env }, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}
