// PostgreSQL through the real `onenumber` binary (issue 10): every example scenario on
// `--storage postgres` gives the same report as on memory; `onenumber migrate` applies the
// migrations once and then says it is up to date (SQLite file and PostgreSQL URL);
// `onenumber serve --db postgres://...` serves, never prints the password, and stops on SIGTERM.
// The database is ONENUMBER_TEST_DATABASE_URL when set, else the CLI's own embedded PostgreSQL.
import { execFile, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endRun } from '../src/scenario/backend';
import { embeddedPostgres } from '../src/scenario/embeddedPostgres';

const run = promisify(execFile);
const bin = resolve(__dirname, '../dist/bin.js');
const examples = resolve(__dirname, '../../../examples/scenarios');
const files = readdirSync(examples)
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(examples, f));
const temp = mkdtempSync(join(tmpdir(), 'onenumber-cli-pg-'));
let url = '';

beforeAll(async () => {
  url = process.env.ONENUMBER_TEST_DATABASE_URL ?? (await embeddedPostgres()).url;
}, 120_000);
afterAll(async () => {
  await endRun();
  rmSync(temp, { recursive: true, force: true });
});

async function onenumber(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('onenumber scenario --storage postgres', () => {
  it('passes every example scenario with the same report as memory (own embedded PostgreSQL, stopped at the end)', async () => {
    const memory = await onenumber(['scenario', ...files, '--json']);
    const postgres = await onenumber(['scenario', ...files, '--json', '--storage', 'postgres'], {
      ONENUMBER_DATABASE_URL: '',
    });
    expect(postgres.stderr).toBe('');
    expect(postgres.code).toBe(0);
    expect(JSON.parse(postgres.stdout)).toEqual(JSON.parse(memory.stdout));
  }, 240_000);

  it('uses ONENUMBER_DATABASE_URL when set, in a schema of its own it drops afterwards', async () => {
    const { code, stdout } = await onenumber(['scenario', files[0]!, '--storage', 'postgres'], {
      ONENUMBER_DATABASE_URL: url,
    });
    expect(code).toBe(0);
    expect(stdout).toContain('all passed');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'onenumber_scenario_%'",
      );
      expect(rows).toEqual([]);
    } finally {
      await client.end();
    }
  }, 120_000);
});

// As root the embedded PostgreSQL runs as the `postgres` user; a temporary folder that user cannot
// enter used to leave the command waiting (or crashing) instead of saying so.
const asRoot = process.getuid?.() === 0;
describe('onenumber scenario --storage postgres when the embedded PostgreSQL cannot start', () => {
  (asRoot ? it : it.skip)(
    'exits 2 saying why and what to do, once, no stack trace (skipped unless root)',
    async () => {
      const locked = mkdtempSync(join(tmpdir(), 'onenumber-cli-locked-'));
      chmodSync(locked, 0o700);
      try {
        const { code, stdout, stderr } = await onenumber(['scenario', ...files, '--storage', 'postgres'], {
          ONENUMBER_DATABASE_URL: '',
          TMPDIR: locked,
        });
        expect(code).toBe(2);
        expect(stderr).toContain('--storage postgres: ONENUMBER_DATABASE_URL is not set, and the embedded PostgreSQL');
        expect(stderr).toContain(`cannot enter ${locked} (mode 700)`);
        expect(stderr).toContain('TMPDIR=/tmp');
        expect(stderr).toContain(`${files.length - 1} more file(s) not run`);
        expect(stderr).not.toMatch(/\n\s+at /);
        expect(stdout).toBe('');
      } finally {
        rmSync(locked, { recursive: true, force: true });
      }
    },
    120_000,
  );
});

describe('onenumber migrate', () => {
  it('applies the SQLite migrations once, then reports the file up to date', async () => {
    const file = join(temp, 'migrate.db');
    const first = await onenumber(['migrate', '--db', file]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Applied migrations 1(, \d+)* to .*migrate\.db; schema version \d+\.\n$/);
    const again = await onenumber(['migrate', '--db', file]);
    expect(again.stdout).toMatch(/migrate\.db is up to date at schema version \d+; nothing applied\./);
  }, 60_000);

  it('takes ONENUMBER_DATABASE_URL for PostgreSQL and never prints its password', async () => {
    const password = new URL(url).password;
    const first = await onenumber(['migrate'], { ONENUMBER_DATABASE_URL: url });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/(Applied migrations [\d, ]+ to|is up to date at) .*postgres/);
    const again = await onenumber(['migrate'], { ONENUMBER_DATABASE_URL: url });
    expect(again.stdout).toMatch(/up to date at schema version \d+; nothing applied/);
    if (password) expect(first.stdout + again.stdout).not.toContain(password);
  }, 60_000);

  it('says what to do when the database cannot be reached (exit 2)', async () => {
    const { code, stderr } = await onenumber(['migrate', '--db', 'postgres://nobody:secret-pw@127.0.0.1:1/none']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^onenumber migrate: /);
    expect(stderr).not.toContain('secret-pw');
  }, 60_000);
});

describe('onenumber serve --db postgres://...', () => {
  it('refuses a --rate or --pool-max out of range (exit 2), saying what is allowed', async () => {
    const rate = await onenumber(['serve', '--port', '0', '--db', url, '--rate', '5000']);
    expect(rate.code).toBe(2);
    expect(rate.stderr).toContain('--rate must be a whole number of messages per second from 1 to 1000');
    const pool = await onenumber(['serve', '--port', '0', '--db', url, '--pool-max', '0']);
    expect(pool.code).toBe(2);
    expect(pool.stderr).toContain('--pool-max must be a whole number from 1 to 500');
  }, 60_000);

  it('serves on PostgreSQL with --rate and --pool-max, names the database without its password, and stops cleanly', async () => {
    const proc = spawn(
      process.execPath,
      [bin, 'serve', '--port', '0', '--db', url, '--rate', '20', '--pool-max', '3'],
      {
        env: {
          ...process.env,
          ONENUMBER_ADMIN_TOKEN: 'cli-pg-admin-token-0123456789',
          ONENUMBER_DATABASE_URL: '',
          WHATSAPP_ACCESS_TOKEN: 'cli-pg-access-token',
        },
      },
    );
    const out: string[] = [];
    const exited = new Promise<number | null>((done) => proc.once('exit', done));
    const listening = await new Promise<string>((ready, fail) => {
      createInterface({ input: proc.stdout }).on('line', (line) => {
        out.push(line);
        const found = /listening on (http:\/\/\S+)/.exec(line);
        if (found) ready(found[1]!);
      });
      void exited.then((code) => fail(new Error(`serve exited ${code}: ${out.join('\n')}`)));
    });
    expect(out[0]).toMatch(/\(database postgres .*127\.0\.0\.1/);
    const password = new URL(url).password;
    if (password) expect(out.join('\n')).not.toContain(password);
    const health = await fetch(`${listening}/health`);
    expect(health.status).toBe(200);
    while (!out.some((line) => line.startsWith('WhatsApp sender:')))
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(out.find((line) => line.startsWith('WhatsApp sender:'))).toContain('20 messages/s per number');
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
