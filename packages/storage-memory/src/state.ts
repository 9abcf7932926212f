// The in-memory records behind the storage. Never handed out: every read copies or projects.
import type { ChannelSettings, Mode, TimelineEntry } from '@onenumber/core';
import type { Assignment, StoredMessage } from '@onenumber/core/storage-kit';

export interface MembershipRow {
  service: string;
  seq: number;
  state: 'active' | 'disabled';
}

export interface ConversationRow {
  id: string;
  channel: string;
  customer: string;
  version: number;
  assignments: Assignment[];
  lastInboundAt: string | null;
  messages: StoredMessage[];
  /** R39: each service's read marker, the index of the last message it read (made on first read). */
  readMarkers?: Map<string, number>;
}

export interface ChannelRow {
  id: string;
  org: string;
  number: string;
  mode: Mode;
  parent: string | null;
  settings: ChannelSettings;
  memberships: Map<string, MembershipRow>;
  conversations: Map<string, ConversationRow>;
  /** Issue 9: the audit timeline, oldest first. */
  timeline: TimelineEntry[];
}

export const key = (...parts: string[]): string => parts.join('\u0000');

export class MemoryState {
  seq = 0;
  ids = 0;
  timelineSeq = 0;
  /** org+service -> the last event id the service handled (durable cursor). */
  cursors = new Map<string, string>();
  numberOwner = new Map<string, string>();
  channels = new Map<string, ChannelRow>();
  /** org+number+scope -> channel (scope: '' for the shared one, the service for an isolated one, R3, R6). */
  channelIndex = new Map<string, string>();
  /** org+number+service -> channel holding the service's membership. */
  membershipIndex = new Map<string, string>();
  channelsByNumber = new Map<string, string[]>();
  conversations = new Map<string, ConversationRow>();
  /** Every stored message; a message id encodes its index here (no map entry per message). */
  messages: StoredMessage[] = [];
  /** number -> provider message ids already stored (R15 dedupe). */
  providerIds = new Map<string, Set<string>>();

  nextMessageId(): string {
    return `msg_${this.messages.length.toString(36)}`;
  }

  messageById(id: string): StoredMessage | undefined {
    const message = /^msg_[0-9a-z]{1,10}$/.test(id) ? this.messages[parseInt(id.slice(4), 36)] : undefined;
    return message?.id === id ? message : undefined;
  }

  nextId(prefix: string): string {
    return `${prefix}_${(++this.ids).toString(36)}`;
  }
}
