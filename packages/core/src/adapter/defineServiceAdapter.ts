// The adapter factory (style.md: better-auth's createAdapterFactory): an adapter package holds
// only what differs per service, as data: its service id, display name, masking policy (R18) and
// vocabulary. Everything else (validation, scoping, events) is here, once, for every adapter.
import { parseInput } from '../validate';
import { adapterInputSchemas, serviceAdapterSpecSchema, type ServiceAdapterSpecInput } from './adapterSchemas';
import { createServiceAdapter } from './createServiceAdapter';
import type { AdapterCreateOptions, ServiceAdapterDefinition } from './ServiceAdapter';
import type { VocabularyInput } from './vocabulary';

/**
 * Defines a service adapter. The spec is validated (INVALID_INPUT naming the field): the policy
 * is strict, so no adapter can ask to see another service's reply text (R18).
 *
 * ```ts
 * export const deskAdapter = defineServiceAdapter({
 *   service: 'desk', displayName: 'Zoho Desk', policy: { showAgentName: false },
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
    policy: Object.freeze(parsed.policy),
    vocabulary: Object.freeze({
      ...parsed.vocabulary,
      labels: Object.freeze([...parsed.vocabulary.labels]) as string[],
    }),
    schemas: adapterInputSchemas<V>(parsed.vocabulary),
    create: (options: AdapterCreateOptions) => createServiceAdapter(definition, options),
  });
  return definition;
}
