// Webhook payloads in Meta's exact shape (Meta's Cloud API webhook reference), built for the
// simulator and for tests: a customer's message, and a status of a business message.
import type { WebhookPayloadInput } from '../webhook/payloadSchema';

export interface BusinessLine {
  /** The WhatsApp Business Account id (entry id). */
  account: string;
  phoneNumberId: string;
  /** The business number as Meta writes it: digits, no '+'. */
  displayPhoneNumber: string;
}

export interface CustomerIdentity {
  /** E.164 or wa_id digits; absent for a customer known only by business-scoped user id. */
  phone?: string | undefined;
  userId?: string | undefined;
  name?: string | undefined;
}

const digits = (phone: string) => phone.replace(/[^0-9]/g, '');
const unix = (at: number | string | Date) => String(Math.floor(new Date(at).getTime() / 1000));

const envelope = (line: BusinessLine, value: Record<string, unknown>): WebhookPayloadInput => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: line.account,
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: line.displayPhoneNumber, phone_number_id: line.phoneNumberId },
            ...value,
          },
        },
      ],
    },
  ],
});

/** The `messages` entry of one customer message; `content` is the type's object (`{body}` for text). */
export function messageObject(
  who: CustomerIdentity,
  message: { id: string; at: number | string | Date; type: string; content?: unknown },
) {
  return {
    ...(who.phone ? { from: digits(who.phone) } : {}),
    ...(who.userId ? { from_user_id: who.userId } : {}),
    id: message.id,
    timestamp: unix(message.at),
    type: message.type,
    ...(message.content !== undefined ? { [message.type]: message.content } : {}),
  };
}

export function contactObject(who: CustomerIdentity) {
  return {
    profile: { name: who.name ?? 'Customer' },
    ...(who.phone ? { wa_id: digits(who.phone) } : {}),
    ...(who.userId ? { user_id: who.userId } : {}),
  };
}

/** A delivery of one customer message. */
export function messagePayload(
  line: BusinessLine,
  who: CustomerIdentity,
  message: Parameters<typeof messageObject>[1],
): WebhookPayloadInput {
  return envelope(line, { contacts: [contactObject(who)], messages: [messageObject(who, message)] });
}

export interface StatusInput {
  /** The business message's wamid. */
  id: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  at: number | string | Date;
  bizOpaqueCallbackData?: string | undefined;
  errors?: { code: number; title: string; message?: string; details?: string }[] | undefined;
}

export function statusObject(who: CustomerIdentity, status: StatusInput) {
  return {
    id: status.id,
    status: status.status,
    timestamp: unix(status.at),
    ...(who.phone ? { recipient_id: digits(who.phone) } : {}),
    ...(who.userId ? { recipient_user_id: who.userId } : {}),
    ...(status.bizOpaqueCallbackData ? { biz_opaque_callback_data: status.bizOpaqueCallbackData } : {}),
    ...(status.status === 'sent'
      ? {
          conversation: { id: `conv-${status.id.slice(-12)}`, origin: { type: 'service' } },
          pricing: { billable: true, pricing_model: 'PMP', category: 'service' },
        }
      : {}),
    ...(status.errors?.length
      ? {
          errors: status.errors.map((e) => ({
            code: e.code,
            title: e.title,
            message: e.message ?? e.title,
            error_data: { details: e.details ?? e.title },
            href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
          })),
        }
      : {}),
  };
}

/** A delivery of one status of a business message. */
export function statusPayload(line: BusinessLine, who: CustomerIdentity, status: StatusInput): WebhookPayloadInput {
  return envelope(line, { statuses: [statusObject(who, status)] });
}
