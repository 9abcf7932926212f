// Issue 9's scenario ops through the real binary: the bundled example passes, and a bad cursor
// label is a typed refusal.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = resolve(__dirname, '../dist/bin.js');
const example = resolve(__dirname, '../../../examples/scenarios/succession-and-replies.json');

describe('issue 9 scenario ops', () => {
  it('can-reply, mark-read, preview-leave, timeline and events pass in the bundled example', async () => {
    const { stdout } = await run(process.execPath, [bin, 'scenario', example, '--json']);
    const doc = JSON.parse(stdout);
    expect(doc.failures).toEqual([]);
    const ops = new Set(doc.steps.map((s: { op: string }) => s.op));
    for (const op of ['can-reply', 'mark-read', 'preview-leave', 'timeline', 'events']) expect(ops.has(op)).toBe(true);
    expect(JSON.stringify(doc.steps.filter((s: { op: string }) => s.op === 'events'))).not.toContain('It ships today.');
  }, 60_000);

  it('an unknown cursor label is UNKNOWN_LABEL, not a crash', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'onenumber-beyond-')), 'label.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'label',
        orgs: [{ id: 'acme', plan: 'zoho-one' }],
        steps: [
          { op: 'connect', service: 'crm', number: '+81312345678' },
          { op: 'events', service: 'crm', after: 'nope', expect: { error: 'UNKNOWN_LABEL' } },
        ],
      }),
    );
    const { stdout } = await run(process.execPath, [bin, 'scenario', file, '--json']);
    expect(JSON.parse(stdout).failures).toEqual([]);
  }, 60_000);
});
