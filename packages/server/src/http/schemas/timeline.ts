// Issue 9: an entry of a channel's audit timeline (core's TimelineEntry): who, what, when, why,
// never message text (R20). The shape POST /v1/storage/note records, plus the storage's cursor.
import { z } from 'zod';
import { named } from './named';
import { noteSchema } from './records';

export const timelineEntrySchema = named(
  'TimelineEntry',
  noteSchema.shape.entry.extend({
    /** A cursor: pass it as `after` for the next page. */
    id: z.string(),
  }),
);
