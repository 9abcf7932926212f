// R32: a failed send's details are the sender's. The service that sent the message sees the
// error as recorded (the provider's text included); every other service sees the code and the
// fixed title of errorTitles.ts, never the provider's text, which may quote the masked reply.
import { errorTitleOf, publicErrorCode } from './errorTitles';
import type { MessageError } from './message';

/** One viewing service's view of a message's error. `sender` is the message's sending service (null: inbound). */
export function projectError(error: MessageError | null, sender: string | null, viewer: string): MessageError | null {
  if (error === null || (sender !== null && sender === viewer)) return error;
  return { code: publicErrorCode(error.code), title: errorTitleOf(error.code) };
}
