// The storage interface, versioned. Operations are made at the level of the rules, not get/set
// of documents, so that each implementation can make R5, R6, R8 and R11 atomic (a transaction,
// a unique constraint, a row lock), and reads are made for one viewing service (and agent) so
// that a remote storage never sends a client a field that service may not see (R18, R20, R33).
// A storage decides with the directory facts it holds (the server: its database; the memory
// storage: the memory directory it was given): the masking policy in force (R33) and the agents'
// names and access (R22, R23).
import type { ChannelEvent } from '../events';
import type { ChannelSettings } from '../channel/settings';
import type { TimelineDraft, TimelineEntry } from './timeline';
import type {
  AssignmentRecord,
  ChannelInfo,
  ConnectOutcome,
  ConnectRecord,
  ConversationDecision,
  ConversationInfo,
  ConversationListQuery,
  ConversationPage,
  DecisionQuery,
  EventQuery,
  InboundOutcome,
  InboundRecord,
  MembershipChange,
  MembershipOutcome,
  MarkReadOutcome,
  MarkReadRecord,
  MembershipRecord,
  MessageView,
  ReplyRecord,
  StatusRecord,
  TimelineQuery,
  ViewQuery,
} from './records';

/** 2: R33 (no policy at connect, `decide` instead of a conversation's assignments, timelines per reader). */
export const storageSpecificationVersion = 2 as const;

export interface ChannelStorage {
  readonly specificationVersion: typeof storageSpecificationVersion;
  /** A short name for messages and reports (`memory`, `http`, `sqlite`). */
  readonly name: string;

  /**
   * R3, R5..R8, R13. Atomically: claim `number` for `org` (NUMBER_IN_USE_BY_ANOTHER_ORG when
   * another org holds it); find or create the channel (shared: one per org and number;
   * isolated: one per org, number and service); find or create the service's membership with
   * the next creation sequence (its masking policy is R33's: the admin's override for the org and
   * service, else the catalogue's, as the storage reads it when it projects). An active membership is returned as is
   * (R8); a disabled one is refused with MEMBERSHIP_DISABLED. When the channel had no active
   * member (new or closed, R13) the new member becomes parent. Emits membershipChanged and,
   * when the parent moved, parentChanged.
   */
  connect(input: ConnectRecord): Promise<ConnectOutcome>;

  /**
   * R10..R13. Disable, enable or remove the service's membership on the number, and re-elect
   * in the same atomic step (electParent). Disabling a disabled membership or enabling an active
   * one changes nothing. NOT_CONNECTED when the service has no membership on the number.
   * Nothing else is deleted: messages, conversations and other memberships stay (R12).
   */
  changeMembership(input: MembershipChange): Promise<MembershipOutcome>;

  /** The service's membership on the number (shared or isolated), or null. */
  findMembership(input: { org: string; number: string; service: string }): Promise<MembershipRecord | null>;

  /** The number's shared channel (no service), or the channel of the service's membership. */
  channelInfo(input: { org: string; number: string; service?: string | undefined }): Promise<ChannelInfo | null>;

  /** R9, R28: replace settings keys; NOT_PARENT unless `service` is the parent, checked atomically. */
  configure(input: {
    org: string;
    channel: string;
    service: string;
    settings: ChannelSettings;
  }): Promise<ChannelSettings>;

  /**
   * R13, R15, R26. Store an inbound message in every channel on the number (the shared one and
   * each isolated one, each its own copy and history) unless `providerId` was stored before on
   * this number (then `duplicate`, nothing stored, nothing delivered). NOT_CONNECTED when no org
   * holds the number. Stored even when nobody is active. Emits messageReceived per active member.
   */
  receive(input: InboundRecord): Promise<InboundOutcome>;

  /** The conversation with `customer` in the channel (its id and last inbound time only), or null. */
  conversation(input: { org: string; channel: string; customer: string }): Promise<ConversationInfo | null>;

  /**
   * R22..R24, R33: decide for the asking agent where the facts are: the conversation's
   * assignments, the active members, and the agents' names and access in the storage's directory
   * (core's decideConversation). Null when there is no conversation with the customer yet.
   * Answers only what that agent may see; NOT_CONNECTED for a channel of another org.
   */
  decide(query: DecisionQuery): Promise<ConversationDecision | null>;

  /**
   * R16, R24. Append a reply (status `sent`) if the conversation is still at `expectedVersion`,
   * else CONFLICT (the core decides again). With `assign`, also make the agent the service's
   * assignee, and move the version on; without, leave it (the version guards the assignment
   * decision, so replies of one service do not conflict with each other). Emits messageSent to
   * every active member, projected per member.
   */
  appendReply(input: ReplyRecord): Promise<{ message: string; version: number }>;

  /** R21, R23. Set (or clear) one service's assignee if still at `expectedVersion`, else CONFLICT. */
  setAssignment(input: AssignmentRecord): Promise<{ version: number }>;

  /** R19. The whole history, oldest first, projected for `service` with its policy (R17, R18). */
  view(input: ViewQuery): Promise<MessageView[]>;

  /** R17. Apply a delivery report; the status only moves forward. UNKNOWN_MESSAGE if absent. */
  updateStatus(input: StatusRecord): Promise<{ status: MessageView['status']; changed: boolean }>;

  /** The service's events after a cursor, oldest first, already projected for it. */
  events(input: EventQuery): Promise<ChannelEvent[]>;

  /** Live events for one service, after `after` when given (missed ones first, each once). */
  subscribe(input: EventQuery, listener: (event: ChannelEvent) => void): () => void;

  // Optional capabilities (issue 9). The core refuses the features that need one when it is absent.

  /**
   * The channel's audit timeline, oldest first, paginated by `after`. A storage that has it
   * records an entry in the same atomic step as each membership change (joined, disabled,
   * enabled, removed), election, assignment (with its cause) and status change. Never text.
   * Projected for the reading service (projectTimelineEntry): another service's agent is null (R33).
   */
  timeline?(input: TimelineQuery): Promise<TimelineEntry[]>;

  /**
   * R39. Move `service`'s read marker to the conversation's last message (forward only), assigning
   * nobody, and, where a transport sends the storage's messages, send WhatsApp's read receipt for
   * the last inbound message (with a typing indicator when asked) unless one went out for it
   * already, whichever service read it. NOT_CONNECTED for a channel of another org; the caller
   * checks the agent and the membership (R25).
   */
  markRead?(input: MarkReadRecord): Promise<MarkReadOutcome>;

  /**
   * Issue 21, R17..R21, R33, R39. The channel's conversations as `service` lists them (an active
   * member: NOT_CONNECTED or MEMBERSHIP_DISABLED otherwise), newest activity first, paged by
   * `after` (core's pageConversations and summarizeConversation).
   */
  conversations?(query: ConversationListQuery): Promise<ConversationPage>;

  /** Records an entry the storage cannot see happen itself (R23: a confirmation was requested). */
  note?(input: { org: string; entry: TimelineDraft }): Promise<void>;

  /** A service's durable cursor over its event stream (the id of the last event it handled). */
  loadCursor?(input: { org: string; service: string }): Promise<string | null>;
  saveCursor?(input: { org: string; service: string; cursor: string }): Promise<void>;

  /** Release connections, timers, files. */
  close?(): Promise<void>;
}
