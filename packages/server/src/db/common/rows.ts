// The row shapes every dialect's SQL returns (same column names in SQLite and PostgreSQL) and
// their conversion to core's records. JSON columns are text; a dialect with native JSON may
// hand back parsed values, which the readers accept as they are. R36: every JSON column is read
// back defensively (storedJson.ts): a value that cannot be decoded is left out, never fatal.
import {
  cataloguePolicy,
  defaultMaskingPolicy,
  type ChannelSettings,
  type MaskingPolicy,
  type MessageError,
  type MessageStatus,
} from '@onenumber/core';
import type { StoredMessage } from '@onenumber/core/storage-kit';
import { readStoredJson } from './storedJson';
import type { UnreadableKind } from './unreadable';

export const toJson = (value: unknown): string => JSON.stringify(value ?? null);

/** A stored JSON column, or `fallback` (counted) when it cannot be read back (R36). */
export const fromJson = <T>(value: unknown, fallback: T, kind: UnreadableKind = 'other'): T =>
  readStoredJson(value, kind, fallback);

const unreadable = Symbol('unreadable');

/** R36: a message's raw and error columns; what cannot be read back is null and named in `omitted`. */
export function messageJson(
  raw: unknown,
  error: unknown,
): { raw: unknown; error: MessageError | null; omitted: string[] | undefined } {
  const rawValue = readStoredJson<unknown>(raw, 'raw', unreadable);
  const errorValue =
    error === null ? null : readStoredJson<MessageError | typeof unreadable>(error, 'error', unreadable);
  let omitted: string[] | undefined;
  if (rawValue === unreadable) omitted = ['raw'];
  if (errorValue === unreadable) omitted = [...(omitted ?? []), 'error'];
  return {
    raw: rawValue === unreadable ? null : rawValue,
    error: errorValue === unreadable ? null : errorValue,
    omitted,
  };
}

export interface ChannelRow {
  id: string;
  org: string;
  number: string;
  mode: 'shared' | 'isolated';
  parent: string | null;
  settings: string;
}

export interface MembershipRow {
  channel: string;
  service: string;
  seq: number;
  state: 'active' | 'disabled';
  /** R33: the admin's override for the membership's org and service (JSON), or null for the catalogue's. */
  policy: string | null;
}

export interface ConversationRow {
  id: string;
  channel: string;
  customer: string;
  version: number;
  last_inbound_at: string | null;
}

export interface MessageRow {
  id: string;
  org: string;
  channel: string;
  conversation: string;
  direction: 'in' | 'out';
  service: string | null;
  agent: string | null;
  agent_name: string | null;
  type: string;
  text: string | null;
  raw: string;
  status: MessageStatus;
  error: string | null;
  provider_id: string | null;
  at: string;
}

/**
 * R33: the policy in force for a membership: the admin's override for its org and service, else
 * core's catalogue. R36: an unreadable stored override reads as the default, which hides the most.
 */
export const policyOf = (row: Pick<MembershipRow, 'service' | 'policy'>): MaskingPolicy =>
  row.policy === null
    ? cataloguePolicy(row.service)
    : fromJson<MaskingPolicy>(row.policy, defaultMaskingPolicy, 'policy');

export function toStoredMessage(row: MessageRow): StoredMessage {
  const json = messageJson(row.raw, row.error);
  const message: StoredMessage = {
    id: row.id,
    channel: row.channel,
    conversation: row.conversation,
    direction: row.direction,
    service: row.service,
    agent: row.agent,
    agentName: row.agent_name,
    type: row.type,
    text: row.text,
    raw: json.raw,
    status: row.status,
    error: json.error,
    providerId: row.provider_id,
    at: row.at,
  };
  if (json.omitted) message.omitted = json.omitted;
  return message;
}

export function toMessageRow(message: StoredMessage, org: string): MessageRow {
  return {
    id: message.id,
    org,
    channel: message.channel,
    conversation: message.conversation,
    direction: message.direction,
    service: message.service,
    agent: message.agent,
    agent_name: message.agentName,
    type: message.type,
    text: message.text,
    raw: toJson(message.raw),
    status: message.status,
    error: message.error === null ? null : toJson(message.error),
    provider_id: message.providerId,
    at: message.at,
  };
}

/** Ids are a prefix and a stored sequence value in base 36 (`ch_1`, `cv_2`, `msg_a`). */
export const formatId = (prefix: string, value: number): string => `${prefix}_${value.toString(36)}`;

export const settingsOf = (channel: ChannelRow): ChannelSettings =>
  fromJson<ChannelSettings>(channel.settings, {}, 'settings');
