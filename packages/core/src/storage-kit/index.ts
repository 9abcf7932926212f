// @onenumber/core/storage-kit: what a storage implements and applies, pure and without I/O: the
// ChannelStorage interface and its records, and the decisions it needs. A storage (memory,
// SQLite, PostgreSQL, or one of your own) reads the facts a decision needs, calls it, and writes
// the result atomically; it never re-declares a rule, an event or a masking choice.
export { storageSpecificationVersion, type ChannelStorage } from '../storage/ChannelStorage';
export type * from '../storage/records';
export type { OutboxClaim, OutboxItem, OutboxStore } from '../storage/Outbox';
export { timelineDraft, type TimelineDraft, type TimelineEntry, type TimelineWhat } from '../storage/timeline';
export type { StoredMessage } from '../masking/message';

// The rules as pure functions: eligibility (R1..R4), election (R9, R11, R14), masking and
// statuses (R17, R18, R32, R33), assignment (R21..R24), bounded input (R27, R36)
export {
  decideEligibility,
  subscriptionOf,
  type Eligibility,
  type EligibilityInput,
} from '../eligibility/decideEligibility';
export { electParent, listMembers, type ElectableMembership } from '../election/electParent';
export { projectMessage } from '../masking/projectMessage';
export { projectError } from '../masking/projectError';
export { publicErrorCode } from '../masking/errorTitles';
export { advanceStatus } from '../masking/advanceStatus';
export { effectivePolicy } from '../masking/policyCatalogue';
export { messageTypeOf } from '../masking/messageType';
export { decideNotice, otherServiceHold, assigneeIn, buildNotice } from '../assignment/notice';
export { noticeMessages } from '../assignment/noticeText';
export { decideAssign, type AssignDecision } from '../assignment/decideAssign';
export { decideReply, type ReplyDecision } from '../assignment/decideReply';
export { checkJsonBounds, rawJsonLimits, utf8Length, type JsonBreach, type JsonLimits } from '../bounds/jsonBounds';
export { jsonNestingExceeds } from '../bounds/jsonTextDepth';
export { isWellFormed } from '../bounds/wellFormed';
export { assertStorableMessage, type StorableMessage } from '../bounds/storableMessage';

// The decisions of each storage operation
export type { Announcement, Change, EventBody, EventDraft, Place, Recipient } from './announcement';
export { eventDrafts, projectEvent } from './projectEvent';
export { activeServices, recipientsOf, type MembershipFacts } from './members';
export {
  channelScope,
  configureSettings,
  decideConnect,
  decideMembershipChange,
  roleIn,
  sharedScope,
} from './membershipDecisions';
export { settleMembership, type SettleAction, type Settled } from './settleMembership';
export { deliverInbound, inboundMessage } from './inbound';
export { planInbound, type InboundChannelFacts, type InboundPlan } from './inboundPlan';
export { planReply, replyEffects, type ReplyRoute } from './reply';
export { assignmentEffects, type AssignmentEffects } from './assignment';
export { decideStatus, statusEffects, type ReportedStatus, type StatusDecision } from './status';
export { channelIn, conflict, conversationIn, numberNotConnected, unknownMessage, viewerIn } from './refusals';
export { decideConversation, holdFor } from './decision';
export { projectTimelineEntry } from './timeline';
export {
  decideMarkRead,
  unreadAfter,
  type MarkReadDecision,
  type MarkReadFacts,
  type Placed,
} from './readMarker';
export { pageConversations, summarizeConversation, type ListedConversation } from './conversationList';
export type { AgentFacts, Assignment, AssignmentFacts } from '../assignment/notice';
