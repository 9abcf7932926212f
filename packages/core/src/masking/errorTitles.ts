// R32: the fixed title each failure code is shown with to the services that did not send the
// message. The provider's own error text is the sending service's alone (it may quote the masked
// reply); every other service reads the code and the title from this one table. Titles are ours,
// short, and never hold input. An unknown code reads as the generic title.

/** WhatsApp Cloud API (Graph) error codes a send or a status may fail with. */
const whatsAppTitles: Record<number, string> = {
  0: 'WhatsApp could not authenticate the business account.',
  1: 'WhatsApp reported an unknown error.',
  2: 'WhatsApp was temporarily unavailable.',
  3: 'The business account lacks a capability this message needs.',
  4: 'Too many calls to WhatsApp: the application hit its rate limit.',
  10: 'The business account lacks a permission this message needs.',
  100: 'WhatsApp refused a parameter of the message.',
  190: 'The WhatsApp access token expired or is invalid.',
  200: 'The business account lacks a permission this message needs.',
  368: 'The business account is temporarily blocked for a policy violation.',
  470: "The customer's 24-hour window is closed: only an approved template may be sent now.",
  80007: 'The WhatsApp Business Account hit its rate limit.',
  130429: "The business number hit WhatsApp's throughput limit.",
  130472: "The customer's number is part of a WhatsApp experiment; the message was not sent.",
  130497: 'The business account may not message customers in this country.',
  131000: 'WhatsApp failed to send the message for an unknown reason.',
  131005: 'WhatsApp denied access to send this message.',
  131008: 'WhatsApp found a required parameter missing.',
  131009: 'WhatsApp found a parameter value invalid.',
  131016: 'A WhatsApp service was temporarily unavailable.',
  131021: 'The recipient is the business number itself.',
  131026: 'The message could not be delivered to the customer.',
  131031: 'The business account is locked.',
  131037: "The business number's display name is not approved yet.",
  131042: 'The business account has a payment issue.',
  131045: "The business number's certificate is not valid.",
  131047: "The customer's 24-hour window is closed: only an approved template may be sent now.",
  131048: 'WhatsApp limited sending from this number (spam rate limit).',
  131049: 'WhatsApp chose not to deliver this message, to keep engagement healthy.',
  131050: 'The customer stopped marketing messages from this business.',
  131051: 'WhatsApp does not support this message type.',
  131052: "WhatsApp could not download the customer's media.",
  131053: 'WhatsApp could not upload the media of the message.',
  131056: 'Too many messages to this customer in a short time.',
  131057: 'The business account is in maintenance mode.',
  132000: "The template's parameters do not match its placeholders.",
  132001: 'The template does not exist in this language, or is not approved.',
  132005: 'The template is too long once its parameters are filled in.',
  132007: "The template's content breaks WhatsApp's formatting policy.",
  132012: "The template's parameters have the wrong format.",
  132015: 'The template is paused for low quality.',
  132016: 'The template is disabled for low quality.',
  133010: 'The business number is not registered with WhatsApp.',
  135000: 'WhatsApp could not send the message because of a parameter error.',
};

/** The project's own codes (core's error codes and the WhatsApp transport's failure kinds). */
const projectTitles: Record<string, string> = {
  WINDOW_CLOSED: "The customer's 24-hour window is closed: only an approved template may be sent now.",
  UNAUTHORIZED: 'The WhatsApp access token was refused.',
  NOT_CONNECTED: 'The business number is not connected for sending.',
  STORAGE_UNAVAILABLE: 'The message could not be recorded as sent.',
  INTERNAL: 'The message could not be sent because of an internal error.',
  TRANSPORT_ERROR: 'The transport failed while sending the message.',
  network: 'WhatsApp could not be reached; the message may not have gone out.',
  http: 'WhatsApp answered with an HTTP error and no error code.',
  'bad-response': 'WhatsApp accepted the request but its answer had no message id.',
  'rate-limit': 'WhatsApp rate-limited the send.',
  temporary: 'WhatsApp had a temporary error.',
  auth: 'The WhatsApp access token was refused.',
  'window-closed': "The customer's 24-hour window is closed: only an approved template may be sent now.",
  undeliverable: 'The message could not be delivered to the customer.',
  'spam-limit': 'WhatsApp limited sending from this number (spam rate limit).',
  'unsupported-type': 'WhatsApp does not support this message type.',
  unknown: 'The message failed for a reason the provider did not give.',
};

/** The title of a code nobody listed (and of `other`, what such a code reads as). */
export const genericErrorTitle = 'The message could not be sent.';

/** Every listed code and its title, for documentation and for integrators. */
export const errorTitles: Readonly<Record<string, string>> = Object.freeze({ ...whatsAppTitles, ...projectTitles });

const listed = (code: number | string): boolean => Object.hasOwn(errorTitles, String(code));

/** R32: the fixed title of a failure code. */
export const errorTitleOf = (code: number | string): string =>
  listed(code) ? errorTitles[String(code)]! : genericErrorTitle;

/**
 * R32: the code as another service sees it. A number, or a listed code, as it is; any other
 * string (which a provider or a caller chose, and which could carry words) as `other`.
 */
export const publicErrorCode = (code: number | string): number | string =>
  typeof code === 'number' || listed(code) ? code : 'other';
