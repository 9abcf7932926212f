// Graph API errors, parsed from the body `{error: {message, type, code, error_subcode,
// error_data, fbtrace_id}}` and classified by the CODE, never by the HTTP status alone
// (Meta's Cloud API docs, "Error codes"): rate limits and temporary errors mean "not sent" and
// may be retried; 131047 (window closed), 131026, 131048, 131051 never are. Account refusals (190
// token, 131031 locked, 131042 payment, 368 blocked: R38) are not retried by the client: the
// outbox holds the reply until the sender resumes. An unknown code is final: sends have no
// idempotency key, so a retry we are not sure of could deliver twice. A `Retry-After` header is
// kept as a hint (`retryAfterMs`).
import { OneNumberError, type ErrorCode } from '@onenumber/core';
import { z } from 'zod';

export type GraphErrorKind =
  | 'rate-limit'
  | 'temporary'
  | 'window-closed'
  | 'auth'
  | 'account'
  | 'undeliverable'
  | 'spam-limit'
  | 'unsupported-type'
  | 'other'
  | 'network'
  | 'http'
  | 'bad-response';

export const rateLimitCodes = [130429, 131056, 80007, 4] as const;
export const temporaryCodes = [131000, 1, 2, 131057] as const;
/** R38: refused for an account reason (token expired, account locked, payment issue, temporarily blocked). */
export const accountCodes = [190, 131031, 131042, 368] as const;
const finalKinds: Record<number, GraphErrorKind> = {
  131047: 'window-closed',
  190: 'auth',
  131031: 'account',
  131042: 'account',
  368: 'account',
  131026: 'undeliverable',
  131048: 'spam-limit',
  131051: 'unsupported-type',
};

export function classifyGraphCode(code: number): { kind: GraphErrorKind; retryable: boolean } {
  if ((rateLimitCodes as readonly number[]).includes(code)) return { kind: 'rate-limit', retryable: true };
  if ((temporaryCodes as readonly number[]).includes(code)) return { kind: 'temporary', retryable: true };
  return { kind: finalKinds[code] ?? 'other', retryable: false };
}

export const graphErrorBodySchema = z.object({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    error_data: z.looseObject({ messaging_product: z.string().optional(), details: z.string().optional() }).optional(),
    fbtrace_id: z.string().optional(),
  }),
});

export interface GraphErrorInfo {
  kind: GraphErrorKind;
  retryable: boolean;
  /** The Graph error code from the body; null when there was no answer or no code in it. */
  graphCode: number | null;
  subcode: number | null;
  type: string | null;
  details: string | null;
  fbtraceId: string | null;
  httpStatus: number | null;
  /** How long WhatsApp asked to wait (a `Retry-After` header), when it did. */
  retryAfterMs?: number | null;
}

const marker = Symbol.for('@onenumber/whatsapp.WhatsAppGraphError');

const coreCode = (kind: GraphErrorKind): ErrorCode =>
  kind === 'auth' ? 'UNAUTHORIZED' : kind === 'window-closed' ? 'WINDOW_CLOSED' : 'INTERNAL';

function describe(info: GraphErrorInfo, graphMessage: string | null): string {
  const text = info.details ?? graphMessage;
  const said = text ? `: ${text.slice(0, 300)}` : '';
  switch (info.kind) {
    case 'auth':
      return `WhatsApp refused the access token (Graph error 190${said}). Refresh WHATSAPP_ACCESS_TOKEN (a system-user token does not expire) and restart or resume the sender.`;
    case 'account':
      return `WhatsApp refused to send for an account reason (Graph error ${info.graphCode}${said}): the reply is held. Fix the account in Meta's Business Manager, then resume the sender.`;
    case 'window-closed':
      return `The customer's 24-hour window is closed (Graph error 131047): only an approved template may be sent now.`;
    case 'network':
      return `WhatsApp could not be reached${said}. Whether the message went out is unknown.`;
    case 'http':
      return `WhatsApp answered HTTP ${info.httpStatus} without an error code${said}.`;
    case 'bad-response':
      return `WhatsApp accepted the request but its answer had no message id${said}.`;
    default:
      return `WhatsApp did not send the message (Graph error ${info.graphCode}${info.subcode ? `/${info.subcode}` : ''}, ${info.kind}${said}).`;
  }
}

/** A failed Graph call. A OneNumberError (UNAUTHORIZED for 190, WINDOW_CLOSED for 131047), with the Graph facts. */
export class WhatsAppGraphError extends OneNumberError {
  readonly [marker] = true;
  readonly kind: GraphErrorKind;
  readonly retryable: boolean;
  readonly graphCode: number | null;
  readonly subcode: number | null;
  readonly graphType: string | null;
  readonly fbtraceId: string | null;
  readonly httpStatus: number | null;
  /** WhatsApp's own hint of how long to wait before a retry (`Retry-After`), or null. */
  readonly retryAfterMs: number | null;
  /** The Graph error's own message (or details), as WhatsApp wrote it. */
  readonly graphMessage: string | null;
  /** How many calls were made before giving up. */
  attempts = 1;

  constructor(info: GraphErrorInfo, graphMessage: string | null = null) {
    super(coreCode(info.kind), describe(info, graphMessage), {
      details: {
        graphCode: info.graphCode,
        subcode: info.subcode,
        kind: info.kind,
        retryable: info.retryable,
        fbtraceId: info.fbtraceId,
        httpStatus: info.httpStatus,
        ...(info.kind === 'window-closed' ? { templateAllowed: true } : {}),
      },
    });
    this.name = 'WhatsAppGraphError';
    this.kind = info.kind;
    this.retryable = info.retryable;
    this.graphCode = info.graphCode;
    this.subcode = info.subcode;
    this.graphType = info.type;
    this.fbtraceId = info.fbtraceId;
    this.httpStatus = info.httpStatus;
    this.retryAfterMs = info.retryAfterMs ?? null;
    this.graphMessage = graphMessage;
  }

  static isGraphError(value: unknown): value is WhatsAppGraphError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }

  /** R38: refused for an account reason (190, 131031, 131042, 368): hold, never fail. */
  get accountRefusal(): boolean {
    return this.kind === 'auth' || this.kind === 'account';
  }

  /** The `{code, title}` an outbox failure records. */
  get record(): { code: number | string; title: string } {
    return { code: this.graphCode ?? this.kind, title: this.message.slice(0, 500) };
  }
}

const none = { subcode: null, type: null, details: null, fbtraceId: null } as const;

/** The error of a non-2xx Graph answer; decided by the code in the body when there is one. */
export function graphErrorFromResponse(
  httpStatus: number,
  body: unknown,
  retryAfterMs: number | null = null,
): WhatsAppGraphError {
  const parsed = graphErrorBodySchema.safeParse(body);
  if (!parsed.success) {
    // No code to decide by: an overloaded gateway (429, 5xx) did not take the request; others are final.
    const retryable = httpStatus === 429 || httpStatus >= 500;
    return new WhatsAppGraphError({ kind: 'http', retryable, graphCode: null, httpStatus, retryAfterMs, ...none });
  }
  const e = parsed.data.error;
  return new WhatsAppGraphError(
    {
      ...classifyGraphCode(e.code),
      graphCode: e.code,
      subcode: e.error_subcode ?? null,
      type: e.type ?? null,
      details: e.error_data?.details ?? null,
      fbtraceId: e.fbtrace_id ?? null,
      httpStatus,
      retryAfterMs,
    },
    e.message ?? e.error_data?.details ?? null,
  );
}

/** A `Retry-After` header (seconds, or an HTTP date) in milliseconds from `now`; null when absent or unreadable. */
export function retryAfterOf(header: string | null, now: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^[0-9]{1,7}$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

/** No answer at all (connection refused, reset, timeout): retryable, but the send may have gone out. */
export const networkError = (cause: unknown) =>
  new WhatsAppGraphError(
    { kind: 'network', retryable: true, graphCode: null, httpStatus: null, ...none },
    cause instanceof Error ? cause.message : null,
  );

export const badResponseError = (httpStatus: number) =>
  new WhatsAppGraphError({ kind: 'bad-response', retryable: false, graphCode: null, httpStatus, ...none });
