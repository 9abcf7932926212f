// The adapter factory (style.md: better-auth's createAdapterFactory): an adapter package holds
// only what differs per service, as data: its service id, display name and vocabulary. Its masking
// policy is not its own to choose (R33: the server's catalogue and the admin's). Everything else
// (validation, scoping, events) is here, once, for every adapter.
import { parseInput } from '../validate';
import { adapterInputSchemas, serviceAdapterSpecSchema, type ServiceAdapterSpecInput } from './adapterSchemas';
import { createServiceAdapter } from './createServiceAdapter';
import type { AdapterCreateOptions, ServiceAdapterDefinition } from './ServiceAdapter';
import type { VocabularyInput } from './vocabulary';

/**
 * Defines a service adapter. The spec is validated (INVALID_INPUT naming the field); it is strict,
 * so an adapter cannot bring a masking policy of its own (R33).
 *
 * ```ts
 * export const deskAdapter = defineServiceAdapter({
 *   service: 'desk', displayName: 'Zoho Desk',
 *   vocabulary: { conversation: 'ticket', customer: 'contact', agent: 'agent', labels: ['department'] },
 * });
 * const desk = deskAdapter.create({ onenumber, org: 'acme' });
 * ```
 */
export function defineServiceAdapter<const V extends VocabularyInput>(
  spec: ServiceAdapterSpecInput<V>,
): ServiceAdapterDefinition<V> {
  const parsed = parseInput(serviceAdapterSpecSchema, spec, 'adapter');
  const definition: ServiceAdapterDefinition<V> = Object.freeze({
    specificationVersion: parsed.specificationVersion,
    service: parsed.service,
    displayName: parsed.displayName,
    vocabulary: Object.freeze({
      ...parsed.vocabulary,
      labels: Object.freeze([...parsed.vocabulary.labels]) as string[],
    }),
    schemas: adapterInputSchemas<V>(parsed.vocabulary),
    create: (options: AdapterCreateOptions) => createServiceAdapter(definition, options),
  });
  return definition;
}
