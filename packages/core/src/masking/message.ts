// R17: what a message is, as stored, and as one service sees it.

/** R38: `pending` until the transport's provider accepts the reply (only where one is configured). */
export type DeliveryStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed';
export type MessageStatus = 'received' | DeliveryStatus;
export type Direction = 'in' | 'out';

export interface MessageError {
  code: number | string;
  title: string;
}

/** A message as the storage keeps it. Never handed to a service as is: see projectMessage. */
export interface StoredMessage {
  id: string;
  channel: string;
  conversation: string;
  direction: Direction;
  /** The sending service of a reply; null for inbound. */
  service: string | null;
  /** The sending agent's id and display name (captured when sent); null for inbound. */
  agent: string | null;
  agentName: string | null;
  /** `text`, or another WhatsApp type (image, template, ...) kept with its raw payload. */
  type: string;
  text: string | null;
  raw: unknown;
  status: MessageStatus;
  error: MessageError | null;
  providerId: string | null;
  at: string;
  /** R36: stored fields a read could not decode and left out (e.g. `['raw']`, then raw is null). */
  omitted?: string[];
}

/** A message as one viewing service sees it (R17, R18). */
export interface MessageView {
  id: string;
  direction: Direction;
  service: string | null;
  agent: string | null;
  /** Only where the viewer's masking policy shows other services' agent names (R18). */
  agentName: string | null;
  type: string;
  text: string | null;
  raw: unknown;
  masked: boolean;
  status: MessageStatus;
  /** R32: as recorded for the sending service; the code and its fixed title for the others. */
  error: MessageError | null;
  at: string;
  /** R36: stored fields the read could not decode and left out; absent when nothing was. */
  omitted?: string[];
}
