// The Graph API, mocked with msw using the real response and error shapes (Meta's Cloud API docs).
// Every send is recorded; answers can be scripted one call at a time.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

export const GRAPH = 'https://graph.facebook.com';

export interface GraphCall {
  version: string;
  phoneNumberId: string;
  authorization: string | null;
  body: Record<string, unknown>;
  /** What the test's clock said when the call arrived (set by `timeOf`). */
  at: number;
}

type Answer = (call: GraphCall) => Response;

let counter = 0;
export const fakeWamid = () =>
  `wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI${(++counter).toString(36).toUpperCase().padStart(6, '0')}`;

/** The success answer of POST /messages. */
export const accepted: Answer = (call) => {
  const to = (call.body.to ?? call.body.recipient) as string;
  return HttpResponse.json({
    messaging_product: 'whatsapp',
    contacts: [{ input: to, wa_id: to }],
    messages: [{ id: fakeWamid(), message_status: 'accepted' }],
  });
};

const known: Record<number, { status: number; message: string; details?: string; subcode?: number }> = {
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
  131056: {
    status: 400,
    message: '(#131056) (Business Account, Consumer Account) pair rate limit hit',
    details:
      'Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.',
  },
  131026: { status: 400, message: '(#131026) Message Undeliverable', details: 'Message Undeliverable.' },
  131000: { status: 500, message: '(#131000) Something went wrong', details: 'Something went wrong.' },
  190: {
    status: 401,
    message: 'Error validating access token: Session has expired on Tuesday, 01-Jul-25 10:00:00 PDT.',
    subcode: 463,
  },
  4: { status: 400, message: '(#4) Application request limit reached', details: 'Application request limit reached.' },
};

/** A Graph error answer: `{error: {message, type, code, error_subcode?, error_data, fbtrace_id}}`. */
export const graphError =
  (code: number): Answer =>
  () => {
    const k = known[code] ?? { status: 400, message: `(#${code}) Error`, details: 'Error.' };
    return HttpResponse.json(
      {
        error: {
          message: k.message,
          type: 'OAuthException',
          code,
          ...(k.subcode ? { error_subcode: k.subcode } : {}),
          ...(k.details ? { error_data: { messaging_product: 'whatsapp', details: k.details } } : {}),
          fbtrace_id: 'AazOmKj1tYvNqWY8IhNIUuE',
        },
      },
      { status: k.status },
    );
  };

export function createGraphMock(timeOf: () => number = () => Date.now()) {
  const calls: GraphCall[] = [];
  const script: Answer[] = [];
  const server = setupServer(
    http.post(`${GRAPH}/:version/:phoneNumberId/messages`, async ({ request, params }) => {
      const call: GraphCall = {
        version: String(params.version),
        phoneNumberId: String(params.phoneNumberId),
        authorization: request.headers.get('authorization'),
        body: (await request.json()) as Record<string, unknown>,
        at: timeOf(),
      };
      calls.push(call);
      return (script.shift() ?? accepted)(call);
    }),
  );
  return {
    server,
    calls,
    /** The next answers, in order; after them every call is accepted. */
    answer: (...answers: Answer[]) => void script.push(...answers),
    reset() {
      calls.length = 0;
      script.length = 0;
    },
  };
}
