// The records that cross the ChannelStorage boundary. Plain JSON, so an HTTP storage can carry them.
import type { AssignDecision } from '../assignment/decideAssign';
import type { ReplyDecision } from '../assignment/decideReply';
import type { Notice } from '../assignment/notice';
import type { Member } from '../election/electParent';
import type { Mode, Reason } from '../eligibility/catalogue';
import type { MessageError, MessageStatus, MessageView } from '../masking/message';
import type { ChannelSettings } from '../channel/settings';

export type MembershipAction = 'disable' | 'enable' | 'remove';

export interface ConnectRecord {
  org: string;
  number: string;
  service: string;
  mode: Mode;
  reason: Reason;
  /** No masking policy: the storage applies the one in force for the org and service (R33). */
  at: string;
}

export interface ConnectOutcome {
  channel: string;
  mode: Mode;
  role: Member['role'];
  /** False when the service was already an active member (R8: idempotent). */
  created: boolean;
}

export interface MembershipChange {
  org: string;
  number: string;
  service: string;
  action: MembershipAction;
  at: string;
}

export interface MembershipOutcome {
  channel: string;
  mode: Mode;
  /** The active members afterwards, parent first (R14). */
  members: Member[];
  /** Set when the change moved the parent role (R11). */
  parentChange: { from: string | null; to: string | null } | null;
}

export interface MembershipRecord {
  channel: string;
  mode: Mode;
  state: 'active' | 'disabled';
  role: Member['role'];
  /** Storage-assigned creation order (R11). */
  seq: number;
}

export interface ChannelInfo {
  channel: string;
  mode: Mode;
  status: 'active' | 'closed';
  parent: string | null;
  members: Member[];
  settings: ChannelSettings;
}

export interface InboundRecord {
  number: string;
  customer: string;
  /** The provider's message id (WhatsApp `wamid...`): the same id twice stores one message (R15). */
  providerId: string | null;
  type: string;
  text: string | null;
  raw: unknown;
  at: string;
}

export interface InboundDelivery {
  channel: string;
  mode: Mode;
  conversation: string;
  message: string;
  /** Active members that received it. */
  services: string[];
}

export interface InboundOutcome {
  org: string;
  duplicate: boolean;
  /** One entry per channel on the number (the shared one and each isolated one, R15, R26). */
  deliveries: InboundDelivery[];
}

/**
 * What any member may know of a conversation: its id and the time of the customer's last
 * message (WhatsApp's 24-hour window). Never who holds it (R33: that is decided where the facts
 * are, `decide`).
 */
export interface ConversationInfo {
  id: string;
  channel: string;
  customer: string;
  lastInboundAt: string | null;
}

/** R22..R24, R33: a service asks the storage to decide for its acting or viewing agent. */
export interface DecisionQuery {
  org: string;
  channel: string;
  customer: string;
  /** The acting or viewing service. */
  service: string;
  /** The acting or viewing agent; its name and access are the storage's directory facts, never the caller's. */
  agent: string;
  /** R23: the agent confirms taking the conversation over from another service's holder. */
  confirm?: boolean | undefined;
}

/**
 * R22..R24 decided for one agent, with only what that agent may see (R33): its own service's
 * assignee, the notice (another service's holder named only under R22's condition), and what a
 * reply or an assignment by the agent would do. Never another service's assignee otherwise.
 */
export interface ConversationDecision {
  conversation: string;
  /** Moved on by every change of assignment; a write carries the version it was decided on (else CONFLICT). */
  version: number;
  lastInboundAt: string | null;
  /** R21: the agent assigned in the asking service, or null. */
  assignee: string | null;
  /** R22: the notice the agent sees, or null. */
  notice: Notice | null;
  /** R24: whether the agent may reply (and whether replying assigns it), or why not. */
  reply: ReplyDecision;
  /** R23: what `assign` by the agent does (with `confirm` as asked). */
  assign: AssignDecision;
}

export interface ReplyRecord {
  org: string;
  channel: string;
  conversation: string;
  expectedVersion: number;
  service: string;
  agent: string;
  agentName: string;
  type: string;
  text: string | null;
  raw: unknown;
  /** R24: also make the replier the assignee in this service, in the same write. */
  assign: boolean;
  at: string;
}

/** R39: an agent of `service` has read the conversation as it is now. */
export interface MarkReadRecord {
  org: string;
  channel: string;
  conversation: string;
  service: string;
  /** The reading agent (R25: one with access to `service`; the server checks it again). */
  agent: string;
  /** Also show the customer a typing indicator with the read receipt. */
  typing: boolean;
  at: string;
}

export interface MarkReadOutcome {
  /** Whether the service's read marker moved (false: it was at the last message already). */
  moved: boolean;
  /** The inbound message a WhatsApp read receipt went out for (once per message), or null. */
  receipt: string | null;
}

/** Issue 21: a channel's conversations as one service lists them, newest activity first. */
export interface ConversationListQuery {
  org: string;
  channel: string;
  /** The listing service: an active member; projections, assignee and unread are its own. */
  service: string;
  /** The `next` cursor of the previous page. */
  after?: string | undefined;
  limit: number;
}

export interface ConversationSummary {
  conversation: string;
  customer: string;
  /** The time of the last message, either direction. */
  lastActivityAt: string;
  /** The last message as the listing service sees it (R17, R18, R20: masked like a view). */
  lastMessage: MessageView | null;
  /** The listing service's own assignee (R21; R33: never another service's). */
  assignee: string | null;
  /** R39: the customer's messages after the listing service's read marker. */
  unread: number;
}

export interface ConversationPage {
  conversations: ConversationSummary[];
  /** The cursor of the next page, or null when this was the last. */
  next: string | null;
}

export interface AssignmentRecord {
  org: string;
  channel: string;
  conversation: string;
  expectedVersion: number;
  service: string;
  agent: string | null;
  at: string;
  /** Why (for the timeline): a plain assignment, or one confirmed over another service's hold (R23). */
  cause?: 'assign' | 'confirmed' | undefined;
}

export interface StatusRecord {
  org: string;
  message: string;
  /** R38: `sent` when the provider accepted a pending reply; never `pending` or `received`. */
  status: Exclude<MessageStatus, 'received' | 'pending'>;
  error: MessageError | null;
  at: string;
}

export interface ViewQuery {
  org: string;
  channel: string;
  conversation: string;
  /** The viewing service: the storage projects with its membership's policy (R18, R20). */
  service: string;
}

export interface EventQuery {
  org: string;
  service: string;
  /** Return events after this cursor; from the start of the stream when absent. */
  after?: string | undefined;
  limit?: number | undefined;
}

export type { MessageView };

export interface TimelineQuery {
  org: string;
  channel: string;
  /** The reading service (R9: the parent): another service's agent is not named to it (R33). */
  service: string;
  after?: string | undefined;
  limit?: number | undefined;
}
