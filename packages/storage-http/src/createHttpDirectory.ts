// core's Directory port over HTTP: what the rules read (orgs, agents, numbers) comes from the
// server's stored directory. Read-only: only the admin routes change the directory, so a service
// can never claim an access it lacks.
import type { AgentEntry, Directory, NumberEntry, OrgEntry } from '@onenumber/core';
import { httpClientOptionsSchema, parseOptions, type HttpClientOptions } from './options';
import { createTransport } from './transport';

export function createHttpDirectory(options: HttpClientOptions): Directory {
  const transport = createTransport(parseOptions(httpClientOptionsSchema, options));
  return {
    org: (id) => transport.post<OrgEntry | null>('/v1/directory/org', { id }),
    agent: (org, id) => transport.post<AgentEntry | null>('/v1/directory/agent', { org, id }),
    number: (e164) => transport.post<NumberEntry | null>('/v1/directory/number', { number: e164 }),
  };
}
