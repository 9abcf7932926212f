// @onenumber/core: the app API of a WhatsApp Business number shared by several services:
// createOneNumber and its results, errors, events, feeds, the memory directory, the adapter
// factory and typed message content. What a storage applies is at '@onenumber/core/storage-kit',
// the zod schemas at '@onenumber/core/schemas', the shared adapter suite at '@onenumber/core/testkit'.
export { createOneNumber, type OneNumber, type OneNumberOptions } from './createOneNumber';
export { OneNumberError, errorCodes, isOneNumberError, type ErrorCode, type OneNumberErrorJSON } from './errors';
export { ServiceFeed, type FeedEvents } from './feed';
export { verifyWebhook, type WebhookHeaders, type WebhookRequest } from './push/verifyWebhook';
export {
  channelEventTypes,
  type ChannelEvent,
  type ChannelEventOf,
  type ChannelEventType,
  type ParentChangeCause,
} from './events';

// The directory the rules read (orgs, agents, numbers; R33: the admin's policy overrides)
export { createMemoryDirectory, type DirectoryContents, type MemoryDirectory } from './directory/createMemoryDirectory';
export type { AgentEntry, Directory, NumberEntry, OrgEntry } from './directory/Directory';
export type { ChannelStorage } from './storage/ChannelStorage';

// The rules' data, for people: eligibility (R1..R4), masking policies (R18, R33), fixed error
// titles (R32), message types (R27), WhatsApp's 24-hour window, service names (R22)
export { bundlePlans, financeServices, isolationReasons, isBundlePlan } from './eligibility/catalogue';
export type { Mode, Reason, Subscription } from './eligibility/catalogue';
export { defaultMaskingPolicy, type MaskingPolicy } from './masking/policy';
export { policyCatalogue, cataloguePolicy } from './masking/policyCatalogue';
export { errorTitles, errorTitleOf, genericErrorTitle } from './masking/errorTitles';
export { messageTypes, isMessageType, type MessageType } from './masking/messageType';
export { windowOpen, windowHours } from './channel/window';
export { serviceDisplayName } from './assignment/noticeText';
export { normaliseNumber, normaliseCustomer } from './channel/number';

// What the operations answer
export type { ChannelSettings } from './channel/settings';
export type { Member } from './election/electParent';
export type { Notice } from './assignment/notice';
export type { MessageView, MessageStatus, DeliveryStatus, MessageError, Direction } from './masking/message';
export type { TimelineEntry, TimelineWhat } from './storage/timeline';
export type { MembershipRecord } from './storage/records';
export type {
  AssignInput,
  CanReplyInput,
  ConfigureInput,
  ConnectInput,
  EventsInput,
  FeedInput,
  MembersInput,
  MembershipInput,
  PreviewLeaveInput,
  ReceiveInput,
  ReplyInput,
  TimelineInput,
  UpdateStatusInput,
  ViewInput,
  MarkReadInput,
  ConversationsInput,
} from './operations/schemas';
export type { ConnectResult, MembershipResult, MembersResult, MembershipState } from './operations/membership';
export type { ReceiveResult, ViewResult } from './operations/messages';
export type { MarkReadResult } from './operations/markRead';
export type { ConversationPage, ConversationSummary } from './storage/records';
export type { AssignResult } from './operations/assign';
export type { CanReplyResult } from './operations/canReply';
export type { LeavePreview } from './operations/previewLeave';

// Service adapters: the factory every adapter package is built with
export { defineServiceAdapter } from './adapter/defineServiceAdapter';
export { createServiceAdapter } from './adapter/createServiceAdapter';
export { adapterSpecificationVersion } from './adapter/adapterSchemas';
export type {
  AdapterSchemas,
  AssignInputOf,
  MarkReadInputOf,
  ReplyInputOf,
  ServiceAdapterSpecInput,
  ViewInputOf,
} from './adapter/adapterSchemas';
export {
  adapterEventNames,
  isAdapterEventName,
  type AdapterEvent,
  type AdapterEventName,
  type AdapterListener,
} from './adapter/adapterEvents';
export {
  genericWords,
  reservedWords,
  toVocabulary,
  type ActingRef,
  type ConversationRef,
  type InVocabulary,
  type LabelOf,
  type Vocabulary,
  type VocabularyInput,
} from './adapter/vocabulary';
export type {
  AdapterAssignResult,
  AdapterMarkReadResult,
  AdapterCreateOptions,
  AdapterReplyResult,
  AdapterViewResult,
  ServiceAdapter,
  ServiceAdapterDefinition,
} from './adapter/ServiceAdapter';

// Typed message content (issue 18): kinds, summaries, contentOf
export { contentOf, textOf } from './messages/contentOf';
export { summaryOf, oneLine } from './messages/summaryOf';
export { changeOf, type MessageChange } from './messages/messageChange';
export { replyMediaKinds, type ReplyMedia, type ReplyMediaKind } from './messages/replyMedia';
export {
  contentKey,
  mediaKinds,
  type MediaKind,
  type MessageContent,
  type MessageKind,
  type Referral,
} from './messages/messageContent';
