// Options are validated (R27); the admin token comes from the option or ONENUMBER_ADMIN_TOKEN.
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../src';
import { tempDbFile } from './support/tempFiles';

const saved = process.env.ONENUMBER_ADMIN_TOKEN;
afterEach(() => {
  if (saved === undefined) delete process.env.ONENUMBER_ADMIN_TOKEN;
  else process.env.ONENUMBER_ADMIN_TOKEN = saved;
});

describe('startServer options', () => {
  it('takes the admin token from ONENUMBER_ADMIN_TOKEN when no option is given', async () => {
    process.env.ONENUMBER_ADMIN_TOKEN = 'from-the-environment-0123456789';
    const server = await startServer({ port: 0, file: tempDbFile(), logger: () => {} });
    const res = await fetch(`${server.url}/v1/admin/tokens`, {
      headers: { authorization: 'Bearer from-the-environment-0123456789' },
    });
    expect(res.status).toBe(200);
    await server.close();
  });

  it('refuses to start without an admin token, with a short one, or with both db and file (INVALID_INPUT naming the field)', async () => {
    delete process.env.ONENUMBER_ADMIN_TOKEN;
    await expect(startServer({ port: 0, file: tempDbFile() })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'adminToken',
    });
    await expect(startServer({ port: 0, file: tempDbFile(), adminToken: 'short' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'adminToken',
    });
    await expect(startServer({ port: 0, adminToken: 'x'.repeat(20) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'file',
    });
    await expect(startServer({ port: 70000, file: tempDbFile(), adminToken: 'x'.repeat(20) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'port',
    });
  });

  it('a port in use is INVALID_INPUT naming the port, and the database it opened is closed again', async () => {
    const first = await startServer({ port: 0, file: tempDbFile(), adminToken: 'x'.repeat(20), logger: () => {} });
    const file = tempDbFile();
    await expect(startServer({ port: first.port, file, adminToken: 'x'.repeat(20) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'port',
    });
    const again = await startServer({ port: 0, file, adminToken: 'x'.repeat(20), logger: () => {} }); // the file is free to open
    await again.close();
    await first.close();
  });
});
