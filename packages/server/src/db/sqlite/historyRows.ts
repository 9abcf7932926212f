// A conversation's history read as row arrays (better-sqlite3 `.raw()`), turned into stored
// messages: the long-view path (view-1000 bench), where row objects cost half the read.
import type { MessageError, MessageStatus, StoredMessage } from '@onenumber/core';
import { fromJson } from '../common/rows';
import { messageColumns } from './sql/messageSql';

const at = Object.fromEntries(messageColumns.split(',').map((c, i) => [c.trim(), i])) as Record<string, number>;

export function storedFromArray(row: unknown[]): StoredMessage {
  const error = row[at.error!] as string | null;
  return {
    id: row[at.id!] as string,
    channel: row[at.channel!] as string,
    conversation: row[at.conversation!] as string,
    direction: row[at.direction!] as StoredMessage['direction'],
    service: row[at.service!] as string | null,
    agent: row[at.agent!] as string | null,
    agentName: row[at.agent_name!] as string | null,
    type: row[at.type!] as string,
    text: row[at.text!] as string | null,
    raw: fromJson<unknown>(row[at.raw!] as string),
    status: row[at.status!] as MessageStatus,
    error: error === null ? null : fromJson<MessageError>(error),
    providerId: row[at.provider_id!] as string | null,
    at: row[at.at!] as string,
  };
}
