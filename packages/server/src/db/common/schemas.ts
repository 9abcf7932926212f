// The edges of the database layer that core does not validate already: outbox calls, tokens,
// WhatsApp routing ids. Exported so the HTTP layer and integrators can reuse them.
import { idSchema, serviceSchema } from '@onenumber/core/schemas';
import { z } from 'zod';

export const isoTimeSchema = z.iso.datetime({ offset: true });

/** Times are compared as text, so they are stored in one form: UTC ISO with milliseconds. */
export const utc = (at: string): string => new Date(at).toISOString();

export const principalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('admin') }).strict(),
  z.object({ kind: z.literal('service'), org: idSchema, service: serviceSchema }).strict(),
]);

export const outboxClaimSchema = z
  .object({
    limit: z.number().int().min(1).max(1000),
    leaseMs: z.number().int().min(1).max(86_400_000),
    worker: z.string().min(1).max(128),
    now: isoTimeSchema,
  })
  .strict();

const providerMessageIdSchema = z.string().min(1).max(256);

export const outboxCompleteSchema = z
  .object({ id: idSchema, providerMessageId: providerMessageIdSchema, at: isoTimeSchema })
  .strict();

export const outboxFailSchema = z
  .object({
    id: idSchema,
    error: z.object({ code: z.union([z.number(), z.string().max(64)]), title: z.string().max(500) }).strict(),
    retryAt: isoTimeSchema.optional(),
    at: isoTimeSchema,
  })
  .strict();

export { providerMessageIdSchema };

/** The Cloud API's phone_number_id (digits in practice; kept lenient for test fixtures). */
export const phoneNumberIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a phone_number_id is up to 64 letters, digits, "_" or "-"');

const timelineWhatSchema = z.enum([
  'joined',
  'disabled',
  'enabled',
  'removed',
  'elected',
  'assigned',
  'unassigned',
  'confirmation-requested',
  'status',
]);
const nullableId = z.string().min(1).max(128).nullable().optional();

/** An audit timeline entry noted from outside the storage (issue 9). Never text: no free field but `why`. */
export const timelineDraftSchema = z
  .object({
    channel: idSchema,
    at: isoTimeSchema,
    what: timelineWhatSchema,
    service: nullableId,
    agent: nullableId,
    from: nullableId,
    to: nullableId,
    message: nullableId,
    status: z.enum(['received', 'pending', 'sent', 'delivered', 'read', 'failed']).nullable().optional(),
    why: z.string().regex(/^[a-z0-9-]{1,64}$/, 'a short code such as held-in-crm'),
  })
  .strict();
