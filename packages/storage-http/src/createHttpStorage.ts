// ChannelStorage over fetch: the exact mirror of the OneNumber server's /v1/storage routes. Each
// method is one POST of its input record; the server computes every projection and decision, so
// this client never receives another service's reply text or agent (R17, R18, R20), nor another
// service's assignee beyond what R22 shows its agent (R33).
import type {
  ChannelEvent,
  ChannelSettings,
  ChannelStorage,
  MembershipRecord,
  MessageView,
  TimelineEntry,
} from '@onenumber/core';
import {
  storageSpecificationVersion,
  type AssignmentRecord,
  type ChannelInfo,
  type ConnectOutcome,
  type ConnectRecord,
  type ConversationDecision,
  type ConversationInfo,
  type ConversationListQuery,
  type ConversationPage,
  type DecisionQuery,
  type EventQuery,
  type InboundOutcome,
  type InboundRecord,
  type MarkReadOutcome,
  type MarkReadRecord,
  type MembershipChange,
  type MembershipOutcome,
  type ReplyRecord,
  type StatusRecord,
  type TimelineDraft,
  type TimelineQuery,
  type ViewQuery,
} from '@onenumber/core/storage-kit';
import { httpStorageOptionsSchema, parseOptions, type HttpStorageOptions } from './options';
import { subscribeOverSse } from './subscribe';
import { createTransport } from './transport';

/** Like createHttpStorage, with the optional capabilities the server reports on GET /health. */
export async function openHttpStorage(options: HttpStorageOptions): Promise<ChannelStorage> {
  const client = parseOptions(httpStorageOptionsSchema, options);
  const health = await createTransport(client).get<{
    capabilities?: { timeline?: boolean; cursors?: boolean; reads?: boolean };
  }>('/health');
  return createHttpStorage({
    ...options,
    capabilities: {
      timeline: health.capabilities?.timeline === true,
      cursors: health.capabilities?.cursors === true,
      reads: health.capabilities?.reads === true,
    },
  });
}

export function createHttpStorage(options: HttpStorageOptions): ChannelStorage {
  const { reconnect, onStreamError, capabilities, ...client } = parseOptions(httpStorageOptionsSchema, options);
  const transport = createTransport(client);
  const call = <T>(method: string, input: unknown) => transport.post<T>(`/v1/storage/${method}`, input);
  const streams = new Set<() => void>();

  // Optional capabilities (issue 9) exist only when the server's storage has them, as the core reads it.
  const timeline = capabilities.timeline && {
    timeline: (input: TimelineQuery) => call<TimelineEntry[]>('timeline', input),
    note: async (input: { org: string; entry: TimelineDraft }) => void (await call<null>('note', input)),
  };
  const cursors = capabilities.cursors && {
    loadCursor: (input: { org: string; service: string }) => call<string | null>('loadCursor', input),
    saveCursor: async (input: { org: string; service: string; cursor: string }) =>
      void (await call<null>('saveCursor', input)),
  };

  const reads = capabilities.reads && {
    markRead: (input: MarkReadRecord) => call<MarkReadOutcome>('markRead', input),
    conversations: (query: ConversationListQuery) => call<ConversationPage>('conversations', query),
  };

  return {
    ...timeline,
    ...reads,
    ...cursors,
    specificationVersion: storageSpecificationVersion,
    name: 'http',
    connect: (input: ConnectRecord) => call<ConnectOutcome>('connect', input),
    changeMembership: (input: MembershipChange) => call<MembershipOutcome>('changeMembership', input),
    findMembership: (input) => call<MembershipRecord | null>('findMembership', input),
    channelInfo: (input) => call<ChannelInfo | null>('channelInfo', input),
    configure: (input) => call<ChannelSettings>('configure', input),
    receive: (input: InboundRecord) => call<InboundOutcome>('receive', input),
    conversation: (input) => call<ConversationInfo | null>('conversation', input),
    decide: (query: DecisionQuery) => call<ConversationDecision | null>('decide', query),
    appendReply: (input: ReplyRecord) => call<{ message: string; version: number }>('appendReply', input),
    setAssignment: (input: AssignmentRecord) => call<{ version: number }>('setAssignment', input),
    view: (input: ViewQuery) => call<MessageView[]>('view', input),
    updateStatus: (input: StatusRecord) =>
      call<{ status: MessageView['status']; changed: boolean }>('updateStatus', input),
    events: (input: EventQuery) => call<ChannelEvent[]>('events', input),
    subscribe(query: EventQuery, listener: (event: ChannelEvent) => void): () => void {
      const stop = subscribeOverSse(transport, query, listener, { reconnect, onStreamError });
      const unsubscribe = () => {
        streams.delete(unsubscribe);
        stop();
      };
      streams.add(unsubscribe);
      return unsubscribe;
    },
    async close() {
      for (const stop of [...streams]) stop();
    },
  };
}
