// A channel with two members and one conversation, built through the storage itself.
import type { ChannelStorage } from '@onenumber/core';

export const org = 'acme';
export const customer = '+819012345678';
export const at = (minute = 0, second = 0) => new Date(Date.UTC(2026, 0, 1, 9, minute, second)).toISOString();

export async function seedConversation(storage: ChannelStorage, number = '+81312345678') {
  const crm = await storage.connect({
    org,
    number,
    service: 'crm',
    mode: 'shared',
    reason: 'bundle',
    at: at(),
  });
  await storage.connect({
    org,
    number,
    service: 'desk',
    mode: 'shared',
    reason: 'bundle',
    at: at(),
  });
  await storage.receive({
    number,
    customer,
    providerId: `wamid.in.${number}`,
    type: 'text',
    text: 'hello',
    raw: null,
    at: at(1),
  });
  const channel = crm.channel;
  /** The conversation as crm's agent a has it decided (R33): its id, the version writes carry, the decision. */
  const conversation = async () => {
    const decision = (await storage.decide({ org, channel, customer, service: 'crm', agent: 'a' }))!;
    return { id: decision.conversation, version: decision.version, decision };
  };
  /** Appends a reply from crm (agent a) at the current version. */
  const reply = async (text: string, when = at(2)) => {
    const c = await conversation();
    return storage.appendReply({
      org,
      channel,
      conversation: c.id,
      expectedVersion: c.version,
      service: 'crm',
      agent: 'a',
      agentName: 'Agent A',
      type: 'text',
      text,
      raw: null,
      assign: true,
      at: when,
    });
  };
  return { number, channel, conversation, reply };
}

export async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'NOT_A_ONENUMBER_ERROR';
  }
}
