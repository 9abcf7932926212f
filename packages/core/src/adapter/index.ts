// Service adapters (R18, R20): one factory, data per service, a service-scoped facade.
export { defineServiceAdapter } from './defineServiceAdapter';
export { createServiceAdapter, adapterCreateOptionsSchema } from './createServiceAdapter';
export {
  adapterSpecificationVersion,
  serviceAdapterSpecSchema,
  adapterInputSchemas,
  adapterNumberSchema,
  adapterLabelSchema,
  type AdapterSchemas,
  type AssignInputOf,
  type ReplyInputOf,
  type ServiceAdapterSpecInput,
  type ViewInputOf,
} from './adapterSchemas';
export {
  adapterEventNames,
  isAdapterEventName,
  type AdapterEvent,
  type AdapterEventName,
  type AdapterListener,
} from './adapterEvents';
export {
  vocabularySchema,
  genericWords,
  reservedWords,
  toVocabulary,
  type ActingRef,
  type ConversationRef,
  type InVocabulary,
  type LabelOf,
  type Vocabulary,
  type VocabularyInput,
} from './vocabulary';
export type {
  AdapterAssignResult,
  AdapterCreateOptions,
  AdapterReplyResult,
  AdapterViewResult,
  ServiceAdapter,
  ServiceAdapterDefinition,
} from './ServiceAdapter';
