// Inputs of the directory and admin routes. The directory entries reuse core's schemas, so the
// server accepts exactly what the in-memory directory accepts.
import {
  agentEntrySchema,
  directoryContentsSchema,
  numberEntrySchema,
  orgEntrySchema,
  serviceSchema,
} from '@onenumber/core';
import { z } from 'zod';
import { idSchema } from './records';

export { agentEntrySchema, directoryContentsSchema, orgEntrySchema };

export const numberAdminSchema = numberEntrySchema
  .extend({
    /** The WhatsApp Cloud API phone_number_id of this number, for webhook routing. */
    phoneNumberId: z
      .string()
      .regex(/^[0-9]{1,32}$/, 'a phone_number_id is digits')
      .optional(),
  })
  .strict();

export const issueTokenSchema = z.object({ org: idSchema, service: serviceSchema }).strict();

export const orgQuerySchema = z.object({ id: idSchema }).strict();
export const agentQuerySchema = z.object({ org: idSchema, id: idSchema }).strict();
export const numberQuerySchema = z.object({ number: z.string().min(1).max(64) }).strict();
