// `onenumber serve --headers-timeout --request-timeout --keep-alive-timeout --max-connections`:
// the flags reach the server (a slow client is cut off after the headers timeout, a connection
// past the cap is refused), a bad value is exit 2 naming the flag, and a bad ONENUMBER_* variable
// is exit 2 naming the variable.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveCommand, type ServeOptions } from '../src/commands/serve';
import { serveLimits } from '../src/commands/serveLimits';

const temp = mkdtempSync(join(tmpdir(), 'onenumber-cli-limits-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let n = 0;

const base = (): ServeOptions => ({
  port: '0',
  host: '127.0.0.1',
  db: join(temp, `limits-${++n}.db`),
  synchronous: 'normal',
});
const env = { ONENUMBER_ADMIN_TOKEN: 'cli-limits-admin-token-0123456789' };

/** Runs serve until `during` is done with its URL; returns the exit code and what it printed. */
async function serving(options: ServeOptions, during: (url: string) => Promise<void>, extraEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  let stop = (_signal: string) => {};
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  let listening = (_url: string) => {};
  const url = new Promise<string>((resolve) => (listening = resolve));
  const io = {
    out: (text: string) => {
      out.push(text);
      const match = /listening on (http:\/\/\S+)/.exec(text);
      if (match) listening(match[1]!);
    },
    err: (text: string) => err.push(text),
  };
  const running = serveCommand(options, io, { ...env, ...extraEnv }, () => stopped);
  const outcome = await Promise.race([running.then((code) => ({ code })), url.then((u) => ({ url: u }))]);
  if ('code' in outcome) return { code: outcome.code, out, err };
  try {
    await during(outcome.url);
  } finally {
    stop('SIGTERM');
  }
  return { code: await running, out, err };
}

/** A raw connection that sends headers one line every 50 ms; resolves when the server closes it. */
function slowClient(url: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('error', () => {});
    socket.write('GET /health HTTP/1.1\r\nHost: x\r\n');
    const drip = setInterval(() => socket.write('X-Slow: 1\r\n'), 50);
    socket.once('close', () => {
      clearInterval(drip);
      resolve(text);
    });
  });
}

describe('onenumber serve: timeouts and the connection cap', () => {
  it('the flags reach the server: a slow client is cut off (408), a connection past the cap is refused', async () => {
    const flags = { headersTimeout: '300', requestTimeout: '1000', maxConnections: '2' };
    const { code } = await serving({ ...base(), ...flags }, async (url) => {
      expect(await slowClient(url)).toMatch(/^HTTP\/1\.1 408/);
      const { port } = new URL(url);
      const held = [connect(Number(port), '127.0.0.1'), connect(Number(port), '127.0.0.1')];
      await new Promise((resolve) => setTimeout(resolve, 100));
      const third = connect(Number(port), '127.0.0.1');
      third.on('error', () => {});
      await new Promise((resolve) => third.once('close', resolve));
      for (const socket of held) socket.destroy();
    });
    expect(code).toBe(0);
  }, 60_000);

  it('a bad flag is exit 2 naming it; a bad variable is exit 2 naming it', async () => {
    const bad = await serving({ ...base(), headersTimeout: 'soon' }, async () => {});
    expect(bad.code).toBe(2);
    expect(bad.err.join('')).toContain('--headers-timeout must be a whole number of milliseconds from 100 to 600000');
    const variable = await serving(base(), async () => {}, { ONENUMBER_MAX_CONNECTIONS: '0' });
    expect(variable.code).toBe(2);
    expect(variable.err.join('')).toContain('ONENUMBER_MAX_CONNECTIONS must be a whole number from 1 to 1000000');
  }, 60_000);

  it('serveLimits: only the flags given, as numbers', () => {
    expect(serveLimits({})).toEqual({ limits: {} });
    expect(serveLimits({ keepAliveTimeout: '70000', maxConnections: '4096' })).toEqual({
      limits: { keepAliveTimeoutMs: 70_000, maxConnections: 4096 },
    });
    expect(serveLimits({ requestTimeout: '-1' })).toEqual({
      error: '--request-timeout must be a whole number of milliseconds from 100 to 3600000 (got "-1").',
    });
  });
});
