// The integrator's script runs as written, end to end, against a real server.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('connects two services, receives, replies, and shows the reply masked to the other', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [resolve(__dirname, '../integrate.mjs')], {
    timeout: 90_000,
  });
  expect(stdout).toMatch(/crm connects:.*role: 'parent'/s);
  expect(stdout).toMatch(/desk connects:.*role: 'child'/s);
  expect(stdout).toContain('desk received: Where is my order?');
  expect(stdout).toContain('desk view: in Where is my order?');
  expect(stdout).toContain('desk view: out [masked reply from crm]');
  expect(stdout).not.toContain('It ships today');
  expect(stdout).toContain('desk notice: This conversation is assigned to another agent in Zoho CRM');
}, 120_000);
