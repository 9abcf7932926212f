// R17, R19: what a message carries, typed, for every service that sees it: one kind per WhatsApp
// message type (Meta Cloud API webhook reference, messages), each with a one-line English summary
// a pane can show. Stored inside the message's raw object under `onenumber` (see
// `contentKey`) until the storages keep it as a field of its own.

export const mediaKinds = ['image', 'video', 'audio', 'voice', 'document', 'sticker'] as const;
export type MediaKind = (typeof mediaKinds)[number];

/** Where a message came from when it was an answer to an ad or a post (click-to-WhatsApp). */
export interface Referral {
  sourceUrl: string | null;
  sourceType: string | null;
  headline: string | null;
}

export type MessageContent = (
  | { kind: 'text'; body: string }
  | {
      kind: MediaKind;
      mimeType: string | null;
      caption: string | null;
      /** Bytes, when WhatsApp gave it. */
      size: number | null;
      sha256: string | null;
      /** WhatsApp's media id: GET /v1/media/{message} serves the file without the token. */
      mediaId: string | null;
      filename: string | null;
    }
  | { kind: 'location'; latitude: number; longitude: number; name: string | null; address: string | null }
  | { kind: 'contacts'; names: string[]; phones: string[] }
  | {
      kind: 'reply';
      /** `button` (quick reply), `list`, `flow` (nfm_reply) or `template-button`. */
      replyTo: 'button' | 'list' | 'flow' | 'template-button';
      id: string | null;
      title: string | null;
    }
  | { kind: 'order'; catalogId: string | null; itemsCount: number; text: string | null }
  | ({ kind: 'referral'; body: string | null } & Referral)
  | { kind: 'reaction'; messageId: string; emoji: string | null; removed: boolean }
  | { kind: 'edit'; messageId: string; text: string | null }
  | { kind: 'revoke'; messageId: string }
  | { kind: 'system'; systemType: string | null; body: string | null; newId: string | null }
  | { kind: 'unsupported'; reason: string | null }
  | { kind: 'other'; type: string }
) & {
  /** One line, English, at most 160 characters: "📷 Photo: caption", "📍 Location: name". */
  summary: string;
  /** Set when the message answered an ad or a post (any kind). */
  referral?: Referral;
};

export type MessageKind = MessageContent['kind'];

/** The key of the raw object under which the webhook stores the typed content. */
export const contentKey = 'onenumber' as const;
