// Words: each service names the same things its own way (Desk: tickets and contacts; CRM: contacts
// and users; SalesIQ: chats, visitors and operators). A vocabulary is data: the words an adapter's
// facade uses for the conversation, the customer and the agent, plus optional labels the facade
// carries through untouched (Desk: department). The rules underneath keep the spec's words.
import { z } from 'zod';

/** The spec's words, which a vocabulary maps onto. */
export const genericWords = { conversation: 'conversation', customer: 'customer', agent: 'agent' } as const;

/** Keys the facade already uses for something else: no vocabulary word may take one. */
export const reservedWords: readonly string[] = [
  'org',
  'service',
  'number',
  'text',
  'confirm',
  'settings',
  'policy',
  'channel',
  'message',
  'messages',
  'assignee',
  'notice',
  'status',
  'id',
  'type',
  'at',
  'members',
  'parent',
  'role',
  'mode',
  'reason',
  'error',
  'subject',
  'state',
  'from',
  'to',
  'cause',
  'masked',
  'agentName',
  'direction',
  'raw',
  'typing',
  'moved',
  'receipt',
];

const word = z.string().regex(/^[a-z][a-zA-Z]{0,31}$/, 'a vocabulary word is one camelCase word, e.g. "ticket"');

export const vocabularySchema = z
  .object({
    /** Names the conversation id on results and events, e.g. "ticket". */
    conversation: word,
    /** Names the customer's WhatsApp id on inputs, results and events, e.g. "contact". */
    customer: word,
    /** Names the acting agent's id on inputs, e.g. "user". */
    agent: word,
    /** Optional string labels accepted on conversation inputs and echoed on their results; never stored. */
    labels: z.array(word).max(8).default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    const roles = [
      ['conversation', v.conversation],
      ['customer', v.customer],
      ['agent', v.agent],
      ...v.labels.map((l, i) => [`labels.${i}`, l]),
    ];
    const seen = new Set<string>();
    const generic = Object.values(genericWords) as string[];
    for (const [role, w] of roles as [string, string][]) {
      const path = role.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      if (reservedWords.includes(w))
        ctx.addIssue({ code: 'custom', path, message: `"${w}" is a word the facade already uses` });
      else if (generic.includes(w) && genericWords[role as keyof typeof genericWords] !== w)
        ctx.addIssue({ code: 'custom', path, message: `"${w}" is the spec's word for something else` });
      else if (seen.has(w)) ctx.addIssue({ code: 'custom', path, message: `"${w}" is used twice` });
      seen.add(w);
    }
  });

/** A vocabulary as an adapter writes it (`as const` objects welcome: labels may be readonly). */
export interface VocabularyInput {
  readonly conversation: string;
  readonly customer: string;
  readonly agent: string;
  readonly labels?: readonly string[] | undefined;
}
export type Vocabulary = z.output<typeof vocabularySchema>;

/** The labels of a vocabulary, as a union of string literals. */
export type LabelOf<V extends VocabularyInput> = V['labels'] extends readonly (infer L extends string)[] ? L : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** A conversation named the service's way: the number, the customer, and any labels. */
export type ConversationRef<V extends VocabularyInput> = Simplify<
  { number: string } & { [K in V['customer']]: string } & { [K in LabelOf<V>]?: string | undefined }
>;

/** A conversation plus the acting agent, named the service's way. */
export type ActingRef<V extends VocabularyInput> = Simplify<ConversationRef<V> & { [K in V['agent']]: string }>;

/** Renames the spec's `conversation` and `customer` keys of a result or event to the service's words. */
export type InVocabulary<T, V extends VocabularyInput> = T extends unknown
  ? Simplify<{
      [K in keyof T as K extends 'conversation' ? V['conversation'] : K extends 'customer' ? V['customer'] : K]: T[K];
    }>
  : never;

/** Runtime twin of InVocabulary: a shallow copy with the two keys renamed. */
export function toVocabulary<T extends object, V extends VocabularyInput>(
  value: T,
  vocabulary: Vocabulary,
): InVocabulary<T, V> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key === 'conversation' ? vocabulary.conversation : key === 'customer' ? vocabulary.customer : key] = v;
  }
  return out as InVocabulary<T, V>;
}
