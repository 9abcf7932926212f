// The service-scoped facade. Every call fills in the org and the service (never a masking policy:
// R33, the server's), validates its input first (R27: INVALID_INPUT naming the field
// in the service's words, before anything is touched), and speaks the service's vocabulary.
import { z } from 'zod';
import { normaliseNumber } from '../channel/number';
import type { OneNumber } from '../createOneNumber';
import { OneNumberError } from '../errors';
import type { ChannelEvent } from '../events';
import type { ServiceFeed } from '../feed';
import { idSchema } from '../operations/schemas';
import { parseInput } from '../validate';
import { adapterEventNames, isAdapterEventName } from './adapterEvents';
import type { AdapterCreateOptions, ServiceAdapter, ServiceAdapterDefinition } from './ServiceAdapter';
import { toVocabulary, type VocabularyInput } from './vocabulary';

const isOneNumber = (value: unknown): value is OneNumber =>
  typeof value === 'object' &&
  value !== null &&
  [
    'connect',
    'disable',
    'enable',
    'remove',
    'members',
    'configure',
    'view',
    'reply',
    'assign',
    'feed',
    'canReply',
    'previewLeave',
    'markRead',
    'timeline',
    'events',
  ].every((method) => typeof (value as Record<string, unknown>)[method] === 'function');

export const adapterCreateOptionsSchema = z
  .object({
    onenumber: z.custom<OneNumber>(isOneNumber, 'expected the instance createOneNumber() returns'),
    org: idSchema,
    /** Issue 9: live events resume from this service's stored cursor after downtime, each once. */
    durable: z.boolean().default(false),
  })
  .strict();

export function createServiceAdapter<V extends VocabularyInput>(
  definition: ServiceAdapterDefinition<V>,
  options: AdapterCreateOptions,
): ServiceAdapter<V> {
  const { onenumber, org, durable } = parseInput(adapterCreateOptionsSchema, options, 'options');
  const { service, displayName, vocabulary, schemas } = definition;
  const scope = { org, service };
  let feed: ServiceFeed | null = null;

  const number = (value: unknown) => parseInput(schemas.number, value, 'number');
  const settingsInput = z.object({ settings: schemas.settings });
  const leaveAction = z.enum(['disable', 'remove']);
  const pageInput = z
    .object({ after: z.string().max(64).optional(), limit: z.number().int().min(1).max(1000).optional() })
    .strict();
  /** The core's input for a conversation operation, from the service's words. */
  const target = (input: Record<string, unknown>) => ({
    ...scope,
    agent: input[vocabulary.agent] as string,
    number: input.number as string,
    customer: input[vocabulary.customer] as string,
  });
  /** What a result echoes of the conversation it was asked about: number (E.164), customer, labels. */
  const echo = (input: Record<string, unknown>) => {
    const out: Record<string, unknown> = {
      number: normaliseNumber(input.number as string) ?? input.number,
      customer: input[vocabulary.customer],
    };
    for (const label of vocabulary.labels) if (input[label] !== undefined) out[label] = input[label];
    return out;
  };

  return {
    service,
    displayName,
    vocabulary,
    org,
    connect: async (value) => onenumber.connect({ ...scope, number: number(value) }),
    disable: async (value) => onenumber.disable({ ...scope, number: number(value) }),
    enable: async (value) => onenumber.enable({ ...scope, number: number(value) }),
    remove: async (value) => onenumber.remove({ ...scope, number: number(value) }),
    members: async (value) => onenumber.members({ ...scope, number: number(value) }),
    configure: async (value, settings) =>
      onenumber.configure({
        ...scope,
        number: number(value),
        settings: parseInput(settingsInput, { settings }).settings,
      }),

    async view(input) {
      const parsed = parseInput(schemas.view, input) as Record<string, unknown>;
      const { conversation, ...rest } = await onenumber.view(target(parsed));
      return toVocabulary({ conversation, ...echo(parsed), ...rest }, vocabulary) as never;
    },
    async reply(input) {
      const parsed = parseInput(schemas.reply, input) as Record<string, unknown>;
      const { message, conversation } = await onenumber.reply({ ...target(parsed), text: parsed.text as string });
      return toVocabulary({ message, conversation, ...echo(parsed) }, vocabulary) as never;
    },
    async markRead(input) {
      const parsed = parseInput(schemas.markRead, input) as Record<string, unknown>;
      const result = await onenumber.markRead({ ...target(parsed), typing: parsed.typing as boolean });
      return toVocabulary({ ...result, ...echo(parsed) }, vocabulary) as never;
    },
    async canReply(input) {
      return onenumber.canReply(target(parseInput(schemas.view, input) as Record<string, unknown>));
    },
    previewLeave: async (value, action) =>
      onenumber.previewLeave({ ...scope, number: number(value), action: parseInput(leaveAction, action, 'action') }),
    timeline: async (value, page = {}) =>
      onenumber.timeline({ ...scope, number: number(value), ...parseInput(pageInput, page, 'page') }),
    async events(page = {}) {
      const events = await onenumber.events({ ...scope, ...parseInput(pageInput, page, 'page') });
      return events.map((event) => toVocabulary(event, vocabulary)) as never;
    },
    async assign(input) {
      const parsed = parseInput(schemas.assign, input) as Record<string, unknown>;
      const result = await onenumber.assign({ ...target(parsed), confirm: parsed.confirm as boolean });
      return toVocabulary({ ...result, ...echo(parsed) }, vocabulary) as never;
    },

    on(name, listener) {
      if (!isAdapterEventName(name)) {
        throw new OneNumberError(
          'INVALID_INPUT',
          `event: "${String(name)}" is not an event; use one of ${Object.keys(adapterEventNames).join(', ')}.`,
          { field: 'event' },
        );
      }
      if (typeof listener !== 'function')
        throw new OneNumberError('INVALID_INPUT', 'listener: expected a function', { field: 'listener' });
      feed ??= onenumber.feed({ ...scope, durable });
      const live = feed;
      const forward = (event: ChannelEvent) => (listener as (e: unknown) => void)(toVocabulary(event, vocabulary));
      live.on(adapterEventNames[name], forward as never);
      return () => void live.off(adapterEventNames[name], forward as never);
    },
    close() {
      feed?.close();
      feed = null;
    },
  };
}
