// A conversation's history read as row arrays (a driver's raw rows, in messageColumns order),
// turned into stored messages: the long-view path (view-1000 bench), where row objects cost half
// the read. R36: raw and error are decoded defensively (messageJson): an unreadable one is left
// out, never fatal.
import type { MessageStatus } from '@onenumber/core';
import type { StoredMessage } from '@onenumber/core/storage-kit';
import { messageJson } from './rows';

/** A message row's columns, in the order every dialect selects them. */
export const messageColumns =
  'id, org, channel, conversation, direction, service, agent, agent_name, type, text, raw, status, error, provider_id, at';

const at = Object.fromEntries(messageColumns.split(',').map((c, i) => [c.trim(), i])) as Record<string, number>;

export function storedFromArray(row: unknown[]): StoredMessage {
  const json = messageJson(row[at.raw!], row[at.error!] as string | null);
  const message: StoredMessage = {
    id: row[at.id!] as string,
    channel: row[at.channel!] as string,
    conversation: row[at.conversation!] as string,
    direction: row[at.direction!] as StoredMessage['direction'],
    service: row[at.service!] as string | null,
    agent: row[at.agent!] as string | null,
    agentName: row[at.agent_name!] as string | null,
    type: row[at.type!] as string,
    text: row[at.text!] as string | null,
    raw: json.raw,
    status: row[at.status!] as MessageStatus,
    error: json.error,
    providerId: row[at.provider_id!] as string | null,
    at: row[at.at!] as string,
  };
  if (json.omitted) message.omitted = json.omitted;
  return message;
}
