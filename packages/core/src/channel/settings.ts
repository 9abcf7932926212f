// R28: channel settings are a known set, validated; an unknown key is INVALID_INPUT.
import { z } from 'zod';

export const channelSettingsSchema = z
  .object({
    displayName: z.string().min(1).max(100).optional(),
    greeting: z.string().max(1024).optional(),
  })
  .strict();

export type ChannelSettings = z.output<typeof channelSettingsSchema>;
