// @onenumber/core/storage-kit: the decisions a storage needs, pure and without I/O. A storage
// (memory, SQLite, PostgreSQL, or one of your own) reads the facts a decision needs, calls it, and
// writes the result atomically; it never re-declares a rule, an event or a masking choice.
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
export { planReply, replyEffects } from './reply';
export { assignmentEffects, type AssignmentEffects } from './assignment';
export { decideStatus, statusEffects, type StatusDecision } from './status';
export { channelIn, conflict, conversationIn, numberNotConnected, unknownMessage, viewerIn } from './refusals';
export { decideConversation, holdFor } from './decision';
export { projectTimelineEntry } from './timeline';
export type { AgentFacts, Assignment, AssignmentFacts } from '../assignment/notice';
