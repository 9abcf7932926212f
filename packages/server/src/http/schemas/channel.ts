// What the membership routes answer (core's storage records): a channel, its members, a
// membership, and the outcomes of connect and changeMembership.
import { channelSettingsSchema } from '@onenumber/core/schemas';
import { z } from 'zod';
import { named } from './named';

export const modeSchema = named('Mode', z.enum(['shared', 'isolated']));
export const roleSchema = named('Role', z.enum(['parent', 'child']));
export const memberSchema = named('Member', z.object({ service: z.string(), role: roleSchema }));
export const channelSettingsResultSchema = named('ChannelSettings', channelSettingsSchema);

export const connectOutcomeSchema = named(
  'ConnectOutcome',
  z.object({
    channel: z.string(),
    mode: modeSchema,
    role: roleSchema,
    /** False when the service was already an active member (R8). */
    created: z.boolean(),
  }),
);

export const membershipOutcomeSchema = named(
  'MembershipOutcome',
  z.object({
    channel: z.string(),
    mode: modeSchema,
    /** The active members afterwards, parent first (R14). */
    members: z.array(memberSchema),
    parentChange: z.object({ from: z.string().nullable(), to: z.string().nullable() }).nullable(),
  }),
);

export const membershipRecordSchema = named(
  'MembershipRecord',
  z.object({
    channel: z.string(),
    mode: modeSchema,
    state: z.enum(['active', 'disabled']),
    role: roleSchema,
    seq: z.number().int(),
  }),
);

export const channelInfoResultSchema = named(
  'ChannelInfo',
  z.object({
    channel: z.string(),
    mode: modeSchema,
    status: z.enum(['active', 'closed']),
    parent: z.string().nullable(),
    members: z.array(memberSchema),
    settings: channelSettingsResultSchema,
  }),
);
