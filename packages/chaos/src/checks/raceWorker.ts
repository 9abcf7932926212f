// One racing service process: on each round, a seeded sequence of connect/disable/enable/remove
// on that round's number, through its own SDK over the HTTP storage with its own token.
import { createOneNumber, OneNumberError } from '@onenumber/core';
import { createHttpDirectory, createHttpStorage } from '@onenumber/storage-http';
import { seeded } from './seeded';

const { CHAOS_URL: url, CHAOS_TOKEN: token, CHAOS_SERVICE: service, CHAOS_SEED: seed } = process.env;
const sdk = createOneNumber({
  storage: createHttpStorage({ url: url!, token: token! }),
  directory: createHttpDirectory({ url: url!, token: token! }),
});
const actions = ['connect', 'disable', 'enable', 'remove', 'connect'] as const;

process.on('message', async (message: { round: number; number: string; ops: number }) => {
  const next = seeded(Number(seed) * 1000 + message.round * 7 + service!.length);
  let refused = 0;
  for (let i = 0; i < message.ops; i++) {
    const action = actions[Math.floor(next() * actions.length)]!;
    try {
      await sdk[action]({ org: 'acme', service: service!, number: message.number });
    } catch (error) {
      if (!OneNumberError.isInstance(error)) throw error;
      refused++; // MEMBERSHIP_DISABLED, NOT_CONNECTED: the rules refusing, as they should
    }
  }
  process.send!({ round: message.round, refused });
});
process.send!({ ready: true });
