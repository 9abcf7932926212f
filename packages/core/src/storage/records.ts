// The records that cross the ChannelStorage boundary. Plain JSON, so an HTTP storage can carry them.
import type { Member } from '../election/electParent';
import type { Mode, Reason } from '../eligibility/catalogue';
import type { MaskingPolicy } from '../masking/policy';
import type { MessageError, MessageStatus, MessageView } from '../masking/message';
import type { ChannelSettings } from '../channel/settings';

export type MembershipAction = 'disable' | 'enable' | 'remove';

export interface ConnectRecord {
  org: string;
  number: string;
  service: string;
  mode: Mode;
  reason: Reason;
  policy: MaskingPolicy;
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

export interface Assignment {
  service: string;
  agent: string;
  /** Order in which assignments were made (the earliest counts, R22). */
  seq: number;
}

/** What the assignment rules (R21..R24) read about one conversation. */
export interface ConversationState {
  id: string;
  channel: string;
  customer: string;
  /** Moved on by every change of assignment (setAssignment, a reply that assigns); writes carry the version they decided on. */
  version: number;
  assignments: Assignment[];
  /** Services with an active membership in the channel (R23: others' assignments count for nothing). */
  activeServices: string[];
  lastInboundAt: string | null;
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
  status: Exclude<MessageStatus, 'received' | 'sent'>;
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
  after?: string | undefined;
  limit?: number | undefined;
}
