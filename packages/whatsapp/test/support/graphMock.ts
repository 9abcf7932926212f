// The Graph API, mocked with msw using the real response and error shapes (Meta's Cloud API docs):
// POST /{version}/{phone-number-id}/messages (messages answer `{messaging_product, contacts,
// messages: [{id}]}`, read receipts `{success: true}`) and POST /{version}/{phone-number-id}/media
// (a multipart upload, answered `{id}`). Every call is recorded; answers can be scripted.
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

/** One multipart upload as WhatsApp received it: its text fields and its file. */
export interface UploadCall {
  version: string;
  phoneNumberId: string;
  authorization: string | null;
  contentType: string | null;
  fields: Record<string, string>;
  file: { name: string; type: string; bytes: Uint8Array } | null;
  at: number;
}

/** The success answer of POST /messages (a read receipt answers `{success: true}`). */
export const accepted: Answer = (call) => {
  if (call.body.status === 'read') return HttpResponse.json({ success: true });
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
  131031: { status: 400, message: '(#131031) Business Account locked', details: 'Business Account locked.' },
  131042: {
    status: 400,
    message: '(#131042) Business eligibility payment issue',
    details: 'Message failed to send because there were one or more errors related to your payment method.',
  },
  368: {
    status: 400,
    message: '(#368) Temporarily blocked for policies violations',
    details: 'Temporarily blocked for policies violations.',
  },
  100: { status: 400, message: '(#100) Invalid parameter', details: 'Invalid parameter.' },
};

/** A Graph error answer: `{error: {message, type, code, error_subcode?, error_data, fbtrace_id}}`. */
export const graphError =
  (code: number, options: { retryAfter?: string } = {}): Answer =>
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
      { status: k.status, ...(options.retryAfter ? { headers: { 'retry-after': options.retryAfter } } : {}) },
    );
  };

/** The success answer of POST /media: the uploaded file's media id. */
export const uploaded =
  (id = '1037543291543636') =>
  () =>
    HttpResponse.json({ id });

export function createGraphMock(timeOf: () => number = () => Date.now()) {
  const calls: GraphCall[] = [];
  const script: Answer[] = [];
  const rules: { matches: (call: GraphCall) => boolean; answer: Answer; left: number }[] = [];
  const uploads: UploadCall[] = [];
  const uploadScript: (() => Response)[] = [];
  const server = setupServer(
    http.post(`${GRAPH}/:version/:phoneNumberId/media`, async ({ request, params }) => {
      const contentType = request.headers.get('content-type');
      const form = await request.formData();
      const fields: Record<string, string> = {};
      let file: UploadCall['file'] = null;
      for (const [name, value] of form.entries()) {
        if (typeof value === 'string') fields[name] = value;
        else file = { name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
      }
      uploads.push({
        version: String(params.version),
        phoneNumberId: String(params.phoneNumberId),
        authorization: request.headers.get('authorization'),
        contentType,
        fields,
        file,
        at: timeOf(),
      });
      return (uploadScript.shift() ?? uploaded())();
    }),
    http.post(`${GRAPH}/:version/:phoneNumberId/messages`, async ({ request, params }) => {
      const call: GraphCall = {
        version: String(params.version),
        phoneNumberId: String(params.phoneNumberId),
        authorization: request.headers.get('authorization'),
        body: (await request.json()) as Record<string, unknown>,
        at: timeOf(),
      };
      calls.push(call);
      const rule = rules.find((r) => r.left > 0 && r.matches(call));
      if (rule) {
        rule.left--;
        return rule.answer(call);
      }
      return (script.shift() ?? accepted)(call);
    }),
  );
  return {
    server,
    calls,
    uploads,
    /** The next answers, in order; after them every call is accepted. */
    answer: (...answers: Answer[]) => void script.push(...answers),
    /** The next `times` calls that match are answered so (before the script). */
    answerWhen: (matches: (call: GraphCall) => boolean, answer: Answer, times = 1) =>
      void rules.push({ matches, answer, left: times }),
    /** The next upload answers, in order; after them every upload is answered with a media id. */
    answerUpload: (...answers: (() => Response)[]) => void uploadScript.push(...answers),
    reset() {
      calls.length = 0;
      script.length = 0;
      rules.length = 0;
      uploads.length = 0;
      uploadScript.length = 0;
    },
  };
}
