// R27, R36: what every storage checks of a message before it stores it, decided here once: its
// type is in the closed list, its raw object within the bounds, its provider id and customer
// well-formed Unicode. Core's operations check their inputs already; this is the same decision
// for a record that reaches a storage another way (over HTTP, or from an integrator's code).
import { z } from 'zod';
import { messageTypeSchema } from '../masking/messageType';
import { parseInput } from '../validate';
import { boundedJson } from './boundedJson';
import { wellFormed } from './wellFormed';

const storableMessageSchema = z.object({
  type: messageTypeSchema,
  raw: boundedJson(),
  providerId: wellFormed(z.string()).nullable().optional(),
  customer: wellFormed(z.string()).optional(),
});

export interface StorableMessage {
  type: string;
  raw: unknown;
  providerId?: string | null;
  customer?: string;
}

/** Throws INVALID_INPUT naming the field (`type`, `raw`, `providerId`, `customer`) unless the message may be stored. */
export function assertStorableMessage(record: StorableMessage): void {
  parseInput(storableMessageSchema, record, 'record');
}
