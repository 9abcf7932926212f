// What `onenumber serve` adds for slow clients and crowds: --headers-timeout, --request-timeout,
// --keep-alive-timeout (milliseconds) and --max-connections, each checked here and named in the
// message when wrong. A flag left out leaves its ONENUMBER_* variable (ONENUMBER_HEADERS_TIMEOUT_MS,
// ...) of serve's environment in force, else the server's default.
import { serverLimitsSchema, type ServerLimits } from '@onenumber/server';

export interface ServeLimitFlags {
  headersTimeout?: string | undefined;
  requestTimeout?: string | undefined;
  keepAliveTimeout?: string | undefined;
  maxConnections?: string | undefined;
}

const flags: [keyof ServeLimitFlags, keyof ServerLimits, string, string][] = [
  ['headersTimeout', 'headersTimeoutMs', '--headers-timeout', 'milliseconds'],
  ['requestTimeout', 'requestTimeoutMs', '--request-timeout', 'milliseconds'],
  ['keepAliveTimeout', 'keepAliveTimeoutMs', '--keep-alive-timeout', 'milliseconds'],
  ['maxConnections', 'maxConnections', '--max-connections', 'connections'],
];

/** The limits the flags set, or the message for the first flag that is not a whole number in range. */
export function serveLimits(options: ServeLimitFlags): { limits: Partial<ServerLimits> } | { error: string } {
  const limits: Partial<ServerLimits> = {};
  for (const [flag, key, name, unit] of flags) {
    const text = options[flag];
    if (text === undefined) continue;
    const field = serverLimitsSchema.shape[key];
    const parsed = /^[0-9]{1,9}$/.test(text) ? field.safeParse(Number(text)) : null;
    if (!parsed?.success) {
      const { minValue, maxValue } = field.unwrap();
      return { error: `${name} must be a whole number of ${unit} from ${minValue} to ${maxValue} (got "${text}").` };
    }
    limits[key] = parsed.data;
  }
  return { limits };
}
