// The Graph API's error answers as the simulator gives them (Meta's Cloud API reference, "Error
// codes": `{error: {message, type, code, error_data: {messaging_product, details}, fbtrace_id}}`),
// typed exactly as the Graph client types a real one.
import { graphErrorFromResponse, type WhatsAppGraphError } from '../send/graphError';

/** An expired token answers 401; every other refusal the simulator plays answers 400. */
const statusOf = (code: number) => (code === 190 ? 401 : 400);

export function simulatedGraphError(code: number, message: string, details: string): WhatsAppGraphError {
  return graphErrorFromResponse(statusOf(code), {
    error: {
      message,
      type: 'OAuthException',
      code,
      error_data: { messaging_product: 'whatsapp', details },
      fbtrace_id: 'SIMULATOR',
    },
  });
}

/** What `failNext(code)` throws. */
export const failedOnPurpose = (code: number) =>
  simulatedGraphError(code, `(#${code}) Simulated failure`, 'Simulated by createSimulator().failNext');

/** 131047: a free-form message (anything but a template) outside the customer's 24-hour window. */
export const windowClosed = () =>
  simulatedGraphError(
    131047,
    '(#131047) Re-engagement message',
    'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  );
