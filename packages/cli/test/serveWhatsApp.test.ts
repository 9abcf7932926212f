// `onenumber serve` with the WhatsApp variables set (issue 5): it says the webhook and the sender
// are on (never a secret), answers Meta's subscription challenge, takes a signed delivery and
// refuses an unsigned one; without them it says both are off and the webhook is not served.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

const bin = resolve(__dirname, '../dist/bin.js');
const temp = mkdtempSync(join(tmpdir(), 'onenumber-cli-whatsapp-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const secrets = {
  ONENUMBER_ADMIN_TOKEN: 'cli-whatsapp-admin-token-0123456789',
  WHATSAPP_APP_SECRET: 'cli-app-secret-5f1e0c',
  WHATSAPP_VERIFY_TOKEN: 'cli-verify-token-93ab',
  WHATSAPP_ACCESS_TOKEN: 'EAAG-cli-access-token-7d2c',
};

interface Serve {
  proc: ChildProcessWithoutNullStreams;
  url: string;
  out: string[];
  err: string[];
  exited: Promise<number | null>;
}

/** Spawns `onenumber serve` and resolves once it printed everything it prints at start. */
function serve(env: Record<string, string>): Promise<Serve> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('WHATSAPP_')));
  const proc = spawn(
    process.execPath,
    [bin, 'serve', '--port', '0', '--db', join(temp, `${Object.keys(env).length}-${Date.now()}.db`)],
    { env: { ...clean, ...env }, cwd: temp },
  );
  const out: string[] = [];
  const err: string[] = [];
  const exited = new Promise<number | null>((done) => proc.once('exit', (code) => done(code)));
  createInterface({ input: proc.stderr }).on('line', (line) => err.push(line));
  return new Promise((ready, fail) => {
    createInterface({ input: proc.stdout }).on('line', (line) => {
      out.push(line);
      const url = /listening on (http:\/\/\S+)/.exec(out[0] ?? '')?.[1];
      if (url && out.some((l) => l.startsWith('WhatsApp sender:'))) ready({ proc, url, out, err, exited });
    });
    void exited.then((code) =>
      fail(new Error(`onenumber serve exited (${code}): ${out.join('\n')} ${err.join('\n')}`)),
    );
  });
}

async function stop(server: Serve): Promise<number | null> {
  server.proc.kill('SIGTERM');
  return server.exited;
}

describe('onenumber serve with WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN and WHATSAPP_ACCESS_TOKEN', () => {
  it('says the webhook and the sender are on, answers the challenge, takes a signed delivery; never prints a secret', async () => {
    const server = await serve(secrets);
    try {
      expect(server.out).toContain(
        `WhatsApp webhook: on at ${server.url}/webhooks/whatsapp (the Meta app's callback URL; verify token from WHATSAPP_VERIFY_TOKEN)`,
      );
      expect(server.out).toContain(
        'WhatsApp sender: on (Graph API https://graph.facebook.com v23.0, 80 messages/s per number)',
      );

      const challenge = await fetch(
        `${server.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${secrets.WHATSAPP_VERIFY_TOKEN}&hub.challenge=1158201444`,
      );
      expect(challenge.status).toBe(200);
      expect(await challenge.text()).toBe('1158201444');
      expect(
        (await fetch(`${server.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`))
          .status,
      ).toBe(403);

      const body = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '102290129340398',
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  metadata: { display_phone_number: '81312345678', phone_number_id: '106540352242922' },
                  statuses: [
                    { id: 'wamid.nobody', status: 'read', timestamp: '1767258000', recipient_id: '819012345678' },
                  ],
                },
              },
            ],
          },
        ],
      });
      const signature = `sha256=${createHmac('sha256', secrets.WHATSAPP_APP_SECRET).update(body).digest('hex')}`;
      const post = (headers: Record<string, string>) =>
        fetch(`${server.url}/webhooks/whatsapp`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
      expect((await post({ 'x-hub-signature-256': signature })).status).toBe(200);
      expect((await post({})).status).toBe(401);

      const health = (await (await fetch(`${server.url}/health`)).json()) as { whatsapp: unknown };
      expect(health.whatsapp).toEqual({ webhook: true, sender: true });
    } finally {
      expect(await stop(server)).toBe(0);
    }
    const printed = [...server.out, ...server.err].join('\n');
    for (const [name, value] of Object.entries(secrets)) expect(printed, name).not.toContain(value);
  }, 60_000);

  it('without them, says both are off and does not serve the webhook', async () => {
    const server = await serve({ ONENUMBER_ADMIN_TOKEN: secrets.ONENUMBER_ADMIN_TOKEN });
    try {
      expect(server.out).toContain(
        'WhatsApp webhook: off (WHATSAPP_APP_SECRET and WHATSAPP_VERIFY_TOKEN not set; set both to receive messages)',
      );
      expect(server.out).toContain('WhatsApp sender: off (WHATSAPP_ACCESS_TOKEN not set; set it to send replies)');
      expect(
        (await fetch(`${server.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`)).status,
      ).toBe(404);
    } finally {
      expect(await stop(server)).toBe(0);
    }
  }, 60_000);
});
