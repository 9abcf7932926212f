// The public inputs, one exported zod schema each, so integrators can validate with them too.
// Numbers stay strings here: they are normalised after the agent is known, so that refusals come
// in the documented order (UNKNOWN_AGENT before INVALID_NUMBER).
import { z } from 'zod';
import { boundedJson } from '../bounds/boundedJson';
import { wellFormed } from '../bounds/wellFormed';
import { customerSchema } from '../channel/number';
import { channelSettingsSchema } from '../channel/settings';
import { messageTypeSchema } from '../masking/messageType';
import { replyMediaSchema } from '../messages/replyMedia';

/** An id (org, agent, message): 1 to 128 characters of well-formed Unicode (R27, R36). */
export const idSchema = wellFormed(z.string().min(1).max(128));
/** A provider's message id (WhatsApp's wamid): the dedupe key (R15), so never altered (R36). */
export const providerIdSchema = wellFormed(z.string().min(1).max(256));
export const serviceSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'a service id is lower-case letters, digits and dashes (e.g. "desk")');
const numberInput = z.string().min(1).max(64);

const onNumber = { org: idSchema, service: serviceSchema, number: numberInput };
const withCustomer = { ...onNumber, agent: idSchema, customer: customerSchema };

/** R33: no policy here (the server's catalogue and the admin choose it): a `policy` key is INVALID_INPUT. */
export const connectInputSchema = z.object(onNumber).strict();
export const membershipInputSchema = z.object(onNumber).strict();
export const membersInputSchema = z
  .object({ org: idSchema, number: numberInput, service: serviceSchema.optional() })
  .strict();
export const configureInputSchema = z.object({ ...onNumber, settings: channelSettingsSchema }).strict();

export const receiveInputSchema = z
  .object({
    number: numberInput,
    customer: customerSchema,
    text: z.string().max(65536).nullable().optional(),
    /** The provider's message id, the dedupe key (R15). */
    id: providerIdSchema.optional(),
    /** One of the closed list of message types (R27). */
    type: messageTypeSchema.default('text'),
    /** The provider's message object, bounded (R36: 32 deep, 64 KiB, 1,000 keys). */
    raw: boundedJson().optional(),
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

/** A reply's text (Meta's limit for a text message: 4,096 characters). */
export const replyTextSchema = z.string().min(1).max(4096);
/** A reply is a text or a media message (with its caption): exactly one of `text` and `media`. */
export const replyInputSchema = z
  .object({ ...withCustomer, text: replyTextSchema.optional(), media: replyMediaSchema.optional() })
  .strict()
  .superRefine((input, ctx) => {
    if ((input.text === undefined) === (input.media === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [input.text === undefined ? 'text' : 'media'],
        message: 'a reply has a text or a media part (with its caption), exactly one of them',
      });
  });
export const assignInputSchema = z.object({ ...withCustomer, confirm: z.boolean().default(false) }).strict();
export const viewInputSchema = z.object(withCustomer).strict();
/** R39: an agent of the service has read the conversation; `typing` also shows a typing indicator. */
export const markReadInputSchema = z.object({ ...withCustomer, typing: z.boolean().default(false) }).strict();
export const updateStatusInputSchema = z
  .object({
    org: idSchema,
    message: idSchema,
    status: z.enum(['sent', 'delivered', 'read', 'failed']),
    error: z
      .object({ code: z.union([z.number(), z.string().max(64)]), title: z.string().max(500) })
      .nullable()
      .optional(),
  })
  .strict();
export const eventsInputSchema = z
  .object({
    org: idSchema,
    service: serviceSchema,
    after: z.string().max(64).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

export type ConnectInput = z.input<typeof connectInputSchema>;
export type MembershipInput = z.input<typeof membershipInputSchema>;
export type MembersInput = z.input<typeof membersInputSchema>;
export type ConfigureInput = z.input<typeof configureInputSchema>;
export type ReceiveInput = z.input<typeof receiveInputSchema>;
export type ReplyInput = z.input<typeof replyInputSchema>;
export type AssignInput = z.input<typeof assignInputSchema>;
export type ViewInput = z.input<typeof viewInputSchema>;
export type MarkReadInput = z.input<typeof markReadInputSchema>;
export type UpdateStatusInput = z.input<typeof updateStatusInputSchema>;
export type EventsInput = z.input<typeof eventsInputSchema>;

export const canReplyInputSchema = viewInputSchema;
export const previewLeaveInputSchema = z.object({ ...onNumber, action: z.enum(['disable', 'remove']) }).strict();
export type CanReplyInput = z.input<typeof canReplyInputSchema>;
export type PreviewLeaveInput = z.input<typeof previewLeaveInputSchema>;

export const feedInputSchema = eventsInputSchema
  .extend({
    /** Resume from, and keep, the service's durable cursor (issue 9): each event handled once. */
    durable: z.boolean().optional(),
  })
  .strict();
/** Issue 21: a channel's conversations for the service, newest activity first, paged. */
export const conversationsInputSchema = z
  .object({ ...onNumber, after: z.string().max(128).optional(), limit: z.number().int().min(1).max(200).optional() })
  .strict();
export const timelineInputSchema = z
  .object({ ...onNumber, after: z.string().max(64).optional(), limit: z.number().int().min(1).max(1000).optional() })
  .strict();
export type FeedInput = z.input<typeof feedInputSchema>;
export type TimelineInput = z.input<typeof timelineInputSchema>;
export type ConversationsInput = z.input<typeof conversationsInputSchema>;
