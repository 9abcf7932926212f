// The example scenarios (examples/scenarios) through the real `onenumber` binary, and the CLI's
// contract (docs/scenarios.md).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = resolve(__dirname, '../dist/bin.js');
const examples = resolve(__dirname, '../../../examples/scenarios');
const files = readdirSync(examples)
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(examples, f));

async function onenumber(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'onenumber-cli-')), name);
  writeFileSync(path, content);
  return path;
}

describe('onenumber scenario', () => {
  it('passes every example scenario on memory storage, with readable tables', async () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    const { code, stdout, stderr } = await onenumber('scenario', ...files);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain("parent election: the article's membership table");
    expect(stdout).toMatch(/members=\[salesiq\*,desk,crm\]\s+pass/);
  }, 60_000);

  it('--json prints one document per file with steps and failures', async () => {
    const { code, stdout } = await onenumber('scenario', files[0]!, '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ name: expect.any(String), failures: [] });
    expect(doc.steps[0]).toMatchObject({ op: 'connect', result: { mode: expect.any(String) } });
    const many = JSON.parse((await onenumber('scenario', ...files, '--json')).stdout);
    expect(many).toHaveLength(files.length);
  }, 60_000);

  it('exits 1 and lists the failure when an expect does not match', async () => {
    const file = tempFile(
      'wrong.json',
      JSON.stringify({
        name: 'wrong expectation',
        orgs: [{ id: 'acme', plan: 'zoho-one' }],
        steps: [{ op: 'connect', service: 'crm', number: '+81312345678', expect: { role: 'child' } }],
      }),
    );
    const { code, stderr, stdout } = await onenumber('scenario', file);
    expect(code).toBe(1);
    expect(stderr).toContain('step 0 role: expected "child", got "parent"');
    expect(stdout).toContain('FAIL');
  }, 60_000);

  it('exits 2 naming the file and the bad field, with no stack trace', async () => {
    const file = tempFile(
      'bad.json',
      JSON.stringify({ name: 'bad', orgs: [{ id: 'acme', plan: 'zoho-one' }], steps: [{ op: 'connect', number: 5 }] }),
    );
    const { code, stderr } = await onenumber('scenario', file);
    expect(code).toBe(2);
    expect(stderr).toContain('bad.json');
    expect(stderr).toMatch(/field "steps\[0\]\.(service|number)"/);
    expect(stderr).not.toMatch(/\n\s+at /);
    const notJson = tempFile('broken.json', '{ nope');
    expect((await onenumber('scenario', notJson)).stderr).toContain('not valid JSON');
    const mixed = await onenumber('scenario', files[0]!, file);
    expect(mixed.code).toBe(2);
  }, 60_000);

  it('a refused step is a result, not a crash, and fails unless expected', async () => {
    const file = tempFile(
      'refused.json',
      JSON.stringify({
        name: 'refused',
        orgs: [{ id: 'acme', plan: 'zoho-one' }],
        steps: [
          { op: 'status', message: 'nope', status: 'read' },
          { op: 'status', message: 'nope', status: 'read', expect: { error: 'UNKNOWN_LABEL' } },
        ],
      }),
    );
    const { code, stderr } = await onenumber('scenario', file, '--json');
    expect(code).toBe(1);
    expect(stderr).toContain('step 0 error');
    expect(stderr).not.toContain('step 1');
  }, 60_000);

  it('a storage this build does not have exits 2 saying so', async () => {
    const { code, stderr } = await onenumber('scenario', files[0]!, '--storage', 'nosuch');
    expect(code).toBe(2);
    expect(stderr).toContain('--storage must be one of');
  }, 60_000);
});
