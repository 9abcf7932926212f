// @onenumber/core: the rules of a WhatsApp Business number shared by several services.
export { createOneNumber, type OneNumber, type OneNumberOptions } from './createOneNumber';
export { OneNumberError, errorCodes, isOneNumberError, type ErrorCode, type OneNumberErrorJSON } from './errors';
export { parseInput } from './validate';
export { ServiceFeed, type FeedEvents } from './feed';
export { verifyWebhook, type WebhookHeaders, type WebhookRequest } from './push/verifyWebhook';
export {
  channelEventTypes,
  type ChannelEvent,
  type ChannelEventOf,
  type ChannelEventType,
  type ParentChangeCause,
} from './events';

// Eligibility (R1..R5)
export {
  bundlePlans,
  financeServices,
  isolationReasons,
  isBundlePlan,
  type Mode,
  type Reason,
  type Subscription,
} from './eligibility/catalogue';
export {
  decideEligibility,
  subscriptionOf,
  type Eligibility,
  type EligibilityInput,
} from './eligibility/decideEligibility';

// Channels, numbers, settings (R5, R28)
export { normaliseNumber, normaliseCustomer, businessNumberSchema, customerSchema } from './channel/number';
export { channelSettingsSchema, type ChannelSettings } from './channel/settings';

// Election (R9, R11, R14)
export { electParent, listMembers, type ElectableMembership, type Member } from './election/electParent';

// Masking (R17, R18, R20, R32, R33)
export { maskingPolicySchema, defaultMaskingPolicy, type MaskingPolicy } from './masking/policy';
export { policyCatalogue, cataloguePolicy, effectivePolicy } from './masking/policyCatalogue';
export { projectMessage } from './masking/projectMessage';
export { projectError } from './masking/projectError';
export { errorTitles, errorTitleOf, genericErrorTitle, publicErrorCode } from './masking/errorTitles';
export { messageTypes, messageTypeSchema, messageTypeOf, isMessageType, type MessageType } from './masking/messageType';

// Bounded input (R36) and well-formed ids (R27)
export { boundedJson } from './bounds/boundedJson';
export { checkJsonBounds, rawJsonLimits, utf8Length, type JsonBreach, type JsonLimits } from './bounds/jsonBounds';
export { jsonNestingExceeds } from './bounds/jsonTextDepth';
export { isWellFormed, wellFormed } from './bounds/wellFormed';
export { assertStorableMessage, type StorableMessage } from './bounds/storableMessage';
export { advanceStatus } from './masking/advanceStatus';
export type {
  StoredMessage,
  MessageView,
  MessageStatus,
  DeliveryStatus,
  MessageError,
  Direction,
} from './masking/message';

// Assignment (R21..R24)
export {
  decideNotice,
  otherServiceHold,
  assigneeIn,
  type AgentFacts,
  type Assignment,
  type AssignmentFacts,
  type Notice,
} from './assignment/notice';
export { noticeMessages, serviceDisplayName } from './assignment/noticeText';
export { decideAssign, type AssignDecision } from './assignment/decideAssign';
export { decideReply, type ReplyDecision } from './assignment/decideReply';

// Directory
export {
  agentEntrySchema,
  numberEntrySchema,
  orgEntrySchema,
  planSchema,
  type AgentEntry,
  type Directory,
  type NumberEntry,
  type OrgEntry,
} from './directory/Directory';
export {
  createMemoryDirectory,
  directoryContentsSchema,
  type DirectoryContents,
  type MemoryDirectory,
} from './directory/createMemoryDirectory';

// Storage interface
export { storageSpecificationVersion, type ChannelStorage } from './storage/ChannelStorage';
export type * from './storage/records';

// Operation inputs and results
export * from './operations/schemas';
export type { ConnectResult, MembershipResult, MembersResult } from './operations/membership';
export type { ReceiveResult, ViewResult } from './operations/messages';
export type { AssignResult } from './operations/assign';
export type { CanReplyResult } from './operations/canReply';
export type { LeavePreview } from './operations/previewLeave';
export { feedOf } from './feedOf';
export { windowOpen, windowHours } from './channel/window';
export type { OutboxClaim, OutboxItem, OutboxStore } from './storage/Outbox';
export { timelineDraft, type TimelineDraft, type TimelineEntry, type TimelineWhat } from './storage/timeline';

// Service adapters: the factory every adapter package is built with (R18, R20)
export * from './adapter';

// Typed message content (issue 18): kinds, summaries, contentOf
export * from './messages';
