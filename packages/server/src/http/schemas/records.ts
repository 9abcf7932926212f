// R27: the records of the ChannelStorage interface (core's storage/records.ts) as zod schemas.
// Every request body is parsed with one of these before the storage sees it, so bad input is a
// 400 INVALID_INPUT naming the field and never reaches the database.
import {
  boundedJson,
  channelSettingsSchema,
  customerSchema,
  idSchema as coreIdSchema,
  messageTypeSchema,
  providerIdSchema,
  serviceSchema,
} from '@onenumber/core/schemas';
import { z } from 'zod';

/** R27: ids are well-formed Unicode (a lone surrogate would make two ids one key). */
export const idSchema = coreIdSchema;
/** Records carry numbers already normalised by the core: E.164 only. */
export const e164Schema = z
  .string()
  .regex(/^\+[1-9][0-9]{6,14}$/, 'a business number in E.164 form, e.g. +81312345678');
export const atSchema = z.iso.datetime({ offset: true });
const modeSchema = z.enum(['shared', 'isolated']);
const reasonSchema = z.enum(['bundle', 'standalone', 'upgraded-from-standalone', 'finance-service']);
/** R27: a message's type is one of core's closed list. */
const typeSchema = messageTypeSchema;
const textSchema = z.string().max(65536).nullable();
const messageErrorSchema = z
  .object({ code: z.union([z.number(), z.string().max(64)]), title: z.string().max(500) })
  .strict();

export const connectRecordSchema = z
  .object({
    org: idSchema,
    number: e164Schema,
    service: serviceSchema,
    mode: modeSchema,
    reason: reasonSchema,
    // R33: no policy (the org's, from the admin or the catalogue): a `policy` key is INVALID_INPUT.
    at: atSchema,
  })
  .strict();

export const membershipChangeSchema = z
  .object({
    org: idSchema,
    number: e164Schema,
    service: serviceSchema,
    action: z.enum(['disable', 'enable', 'remove']),
    at: atSchema,
  })
  .strict();

export const findMembershipSchema = z.object({ org: idSchema, number: e164Schema, service: serviceSchema }).strict();

export const channelInfoSchema = z
  .object({ org: idSchema, number: e164Schema, service: serviceSchema.optional() })
  .strict();

export const configureRecordSchema = z
  .object({ org: idSchema, channel: idSchema, service: serviceSchema, settings: channelSettingsSchema })
  .strict();

export const inboundRecordSchema = z
  .object({
    number: e164Schema,
    customer: customerSchema,
    providerId: providerIdSchema.nullable(),
    type: typeSchema,
    text: textSchema,
    raw: boundedJson(), // R36: bounded at the edge
    at: atSchema,
  })
  .strict();

export const conversationQuerySchema = z
  .object({ org: idSchema, channel: idSchema, customer: customerSchema })
  .strict();

/** R22..R24, R33: the decision for an acting or viewing agent of the service (its access is the server's fact). */
export const decisionQuerySchema = z
  .object({
    org: idSchema,
    channel: idSchema,
    customer: customerSchema,
    service: serviceSchema,
    agent: idSchema,
    confirm: z.boolean().optional(),
  })
  .strict();

export const replyRecordSchema = z
  .object({
    org: idSchema,
    channel: idSchema,
    conversation: idSchema,
    expectedVersion: z.number().int().min(0),
    service: serviceSchema,
    agent: idSchema,
    agentName: z.string().min(1).max(200),
    type: typeSchema,
    text: textSchema,
    raw: boundedJson(), // R36: bounded at the edge
    assign: z.boolean(),
    at: atSchema,
  })
  .strict();

export const assignmentRecordSchema = z
  .object({
    org: idSchema,
    channel: idSchema,
    conversation: idSchema,
    expectedVersion: z.number().int().min(0),
    service: serviceSchema,
    agent: idSchema.nullable(),
    at: atSchema,
    /** Why, for the audit timeline: a plain assignment or one confirmed over another service's hold (R23). */
    cause: z.enum(['assign', 'confirmed']).optional(),
  })
  .strict();

export const viewQuerySchema = z
  .object({ org: idSchema, channel: idSchema, conversation: idSchema, service: serviceSchema })
  .strict();

/** Issue 21: a channel's conversations for the listing service, newest activity first. */
export const conversationListQuerySchema = z
  .object({
    org: idSchema,
    channel: idSchema,
    service: serviceSchema,
    after: z.string().min(1).max(128).optional(),
    limit: z.number().int().min(1).max(200),
  })
  .strict();

/** R39: an agent of the service has read the conversation (typing: also a typing indicator). */
export const markReadRecordSchema = z
  .object({
    org: idSchema,
    channel: idSchema,
    conversation: idSchema,
    service: serviceSchema,
    agent: idSchema,
    typing: z.boolean(),
    at: atSchema,
  })
  .strict();

export const statusRecordSchema = z
  .object({
    org: idSchema,
    message: idSchema,
    status: z.enum(['sent', 'delivered', 'read', 'failed']),
    error: messageErrorSchema.nullable(),
    at: atSchema,
  })
  .strict();

export const eventQuerySchema = z
  .object({
    org: idSchema,
    service: serviceSchema,
    after: z.string().min(1).max(64).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

/** The error body of every refusal (R27). */
export const errorBodySchema = z.object({
  error: z.string(),
  message: z.string(),
  field: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

// Optional capabilities (issue 9): the audit timeline and durable feed cursors.
export const timelineQuerySchema = z
  .object({
    org: idSchema,
    channel: idSchema,
    /** R33: the reading service (a service token: its own); another service's agents read as null. */
    service: serviceSchema,
    after: z.string().min(1).max(64).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

const nullableId = idSchema.nullable();
export const noteSchema = z
  .object({
    org: idSchema,
    entry: z
      .object({
        channel: idSchema,
        at: atSchema,
        what: z.enum([
          'joined',
          'disabled',
          'enabled',
          'removed',
          'elected',
          'assigned',
          'unassigned',
          'confirmation-requested',
          'status',
        ]),
        service: nullableId,
        agent: nullableId,
        from: nullableId,
        to: nullableId,
        message: nullableId,
        status: z.string().max(32).nullable(),
        why: z.string().min(1).max(64),
      })
      .strict(),
  })
  .strict();

export const cursorQuerySchema = z.object({ org: idSchema, service: serviceSchema }).strict();
export const saveCursorSchema = z
  .object({ org: idSchema, service: serviceSchema, cursor: z.string().min(1).max(64) })
  .strict();
