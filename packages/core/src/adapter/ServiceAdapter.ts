// The adapter contract: a definition (data: service, display name, vocabulary) and the
// service-scoped facade it creates. The facade fills in `org` and `service` on every call; the
// masking policy is the server's (R33).
import type { ChannelSettings } from '../channel/settings';
import type { OneNumber } from '../createOneNumber';
import type { AssignResult } from '../operations/assign';
import type { ConnectResult, MembersResult, MembershipResult } from '../operations/membership';
import type { ViewResult } from '../operations/messages';
import type { MarkReadResult } from '../operations/markRead';
import type { CanReplyResult } from '../operations/canReply';
import type { LeavePreview } from '../operations/previewLeave';
import type { TimelineEntry } from '../storage/timeline';
import type { ChannelEvent } from '../events';
import type { AdapterEventName, AdapterListener } from './adapterEvents';
import type { AdapterSchemas, AssignInputOf, MarkReadInputOf, ReplyInputOf, ViewInputOf } from './adapterSchemas';
import type { InVocabulary, LabelOf, Vocabulary, VocabularyInput } from './vocabulary';

export interface AdapterCreateOptions {
  /** The one OneNumber instance of the app, shared by every adapter. */
  onenumber: OneNumber;
  /** The org this facade acts in. */
  org: string;
  /** Issue 9: live events resume from this service's stored cursor after downtime, each once. */
  durable?: boolean | undefined;
}

/** What results echo of the conversation they were asked about, in the service's words. */
type Echo<V extends VocabularyInput> = { number: string; customer: string } & {
  [K in LabelOf<V>]?: string | undefined;
};

export type AdapterViewResult<V extends VocabularyInput> = InVocabulary<ViewResult & Echo<V>, V>;
export type AdapterReplyResult<V extends VocabularyInput> = InVocabulary<
  { message: string; conversation: string } & Echo<V>,
  V
>;
export type AdapterAssignResult<V extends VocabularyInput> = InVocabulary<AssignResult & Echo<V>, V>;
export type AdapterMarkReadResult<V extends VocabularyInput> = InVocabulary<MarkReadResult & Echo<V>, V>;

export interface ServiceAdapter<V extends VocabularyInput = VocabularyInput> {
  readonly service: string;
  readonly displayName: string;
  readonly vocabulary: Vocabulary;
  readonly org: string;
  /** R1..R8: join the number's shared channel (or an isolated one); the policy is the server's (R33). */
  connect(number: string): Promise<ConnectResult>;
  /** R10, R11: leave sharing; the parent is re-elected at once. */
  disable(number: string): Promise<MembershipResult>;
  /** R10, R11, R13: rejoin with the original creation time. */
  enable(number: string): Promise<MembershipResult>;
  /** R10..R12: delete this service's membership; history stays. */
  remove(number: string): Promise<MembershipResult>;
  /** R13, R14: this service's channel on the number, its status and members, parent first. */
  members(number: string): Promise<MembersResult>;
  /** R9, R28: channel settings; only the parent may change them. */
  configure(number: string, settings: ChannelSettings): Promise<{ ok: true; settings: ChannelSettings }>;
  /** R17..R22: the whole history, masked for this service, with its assignee and notice. */
  view(input: ViewInputOf<V>): Promise<AdapterViewResult<V>>;
  /** R16, R24: a reply from this service, out of the shared number. */
  reply(input: ReplyInputOf<V>): Promise<AdapterReplyResult<V>>;
  /** R21, R23: assign to oneself in this service; may answer confirmation-required with the notice. */
  assign(input: AssignInputOf<V>): Promise<AdapterAssignResult<V>>;
  /** R39: an agent of this service read the conversation: this service's read marker moves, assigning nobody; WhatsApp's read receipt (with a typing indicator when asked) goes out once per customer message where a sender is configured. */
  markRead(input: MarkReadInputOf<V>): Promise<AdapterMarkReadResult<V>>;
  /** Issue 9, R24, R25: whether a reply would be accepted now, and why not (e.g. WINDOW_CLOSED). */
  canReply(input: ViewInputOf<V>): Promise<CanReplyResult>;
  /** Issue 9, R11: who would become parent if this service left; changes nothing. */
  previewLeave(number: string, action: 'disable' | 'remove'): Promise<LeavePreview>;
  /** Issue 9: the channel's audit timeline (this service must be parent). */
  timeline(
    number: string,
    page?: { after?: string; limit?: number },
  ): Promise<{ entries: TimelineEntry[]; next: string | null }>;
  /** Issue 9: this service's events after a cursor (replay after downtime), in its words. */
  events(page?: { after?: string; limit?: number }): Promise<InVocabulary<ChannelEvent, V>[]>;
  /** This service's live events (R20: already projected for it). Returns a function that stops listening. */
  on<N extends AdapterEventName>(name: N, listener: AdapterListener<N, V>): () => void;
  /** Stops this facade's live events. The OneNumber instance stays open (other adapters share it). */
  close(): void;
}

export interface ServiceAdapterDefinition<V extends VocabularyInput = VocabularyInput> {
  readonly specificationVersion: 1;
  readonly service: string;
  readonly displayName: string;
  readonly vocabulary: Vocabulary;
  /** The facade's input schemas, for integrators who validate before calling. */
  readonly schemas: AdapterSchemas<V>;
  create(options: AdapterCreateOptions): ServiceAdapter<V>;
}
