// R17, R18: a message as one viewing service sees it (core's MessageView). Another service's reply
// arrives masked: no text and no agent, its name only where the viewer's policy shows it.
import { z } from 'zod';
import { instantSchema, named } from './named';

export const messageStatusSchema = named(
  'MessageStatus',
  z.enum(['received', 'pending', 'sent', 'delivered', 'read', 'failed']),
  'Delivery statuses only move forward (R17)',
);

export const messageErrorSchema = named(
  'MessageError',
  z.object({ code: z.union([z.number(), z.string()]), title: z.string() }),
  "WhatsApp's error for a failed message",
);

export const messageViewSchema = named(
  'MessageView',
  z.object({
    id: z.string(),
    direction: z.enum(['in', 'out']),
    /** The sending service of a reply; null for inbound. */
    service: z.string().nullable(),
    agent: z.string().nullable(),
    agentName: z.string().nullable(),
    type: z.string(),
    text: z.string().nullable(),
    raw: z.unknown(),
    /** True when this is another service's reply, projected for the viewer (R17). */
    masked: z.boolean(),
    status: messageStatusSchema,
    error: messageErrorSchema.nullable(),
    at: instantSchema,
    /** R36: stored fields the read could not decode and left out; absent when nothing was. */
    omitted: z.array(z.string()).optional(),
  }),
  'A message projected for the viewing service (R17, R18)',
);
