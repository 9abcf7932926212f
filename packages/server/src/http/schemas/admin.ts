// Inputs of the directory and admin routes. The directory entries reuse core's schemas, so the
// server accepts exactly what the in-memory directory accepts, and every body is strict: an
// unknown key is INVALID_INPUT naming it.
import {
  agentEntrySchema,
  directoryContentsSchema as coreDirectoryContentsSchema,
  numberEntrySchema,
  orgEntrySchema,
  serviceSchema,
} from '@onenumber/core/schemas';
import { z } from 'zod';
import { idSchema } from './records';

export { agentEntrySchema, orgEntrySchema };

/** Strict like every API body: a misspelt key (`agnets`) is refused, naming it, instead of loading nothing. */
export const directoryContentsSchema = coreDirectoryContentsSchema.strict();

export const numberAdminSchema = numberEntrySchema
  .extend({
    /** The WhatsApp Cloud API phone_number_id of this number, for webhook routing. */
    phoneNumberId: z
      .string()
      .regex(/^[0-9]{1,32}$/, 'a phone_number_id is digits')
      .optional(),
  })
  .strict();

const instant = z.iso.datetime({ offset: true });

export const issueTokenSchema = z
  .object({
    org: idSchema,
    service: serviceSchema,
    /** R35: when it stops being valid (in the future); absent, it is valid until revoked. */
    expiresAt: instant.optional(),
  })
  .strict();

/** One hour: long enough to roll a secret out to every process of a service. */
export const defaultGraceSeconds = 3600;

export const rotateTokenSchema = z
  .object({
    /** How long the replaced secret is still accepted, in seconds (0: not at all; at most 7 days). */
    graceSeconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 86_400)
      .default(defaultGraceSeconds),
    /** A new expiry (null: none); absent, the token keeps its expiry. */
    expiresAt: instant.nullable().optional(),
  })
  .strict();

export const orgQuerySchema = z.object({ id: idSchema }).strict();
export const agentQuerySchema = z.object({ org: idSchema, id: idSchema }).strict();
export const numberQuerySchema = z.object({ number: z.string().min(1).max(64) }).strict();
