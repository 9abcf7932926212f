// R32: a failed send's details are the sender's. Other services see the error code and the fixed
// title core gives that code (errorTitles.ts), in views and events, never the provider's text.
import { describe, expect, it } from 'vitest';
import { errorTitleOf, errorTitles, genericErrorTitle } from '../src';
import { projectError, publicErrorCode } from '../src/storage-kit';
import { C1, N1, connectAll, makeWorld } from './support/world';

const secret = 'canary-r32-core';

describe('R32: fixed error titles', () => {
  it("R32: every WhatsApp code the sender meets, and the project's own codes, have a fixed title", () => {
    const codes = [130429, 131026, 131047, 131048, 131049, 131051, 131053, 131056, 131031, 131042, 190, 368, 100, 470];
    for (const code of [...codes, 'WINDOW_CLOSED', 'UNAUTHORIZED', 'TRANSPORT_ERROR', 'network', 'http', 'unknown']) {
      expect(errorTitleOf(code), String(code)).not.toBe(genericErrorTitle);
      expect(errorTitleOf(code).length).toBeLessThanOrEqual(120);
    }
    expect(Object.keys(errorTitles).length).toBeGreaterThanOrEqual(codes.length);
    expect(errorTitleOf(999_999)).toBe(genericErrorTitle);
    expect(errorTitleOf('toString')).toBe(genericErrorTitle);
  });

  it('R32: the sender sees the error as recorded; others the code and its fixed title; an unlisted word code is "other"', () => {
    const recorded = { code: 131026, title: `could not deliver "${secret}"` };
    expect(projectError(recorded, 'crm', 'crm')).toBe(recorded);
    expect(projectError(recorded, 'crm', 'desk')).toEqual({ code: 131026, title: errorTitleOf(131026) });
    expect(projectError({ code: `x ${secret}`, title: secret }, 'crm', 'desk')).toEqual({
      code: 'other',
      title: genericErrorTitle,
    });
    expect(publicErrorCode(424242)).toBe(424242);
    expect(publicErrorCode('WINDOW_CLOSED')).toBe('WINDOW_CLOSED');
    expect(projectError(null, 'crm', 'desk')).toBeNull();
    // An inbound message's error is nobody's: everyone reads the fixed title.
    expect(projectError(recorded, null, 'crm')).toEqual({ code: 131026, title: errorTitleOf(131026) });
  });

  it('R32: through the core, a failure quoting the reply reaches other services as the fixed title only', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    await one.receive({ number: N1, customer: C1, text: 'q' });
    const { message } = await one.reply({
      org: 'acme',
      service: 'crm',
      number: N1,
      agent: 'a',
      customer: C1,
      text: secret,
    });
    const error = { code: 131047, title: `Re-engagement message: "${secret}"` };
    await one.updateStatus({ org: 'acme', message, status: 'failed', error });
    const view = async (service: string, agent: string) =>
      (await one.view({ org: 'acme', service, agent, number: N1, customer: C1 })).messages[1]!;
    expect((await view('crm', 'a')).error).toEqual(error);
    expect((await view('desk', 'b')).error).toEqual({ code: 131047, title: errorTitleOf(131047) });
    const status = async (service: string) =>
      (await one.events({ org: 'acme', service })).filter((e) => e.type === 'statusChanged');
    expect(await status('crm')).toMatchObject([{ error }]);
    expect(await status('desk')).toMatchObject([{ error: { code: 131047, title: errorTitleOf(131047) } }]);
    expect(JSON.stringify(await one.events({ org: 'acme', service: 'desk' }))).not.toContain(secret);
  });
});
