// `npx onenumber ...` from the repository root (issue 3): npm links the package's bin at install
// time, before anything is built, so the bin must be a committed file. This runs the linked
// command, the one npx finds, exactly as a person would after `npm ci` and a build.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(__dirname, '../../..');
const linked = join(root, 'node_modules/.bin/onenumber');
const scenario = resolve(root, 'examples/scenarios/membership-table.json');

describe('npx onenumber from the repository root', () => {
  it('the linked command points at the committed bin, not at build output', () => {
    expect(existsSync(linked)).toBe(true);
    expect(readlinkSync(linked)).toMatch(/cli\/bin\/onenumber\.js$/);
  });

  it('runs an example scenario through the linked command', async () => {
    const { stdout } = await run(linked, ['scenario', scenario, '--json'], { cwd: root });
    const report = JSON.parse(stdout) as { name: string; steps: unknown[]; failures: unknown[] };
    expect(report.name).toContain('parent election');
    expect(report.steps.length).toBeGreaterThan(5);
    expect(report.failures).toEqual([]);
  }, 60_000);

  it('before a build, says what to run instead of failing with a missing module', async () => {
    const unbuilt = mkdtempSync(join(tmpdir(), 'onenumber-unbuilt-'));
    mkdirSync(join(unbuilt, 'bin'));
    writeFileSync(join(unbuilt, 'package.json'), '{"type":"module"}');
    copyFileSync(resolve(__dirname, '../bin/onenumber.js'), join(unbuilt, 'bin/onenumber.js'));
    const failed = await run(process.execPath, [join(unbuilt, 'bin/onenumber.js'), 'scenario']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain('Run `npm run build`');
  });
});
