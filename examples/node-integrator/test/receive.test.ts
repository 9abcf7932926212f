// R34: the push receiver example runs as written: Desk's backend registers its endpoint, verifies
// every delivery with verifyWebhook, and gets the customer's message and CRM's reply masked.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('R34: receives signed deliveries: the message in full, the other service’s reply masked', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [resolve(__dirname, '../receive.mjs')], {
    timeout: 90_000,
  });
  expect(stdout).toMatch(/^subscribed: sub_\w+ active messageReceived,messageSent$/m);
  expect(stdout).toMatch(/^desk received messageReceived \d+: Where is my order\?$/m);
  expect(stdout).toMatch(/^desk received messageSent \d+: \[masked reply from crm\]$/m);
  expect(stdout).not.toContain('It ships today');
}, 120_000);
