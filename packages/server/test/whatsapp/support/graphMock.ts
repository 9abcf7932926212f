// The Graph API mocked in process with msw, answering with the real response and error shapes
// (bodies as Meta documents them in the Cloud API reference). Every call is
// recorded; answers can be scripted one call at a time. Requests to the test's own server on
// 127.0.0.1 pass through untouched.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

export const GRAPH = 'https://graph.facebook.com';

export interface GraphCall {
  version: string;
  phoneNumberId: string;
  authorization: string | null;
  body: { to?: string; type?: string; text?: { body: string }; biz_opaque_callback_data?: string } & Record<
    string,
    unknown
  >;
  /** The wamid answered, when the call was accepted. */
  wamid: string | null;
}

type Answer = (call: GraphCall) => Response;

let counter = 0;
const wamid = () => `wamid.HBgLODE5MDEyMzQ1Njc4FQIAERgS${(++counter).toString(16).toUpperCase().padStart(12, '0')}`;

/** POST /messages accepted: `{messaging_product, contacts: [{input, wa_id}], messages: [{id, message_status}]}`. */
export const accepted: Answer = (call) => {
  call.wamid = wamid();
  const to = String(call.body.to ?? call.body.recipient);
  return HttpResponse.json({
    messaging_product: 'whatsapp',
    contacts: [{ input: to, wa_id: to }],
    messages: [{ id: call.wamid, message_status: 'accepted' }],
  });
};

const errors: Record<number, { status: number; message: string; details?: string; subcode?: number }> = {
  131047: {
    status: 400,
    message: '(#131047) Re-engagement message',
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  130429: {
    status: 400,
    message: '(#130429) Rate limit hit',
    details: 'Cloud API message throughput has been reached.',
  },
  190: {
    status: 401,
    message: 'Error validating access token: Session has expired on Tuesday, 01-Jul-25 10:00:00 PDT.',
    subcode: 463,
  },
};

/** A Graph error: `{error: {message, type, code, error_subcode?, error_data: {messaging_product, details}, fbtrace_id}}`. */
export const graphError =
  (code: 131047 | 130429 | 190): Answer =>
  () => {
    const e = errors[code]!;
    return HttpResponse.json(
      {
        error: {
          message: e.message,
          type: 'OAuthException',
          code,
          ...(e.subcode ? { error_subcode: e.subcode } : {}),
          ...(e.details ? { error_data: { messaging_product: 'whatsapp', details: e.details } } : {}),
          fbtrace_id: 'AazOmKj1tYvNqWY8IhNIUuE',
        },
      },
      { status: e.status },
    );
  };

export function createGraphMock() {
  const calls: GraphCall[] = [];
  const script: Answer[] = [];
  let otherwise: Answer = accepted;
  const server = setupServer(
    http.post(`${GRAPH}/:version/:phoneNumberId/messages`, async ({ request, params }) => {
      const call: GraphCall = {
        version: String(params.version),
        phoneNumberId: String(params.phoneNumberId),
        authorization: request.headers.get('authorization'),
        body: (await request.json()) as GraphCall['body'],
        wamid: null,
      };
      calls.push(call);
      return (script.shift() ?? otherwise)(call);
    }),
  );
  return {
    server,
    calls,
    /** The next answers, in order; after them, `otherwise` (accepted unless changed). */
    answer: (...answers: Answer[]) => void script.push(...answers),
    otherwise: (answer: Answer) => void (otherwise = answer),
    reset() {
      calls.length = 0;
      script.length = 0;
      otherwise = accepted;
    },
  };
}
