// One log line per request: method, path, status, duration, and the org/service of the token.
// Never a body, a query string, a token or message text (R20).
export interface RequestLog {
  method: string;
  path: string;
  status: number;
  ms: number;
  org?: string;
  service?: string;
  /** The error code of a refusal, or the kind of an unexpected failure (never its message). */
  error?: string;
}

export type RequestLogger = (entry: RequestLog) => void;

/** The default: one JSON line per request on stderr. */
export const jsonLineLogger: RequestLogger = (entry) => {
  process.stderr.write(`${JSON.stringify(entry)}\n`);
};

export const silentLogger: RequestLogger = () => {};
