// R15, R27, R36: the typed content of a WhatsApp message object (Meta Cloud API webhook
// reference, messages), derived from its `type` and the part named after it, checked with the
// schemas of contentSchemas.ts. Never throws: a part that does not match its schema (a field
// WhatsApp changed) gives `unsupported` with the reason, and the raw object keeps everything.
import type { z } from 'zod';
import {
  buttonPartSchema,
  contactCardSchema,
  editPartSchema,
  errorItemSchema,
  interactivePartSchema,
  locationPartSchema,
  mediaPartSchema,
  orderPartSchema,
  reactionPartSchema,
  referralPartSchema,
  revokePartSchema,
  systemPartSchema,
} from './contentSchemas';
import type { MessageContent, Referral } from './messageContent';
import { summaryOf } from './summaryOf';

type Draft = MessageContent extends infer C ? (C extends MessageContent ? Omit<C, 'summary'> : never) : never;

const part = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
};
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
const num = (value: unknown): number | null => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};
const cap = <T>(list: T[]) => list.slice(0, 50);

function media(kind: 'image' | 'video' | 'audio' | 'document' | 'sticker', value: unknown): Draft | null {
  const m = part(mediaPartSchema, value);
  if (!m) return null;
  return {
    kind: kind === 'audio' && m.voice === true ? 'voice' : kind,
    mimeType: str(m.mime_type),
    caption: str(m.caption),
    size: num(m.file_size),
    sha256: str(m.sha256),
    mediaId: str(m.id),
    filename: str(m.filename),
  };
}

function reply(value: unknown): Draft | null {
  const i = part(interactivePartSchema, value);
  if (!i) return null;
  if (i.button_reply)
    return { kind: 'reply', replyTo: 'button', id: str(i.button_reply.id), title: str(i.button_reply.title) };
  if (i.list_reply) return { kind: 'reply', replyTo: 'list', id: str(i.list_reply.id), title: str(i.list_reply.title) };
  if (i.nfm_reply)
    return { kind: 'reply', replyTo: 'flow', id: str(i.nfm_reply.name), title: str(i.nfm_reply.body) ?? 'Sent' };
  return null;
}

function contacts(value: unknown): Draft | null {
  if (!Array.isArray(value)) return null;
  const cards = value.map((c) => part(contactCardSchema, c)).filter((c) => c !== null);
  const names = cards.map((c) => str(c.name?.formatted_name) ?? str(c.name?.first_name)).filter((n) => n !== null);
  const phones = cards
    .flatMap((c) => (c.phones ?? []).map((p) => str(p.phone) ?? str(p.wa_id)))
    .filter((p) => p !== null);
  return { kind: 'contacts', names: cap(names), phones: cap(phones) };
}

function system(value: unknown): Draft | null {
  const s = part(systemPartSchema, value);
  if (!s) return null;
  return { kind: 'system', systemType: str(s.type), body: str(s.body), newId: str(s.wa_id) ?? str(s.user_id) };
}

function unsupported(raw: Record<string, unknown>): Draft {
  const errors = Array.isArray(raw.errors) ? raw.errors : [];
  const first = part(errorItemSchema, errors[0]);
  return { kind: 'unsupported', reason: str(first?.title) ?? str(first?.message) };
}

function draftOf(type: string, raw: Record<string, unknown>): Draft | null {
  const value = raw[type];
  switch (type) {
    case 'text': {
      const body = str((value as { body?: unknown } | undefined)?.body) ?? '';
      // The common case, a plain text, costs no schema run (the webhook's hot path).
      const referral = raw.referral === undefined ? null : part(referralPartSchema, raw.referral);
      if (referral)
        return {
          kind: 'referral',
          body: body || null,
          sourceUrl: str(referral.source_url),
          sourceType: str(referral.source_type),
          headline: str(referral.headline),
        };
      return { kind: 'text', body };
    }
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return media(type, value);
    case 'location': {
      const l = part(locationPartSchema, value);
      const latitude = num(l?.latitude);
      const longitude = num(l?.longitude);
      if (!l || latitude === null || longitude === null) return null;
      return { kind: 'location', latitude, longitude, name: str(l.name), address: str(l.address) };
    }
    case 'contacts':
      return contacts(value);
    case 'interactive':
      return reply(value);
    case 'button': {
      const b = part(buttonPartSchema, value);
      return b ? { kind: 'reply', replyTo: 'template-button', id: str(b.payload), title: str(b.text) } : null;
    }
    case 'order': {
      const o = part(orderPartSchema, value);
      if (!o) return null;
      const itemsCount = (o.product_items ?? []).reduce((n, item) => n + (num(item.quantity) ?? 1), 0);
      return { kind: 'order', catalogId: str(o.catalog_id), itemsCount, text: str(o.text) };
    }
    case 'reaction': {
      const r = part(reactionPartSchema, value);
      if (!r) return null;
      const emoji = str(r.emoji);
      return { kind: 'reaction', messageId: r.message_id, emoji, removed: emoji === null };
    }
    case 'edit': {
      const e = part(editPartSchema, value);
      if (!e) return null;
      const inner = e.message as Record<string, unknown> | undefined;
      const edited = inner && typeof inner.type === 'string' ? draftOf(inner.type, inner) : null;
      const newText =
        edited?.kind === 'text'
          ? edited.body
          : edited && 'caption' in edited
            ? edited.caption
            : str(e.message?.text?.body);
      return { kind: 'edit', messageId: e.original_message_id, text: newText ?? null };
    }
    case 'revoke': {
      const r = part(revokePartSchema, value);
      return r ? { kind: 'revoke', messageId: r.original_message_id } : null;
    }
    case 'system':
      return system(value);
    case 'unsupported':
      return unsupported(raw);
    case 'request_welcome':
      return { kind: 'system', systemType: 'request_welcome', body: 'Opened the chat', newId: null };
    default:
      return { kind: 'other', type: type.slice(0, 40) };
  }
}

function referralOf(raw: Record<string, unknown>): Referral | undefined {
  const r = raw.referral === undefined ? null : part(referralPartSchema, raw.referral);
  return r ? { sourceUrl: str(r.source_url), sourceType: str(r.source_type), headline: str(r.headline) } : undefined;
}

/**
 * The typed content of a WhatsApp message object of type `type` (kept as is in `raw`), with its
 * one-line summary. Tolerant: a part that does not match gives `unsupported`, never an error.
 */
export function contentOf(type: string, raw: unknown): MessageContent {
  const object = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const draft = draftOf(type, object) ?? {
    kind: 'unsupported' as const,
    reason: `a ${type.slice(0, 40)} part WhatsApp changed`,
  };
  const referral = draft.kind === 'referral' ? undefined : referralOf(object);
  return { ...draft, summary: summaryOf(draft), ...(referral ? { referral } : {}) } as MessageContent;
}

/** The text to store beside the content: a text's body, else a caption or the edited text, else the summary. */
export function textOf(content: MessageContent): string {
  switch (content.kind) {
    case 'text':
      return content.body;
    case 'referral':
      return content.body ?? content.summary;
    default:
      return content.summary;
  }
}
