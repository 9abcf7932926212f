// GET /v1/admin/report: what an operator watches besides liveness. R36: reads that left out a
// stored value they could not decode (a record written around the API's edge), by kind, since
// this process started; R35: the event streams open here and those ended because their token
// stopped being valid.
import { z } from 'zod';
import { named } from './named';

const count = z.number().int().min(0);

export const serverReportSchema = named(
  'ServerReport',
  z.object({
    unreadableReads: z
      .object({
        /** All kinds together: 0 unless a stored record could not be read back whole. */
        total: count,
        raw: count,
        error: count,
        event: count,
        settings: count,
        policy: count,
        other: count,
      })
      .catchall(count),
    streams: z.object({
      open: count,
      ended: z.object({ revoked: count, expired: count, rotated: count }),
    }),
  }),
  'Counters of this server process since it started',
);
