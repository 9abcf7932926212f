// Photos in the playground: a customer's phone sends one, or an agent replies with one (the page
// uploads it here, base64); a pane shows an image through the server's GET /v1/media/{message}
// with that service's own token, so a service sees only the files its own view shows it (R17:
// another service's photo reply is masked, and has no file for it).
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { customerIds, services } from './demo';
import type { Session } from './session';

/** About 1.5 MB of photo, well under WhatsApp's 5 MB for an image. */
export const photoBodyLimit = 2_100_000;

/** A photo as the page sends it: its type and its bytes in base64. */
export const photoPartSchema = z
  .object({ mimeType: z.enum(['image/jpeg', 'image/png']), data: z.base64().min(4).max(photoBodyLimit) })
  .strict();

export const photoSchema = photoPartSchema
  .extend({ customer: z.enum(customerIds), caption: z.string().trim().max(1024).optional() })
  .strict();

const mediaPathSchema = z.object({
  service: z.enum(services),
  message: z.string().min(1).max(256),
  customer: z.enum(customerIds),
});

/** `/api/phone/media/{id}`: a file the customer's phone received (from the simulated WhatsApp). */
export async function servePhoneFile(session: Session, url: URL, res: ServerResponse): Promise<void> {
  const id = z
    .string()
    .regex(/^[0-9]{1,32}$/)
    .parse(url.pathname.split('/')[4]);
  const file = await session.phoneFile(id);
  res.writeHead(200, { 'content-type': file.contentType, 'cache-control': 'private, max-age=3600' });
  Readable.fromWeb(file.body as never).pipe(res);
}

/** `/api/media/{service}/{message}?customer=`: the server's answer, streamed as it came. */
export async function serveMedia(session: Session, url: URL, res: ServerResponse): Promise<void> {
  const [, , , service, message] = url.pathname.split('/');
  const input = mediaPathSchema.parse({
    service,
    message: decodeURIComponent(message ?? ''),
    customer: url.searchParams.get('customer'),
  });
  const answer = await session.media(input.service, input.message, input.customer);
  res.writeHead(answer.status, {
    'content-type': answer.headers.get('content-type') ?? 'application/octet-stream',
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  if (!answer.body) return void res.end();
  Readable.fromWeb(answer.body as never).pipe(res);
}
