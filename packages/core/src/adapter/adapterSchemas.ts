// R27, R33: what defines a service adapter (service id, display name, vocabulary; no masking
// policy, which is the server's), and the facade's input schemas, built from the vocabulary so
// that a refusal names the field the way the service's developer wrote it (INVALID_INPUT, field
// "contact").
import { z } from 'zod';
import { wellFormed } from '../bounds/wellFormed';
import { channelSettingsSchema } from '../channel/settings';
import { customerSchema } from '../channel/number';
import { connectInputSchema, idSchema, replyTextSchema, serviceSchema } from '../operations/schemas';
import { vocabularySchema, type ActingRef, type Vocabulary, type VocabularyInput } from './vocabulary';

/** The adapter contract's version: an adapter written for another one fails loudly at definition. */
export const adapterSpecificationVersion = 1 as const;

export const serviceAdapterSpecSchema = z
  .object({
    specificationVersion: z
      .literal(adapterSpecificationVersion, {
        error: `this core implements adapter specification ${adapterSpecificationVersion}; install matching versions of @onenumber/core and the adapter`,
      })
      .default(adapterSpecificationVersion),
    /** The service id the facade fills in on every call, e.g. "desk". */
    service: serviceSchema,
    /** For people: "Zoho Desk". */
    displayName: z.string().min(1).max(100),
    vocabulary: vocabularySchema,
  })
  .strict();

export type ServiceAdapterSpecInput<V extends VocabularyInput = VocabularyInput> = Omit<
  z.input<typeof serviceAdapterSpecSchema>,
  'vocabulary'
> & { vocabulary: V };

/** A business number as the facade takes it; core normalises and checks it (INVALID_NUMBER). */
export const adapterNumberSchema = connectInputSchema.shape.number;
/** A label (an id in the service's words, e.g. a ticket id): well-formed Unicode (R27, R36). */
export const adapterLabelSchema = wellFormed(z.string().min(1).max(200));

export type ViewInputOf<V extends VocabularyInput> = ActingRef<V>;
export type ReplyInputOf<V extends VocabularyInput> = ActingRef<V> & { text: string };
export type AssignInputOf<V extends VocabularyInput> = ActingRef<V> & { confirm?: boolean | undefined };
export type MarkReadInputOf<V extends VocabularyInput> = ActingRef<V> & { typing?: boolean | undefined };

export interface AdapterSchemas<V extends VocabularyInput> {
  number: z.ZodType<string, string>;
  settings: typeof channelSettingsSchema;
  view: z.ZodType<ViewInputOf<V>, ViewInputOf<V>>;
  reply: z.ZodType<ReplyInputOf<V>, ReplyInputOf<V>>;
  assign: z.ZodType<AssignInputOf<V> & { confirm: boolean }, AssignInputOf<V>>;
  markRead: z.ZodType<MarkReadInputOf<V> & { typing: boolean }, MarkReadInputOf<V>>;
}

/** The facade's input schemas for one vocabulary, strict: an unknown key (e.g. `service`) is refused. */
export function adapterInputSchemas<V extends VocabularyInput>(vocabulary: Vocabulary): AdapterSchemas<V> {
  const ref: Record<string, z.ZodType> = { number: adapterNumberSchema, [vocabulary.customer]: customerSchema };
  for (const label of vocabulary.labels) ref[label] = adapterLabelSchema.optional();
  const acting = { ...ref, [vocabulary.agent]: idSchema };
  return {
    number: adapterNumberSchema,
    settings: channelSettingsSchema,
    view: z.object(acting).strict() as never,
    reply: z.object({ ...acting, text: replyTextSchema }).strict() as never,
    assign: z.object({ ...acting, confirm: z.boolean().default(false) }).strict() as never,
    markRead: z.object({ ...acting, typing: z.boolean().default(false) }).strict() as never,
  };
}
