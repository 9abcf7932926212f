// Security events as structured log lines, one JSON object each (R35): tokens issued, rotated,
// revoked, found expired, the streams they opened ended, connections refused past the cap.
// Ids, org, service, reasons and times only: never a secret, a hash, a body or message text.

export type SecurityEventName =
  | 'token.issued'
  | 'token.rotated'
  | 'token.revoked'
  | 'token.expired'
  | 'stream.ended'
  | 'connections.refused';

export type EndReason = 'revoked' | 'expired' | 'rotated';

export interface SecurityLog {
  security: SecurityEventName;
  /** When it happened (ISO 8601). */
  at: string;
  tokenId?: string;
  org?: string;
  service?: string;
  /** Why a stream ended: its token was revoked, expired, or its old secret's grace ended. */
  reason?: EndReason;
  expiresAt?: string;
  graceSeconds?: number;
  previousValidUntil?: string;
  /** How long an ended stream had been open, in ms. */
  openMs?: number;
  /** connections.refused: how many since the last such line, and the cap. */
  count?: number;
  max?: number;
}

export type SecurityLogger = (entry: SecurityLog) => void;

/** The default: one JSON line per event on stderr. */
export const jsonLineSecurityLogger: SecurityLogger = (entry) => {
  process.stderr.write(`${JSON.stringify(entry)}\n`);
};

/** A logger that never throws into the request or stream that logs. */
export const safeLogger =
  (logger: SecurityLogger) =>
  (entry: Omit<SecurityLog, 'at'>): void => {
    try {
      logger({ ...entry, at: new Date().toISOString() } as SecurityLog);
    } catch {
      // a failing logger never fails what it logs
    }
  };

export type LogSecurity = ReturnType<typeof safeLogger>;

/** Who a principal is, for a log line. */
export const whoOf = (principal: { kind: string; org?: string; service?: string }) =>
  principal.kind === 'service' ? { org: principal.org, service: principal.service } : {};
