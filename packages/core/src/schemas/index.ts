// @onenumber/core/schemas: every zod schema core validates with (R27: INVALID_INPUT naming the
// field), for integrators who validate before calling, and for the server, which parses each
// request body with the same ones: operation inputs, directory entries, channel settings, masking
// policies (R18, R33), message types and parts, the adapter spec, and the bounded-JSON and
// well-formed helpers (R27, R36).
export { parseInput } from '../validate';
export {
  idSchema,
  providerIdSchema,
  serviceSchema,
  connectInputSchema,
  membershipInputSchema,
  membersInputSchema,
  configureInputSchema,
  receiveInputSchema,
  replyInputSchema,
  replyTextSchema,
  assignInputSchema,
  viewInputSchema,
  markReadInputSchema,
  updateStatusInputSchema,
  eventsInputSchema,
  canReplyInputSchema,
  previewLeaveInputSchema,
  feedInputSchema,
  timelineInputSchema,
  conversationsInputSchema,
} from '../operations/schemas';
export { businessNumberSchema, customerSchema } from '../channel/number';
export { channelSettingsSchema } from '../channel/settings';
export { maskingPolicySchema } from '../masking/policy';
export { messageTypeSchema } from '../masking/messageType';
export { checkMediaShape, mediaFileFields, replyMediaSchema, replyMediaSourceSchema } from '../messages/replyMedia';
export { boundedJson } from '../bounds/boundedJson';
export { wellFormed } from '../bounds/wellFormed';
export { agentEntrySchema, numberEntrySchema, orgEntrySchema, planSchema } from '../directory/Directory';
export { directoryContentsSchema } from '../directory/createMemoryDirectory';
export { adapterCreateOptionsSchema } from '../adapter/createServiceAdapter';
export {
  serviceAdapterSpecSchema,
  adapterInputSchemas,
  adapterNumberSchema,
  adapterLabelSchema,
} from '../adapter/adapterSchemas';
export { vocabularySchema } from '../adapter/vocabulary';
export * as messagePartSchemas from '../messages/contentSchemas';
