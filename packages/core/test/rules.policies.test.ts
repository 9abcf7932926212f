// R33 through the public API, on the memory storage and the memory directory it decides with:
// the admin's override of a service's policy, a directory that answers a service only about its
// own agents, and a storage that decides with the directory it was given.
import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../storage-memory/src';
import { createOneNumber, OneNumberError, type Directory } from '../src';
import { C1, N1, UNVERIFIED, connectAll, makeDirectory, makeWorld, refusal } from './support/world';

const on = { org: 'acme', number: N1, customer: C1 } as const;

describe("R33: policies are the server's", () => {
  it("R33: the memory directory's setPolicy loosens or tightens a service's policy from then on; null goes back to the catalogue", async () => {
    const { one, directory } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk', 'salesiq']);
    await one.receive({ number: N1, customer: C1, text: 'hi', id: 'w1' });
    await one.reply({ ...on, service: 'desk', agent: 'b', text: 'canary-desk' });
    const agentName = async (service: string, agent: string) =>
      (await one.view({ ...on, service, agent })).messages[1]!.agentName;
    expect([await agentName('crm', 'a'), await agentName('salesiq', 's')]).toEqual(['Agent B', null]);
    expect(directory.setPolicy('acme', 'salesiq', { showAgentName: true })).toEqual({ showAgentName: true });
    directory.setPolicy('acme', 'crm', {});
    expect([await agentName('crm', 'a'), await agentName('salesiq', 's')]).toEqual([null, 'Agent B']);
    expect(directory.policyOf('acme', 'crm')).toEqual({ showAgentName: false });
    expect(directory.setPolicy('acme', 'crm', null)).toEqual({ showAgentName: true });
    expect(await agentName('crm', 'a')).toBe('Agent B');
    expect(directory.policyOf('beta', 'salesiq')).toEqual({ showAgentName: false }); // per org
  });

  it('R33, R27: an override is a strict policy for a well-formed service: anything else is INVALID_INPUT', () => {
    const { directory } = makeWorld();
    const field = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return OneNumberError.isInstance(error) && error.code === 'INVALID_INPUT' ? error.field : 'other';
      }
      return 'accepted';
    };
    expect(field(() => directory.setPolicy('acme', 'crm', { showText: true } as never))).toBe('policy.showText');
    expect(field(() => directory.setPolicy('', 'crm', { showAgentName: true }))).toBe('org');
    expect(field(() => directory.setPolicy('acme', 'CRM!', { showAgentName: true }))).toBe('service');
    expect(field(() => directory.setPolicy('acme', 'crm', 'all' as never))).toBe('policy');
  });

  it('R25, R33: a directory that answers a service only about its own agents (FORBIDDEN for others) keeps the documented order', async () => {
    const inner = makeDirectory();
    const scoped: Directory = {
      ...inner,
      org: inner.org,
      number: inner.number,
      // As the server answers the desk token: an agent without access to desk is not described.
      async agent(org, id) {
        const agent = await inner.agent(org, id);
        if (agent && !agent.access.includes('desk')) throw new OneNumberError('FORBIDDEN');
        return agent;
      },
    };
    const one = createOneNumber({ storage: createMemoryStorage({ directory: inner }), directory: scoped });
    await one.connect({ org: 'acme', service: 'desk', number: N1 });
    await one.receive({ number: N1, customer: C1, text: 'hi', id: 'w1' });
    const as = (agent: string, number: string = N1) =>
      one.view({ org: 'acme', service: 'desk', agent, number, customer: C1 });
    await refusal(as('nobody'), 'UNKNOWN_AGENT');
    await refusal(as('a', 'not a number'), 'INVALID_NUMBER'); // the number's refusal comes first
    await refusal(as('a', UNVERIFIED.replace('+', '00')), 'FORBIDDEN');
    expect((await one.canReply({ org: 'acme', service: 'desk', agent: 'a', number: N1, customer: C1 })).ok).toBe(false);
    expect((await as('b')).messages).toHaveLength(1);
  });

  it('R33: the memory storage decides with the directory it is given; without one it is refused at creation', () => {
    expect(() => createMemoryStorage(undefined as never)).toThrow(/directory/);
    expect(() => createMemoryStorage({} as never)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
