// The environment the transport reads: WHATSAPP_VERIFY_TOKEN and WHATSAPP_APP_SECRET (webhook),
// WHATSAPP_ACCESS_TOKEN (sending), WHATSAPP_GRAPH_URL and WHATSAPP_API_VERSION (tests and
// version upgrades point them elsewhere).
import { parseInput } from '@onenumber/core/schemas';
import { z } from 'zod';

export const defaultGraphUrl = 'https://graph.facebook.com';
export const defaultApiVersion = 'v23.0';

const optionalSecret = z.string().trim().min(1).optional().catch(undefined);
export const apiVersionSchema = z.string().regex(/^v[0-9]{1,3}\.[0-9]{1,3}$/, 'an API version looks like v23.0');

export const whatsAppEnvSchema = z.object({
  WHATSAPP_VERIFY_TOKEN: optionalSecret,
  WHATSAPP_APP_SECRET: optionalSecret,
  WHATSAPP_ACCESS_TOKEN: optionalSecret,
  WHATSAPP_GRAPH_URL: z.url({ protocol: /^https?$/ }).default(defaultGraphUrl),
  WHATSAPP_API_VERSION: apiVersionSchema.default(defaultApiVersion),
});

export interface WhatsAppEnv {
  verifyToken: string | undefined;
  appSecret: string | undefined;
  accessToken: string | undefined;
  graphUrl: string;
  apiVersion: string;
  /** True when the webhook can be answered (verify token and app secret are both set). */
  webhookConfigured: boolean;
}

export type EnvLike = Record<string, string | undefined>;

export const processEnv = (): EnvLike => (globalThis as { process?: { env?: EnvLike } }).process?.env ?? {};

/** Reads and checks the WhatsApp variables (INVALID_INPUT naming the variable when one is malformed). */
export function readWhatsAppEnv(env: EnvLike = processEnv()): WhatsAppEnv {
  const blankAsUnset = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('WHATSAPP_') && v !== ''),
  );
  const parsed = parseInput(whatsAppEnvSchema, blankAsUnset, 'env');
  return {
    verifyToken: parsed.WHATSAPP_VERIFY_TOKEN,
    appSecret: parsed.WHATSAPP_APP_SECRET,
    accessToken: parsed.WHATSAPP_ACCESS_TOKEN,
    graphUrl: parsed.WHATSAPP_GRAPH_URL.replace(/\/+$/, ''),
    apiVersion: parsed.WHATSAPP_API_VERSION,
    webhookConfigured: Boolean(parsed.WHATSAPP_VERIFY_TOKEN && parsed.WHATSAPP_APP_SECRET),
  };
}
