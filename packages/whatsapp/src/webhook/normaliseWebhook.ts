// R15, R37: every entry × change × message × status of one delivery, flattened into what
// OneNumber stores (never only the first: some SDKs read entry[0].changes[0] and lose events).
// The sender is `from` (wa_id digits gain '+', like core's normaliseCustomer), else
// `from_user_id`, else the single `contacts[].user_id` (a username user, Meta Cloud API webhook
// reference, business-scoped user ids); a message with none is `unattributed`, and a group
// message's customer is its group (`group:<id>`), the sender kept on the message. Each message
// carries its typed content (core's contentOf).
import { contentOf, normaliseCustomer, type MessageContent } from '@onenumber/core';
import type {
  MessagesChange,
  WebhookContact,
  WebhookErrorItem,
  WebhookMessage,
  WebhookPayload,
  WebhookStatus,
} from './payloadSchema';

/** R37: the customer of a message that names no sender at all. */
export const unattributedCustomer = 'unattributed';

/** Where a message or status arrived: the business number as Meta names it. */
export interface WebhookOrigin {
  /** The WhatsApp Business Account id (the entry id). */
  account: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
}

export interface InboundMessage extends WebhookOrigin {
  /** The provider's message id (`wamid...`): the dedupe key (R15). */
  id: string;
  /** E.164 when the phone is known, else the business-scoped user id; `group:<id>` or `unattributed` (R37). */
  customer: string;
  /** The sender's phone (E.164) and business-scoped user id, each when the delivery names it. */
  phone: string | null;
  userId: string | null;
  profileName: string | null;
  /** A group message's group id (its customer is `group:<id>`). */
  groupId: string | null;
  /** R37: no sender id at all: stored under the customer `unattributed`. */
  unattributed: boolean;
  /** When the customer sent it (ISO). */
  at: string;
  /** `text`, or any other type (image, location, reaction, unsupported, future ones), kept as is. */
  type: string;
  /** `text.body` for text messages; null for every other type (their content is in `content`). */
  text: string | null;
  /** The typed content (kind, summary, ...), derived from the message object (core's contentOf). */
  content: MessageContent;
  /** The message object exactly as received. */
  raw: WebhookMessage;
}

export interface StatusError {
  code: number;
  title: string;
  message: string | null;
  details: string | null;
}

export interface StatusReport extends WebhookOrigin {
  /** The wamid of the business's message this status is about. */
  id: string;
  /** `sent`, `delivered`, `read`, `failed` (or a status Meta adds later, kept as reported). */
  status: string;
  at: string;
  /** E.164 when the phone is known, else the business-scoped user id; null when neither came. */
  recipient: string | null;
  recipientId: string | null;
  recipientUserId: string | null;
  /** What the sender attached with `biz_opaque_callback_data` (OneNumber routes statuses with it). */
  bizOpaqueCallbackData: string | null;
  errors: StatusError[];
  raw: WebhookStatus;
}

export interface WebhookErrorReport extends WebhookOrigin {
  errors: StatusError[];
}

/** A change of another field (account_update, message_template_status_update, ...), untouched. */
export interface OtherChangeReport {
  account: string;
  field: string;
  value: unknown;
}

/** Everything one delivery carried, in the order it came. */
export interface WebhookBatch {
  messages: InboundMessage[];
  statuses: StatusReport[];
  errors: WebhookErrorReport[];
  other: OtherChangeReport[];
}

export const isoFromUnix = (timestamp: string | number): string => new Date(Number(timestamp) * 1000).toISOString();

/** A wa_id or phone as Meta writes it (digits) in E.164 (core's normaliseCustomer adds '+'). */
export const customerFromPhone = (phone: string): string => normaliseCustomer(phone);

const errorOf = (e: WebhookErrorItem): StatusError => ({
  code: e.code,
  title: e.title ?? e.message ?? `error ${e.code}`,
  message: e.message ?? null,
  details: e.error_data?.details ?? null,
});

/** The sender: `from`, else `from_user_id`, else the single contact's `user_id` (R37). */
function senderOf(m: WebhookMessage, contacts: WebhookContact[]) {
  const phone = m.from ? customerFromPhone(m.from) : null;
  const contact =
    contacts.find((c) => (m.from && c.wa_id === m.from) || (m.from_user_id && c.user_id === m.from_user_id)) ??
    (contacts.length === 1 ? contacts[0] : undefined);
  const userId = m.from_user_id ?? contact?.user_id ?? null;
  return { phone, userId, profileName: contact?.profile?.name ?? null };
}

function messagesOf(origin: WebhookOrigin, value: MessagesChange['value']): InboundMessage[] {
  const contacts = value.contacts ?? [];
  return (value.messages ?? []).map((m) => {
    const { phone, userId, profileName } = senderOf(m, contacts);
    const groupId = m.group_id ?? null;
    const sender = phone ?? userId;
    return {
      ...origin,
      id: m.id,
      customer: groupId ? `group:${groupId}` : (sender ?? unattributedCustomer),
      phone,
      userId,
      profileName,
      groupId,
      unattributed: groupId === null && sender === null,
      at: isoFromUnix(m.timestamp),
      type: m.type,
      text: m.type === 'text' ? (m.text?.body ?? '') : null,
      content: contentOf(m.type, m),
      raw: m,
    };
  });
}

function statusesOf(origin: WebhookOrigin, value: MessagesChange['value']): StatusReport[] {
  return (value.statuses ?? []).map((s) => {
    const recipientId = s.recipient_id ?? null;
    const recipientUserId = s.recipient_user_id ?? null;
    return {
      ...origin,
      id: s.id,
      status: s.status,
      at: isoFromUnix(s.timestamp),
      recipient: recipientId ? customerFromPhone(recipientId) : recipientUserId,
      recipientId,
      recipientUserId,
      bizOpaqueCallbackData: s.biz_opaque_callback_data ?? null,
      errors: (s.errors ?? []).map(errorOf),
      raw: s,
    };
  });
}

export function normaliseWebhook(payload: WebhookPayload): WebhookBatch {
  const batch: WebhookBatch = { messages: [], statuses: [], errors: [], other: [] };
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') {
        batch.other.push({ account: entry.id, field: change.field, value: change.value });
        continue;
      }
      const { value } = change as MessagesChange;
      const origin: WebhookOrigin = {
        account: entry.id,
        phoneNumberId: value.metadata.phone_number_id,
        displayPhoneNumber: value.metadata.display_phone_number,
      };
      batch.messages.push(...messagesOf(origin, value));
      batch.statuses.push(...statusesOf(origin, value));
      if (value.errors?.length) batch.errors.push({ ...origin, errors: value.errors.map(errorOf) });
    }
  }
  return batch;
}
