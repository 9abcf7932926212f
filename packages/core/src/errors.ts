// R27: every refusal is a typed error with a stable code and a message a person understands.
// The codes are declared once, here, as data.

export const errorCodes = {
  INVALID_INPUT: 'The input does not have the expected shape.',
  INVALID_NUMBER: 'This is not a valid business number. Write it with its country code, e.g. +81 3-1234-5678.',
  NUMBER_NOT_VERIFIED: 'This business number is not verified yet. Verify it with WhatsApp before connecting it.',
  NUMBER_IN_USE_BY_ANOTHER_ORG:
    'This number is already connected in another org. A number belongs to the org that connected it first.',
  MEMBERSHIP_DISABLED: "This service's membership in the channel is disabled. Enable it instead of connecting again.",
  NOT_CONNECTED: 'This service is not connected to that number. Connect it first.',
  NOT_PARENT: 'Only the parent service of the channel may change its settings.',
  FORBIDDEN: 'This agent has no access to that service.',
  ASSIGNMENT_REQUIRED:
    'The conversation is assigned to another agent in another service. Assign it to yourself in this service first.',
  ASSIGNED_TO_ANOTHER_AGENT: 'The conversation is assigned to another agent in this service.',
  UNKNOWN_AGENT: 'No agent with that id exists in this org.',
  UNKNOWN_ORG: 'No org with that id exists in the directory.',
  UNKNOWN_CONVERSATION: 'There is no conversation with that customer in this channel yet.',
  UNKNOWN_MESSAGE: 'No message with that id exists.',
  UNKNOWN_LABEL: 'No earlier step carries that label.',
  CONFLICT: 'The conversation changed while this operation ran. Try again.',
  WINDOW_CLOSED: "The customer's 24-hour window is closed: only an approved template may be sent now.",
  NOT_SUPPORTED: 'This storage does not support that feature. Use a storage that does (memory, http), or upgrade it.',
  STORAGE_MISMATCH: 'The storage implements another version of the ChannelStorage specification.',
  STORAGE_UNAVAILABLE: 'The storage could not be reached. Check that the server runs and the URL is right.',
  UNAUTHORIZED: 'A valid token is required. Ask the server admin for a service token.',
  NOT_FOUND: 'Nothing is served at this path.',
  INTERNAL: 'Something went wrong on our side. The request changed nothing; try again.',
} as const;

export type ErrorCode = keyof typeof errorCodes;

const marker = Symbol.for('@onenumber/core.OneNumberError');

export interface OneNumberErrorJSON {
  error: ErrorCode;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
}

/** The one error class of the public API. Check it with `OneNumberError.isInstance(e)`, which
 * works across duplicated copies of this package (instanceof does not). */
export class OneNumberError extends Error {
  readonly [marker] = true;
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message?: string, extra: { field?: string; details?: Record<string, unknown> } = {}) {
    super(message ?? errorCodes[code]);
    this.name = 'OneNumberError';
    this.code = code;
    this.field = extra.field;
    this.details = extra.details;
  }

  static isInstance(value: unknown): value is OneNumberError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }

  /** Rebuilds an error from its JSON form (what a server sends back). */
  static fromJSON(json: OneNumberErrorJSON): OneNumberError {
    const code = (json.error in errorCodes ? json.error : 'INTERNAL') as ErrorCode;
    return new OneNumberError(code, json.message, { field: json.field, details: json.details });
  }

  toJSON(): OneNumberErrorJSON {
    return {
      error: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export const isOneNumberError = OneNumberError.isInstance;
