// A service process's view of the server, for tests: core's createOneNumber over the server's
// storage and directory routes with the service's own token (the same routes
// @onenumber/storage-http calls; that package depends on this one, so it is not imported here).
import { createOneNumber, OneNumberError, type ChannelStorage, type Directory, type ErrorCode } from '@onenumber/core';
import { storageSpecificationVersion } from '@onenumber/core/storage-kit';

const methods = [
  'connect',
  'changeMembership',
  'findMembership',
  'channelInfo',
  'configure',
  'receive',
  'conversation',
  'decide',
  'appendReply',
  'setAssignment',
  'view',
  'markRead',
  'updateStatus',
  'events',
] as const;

export function serviceSdk(url: string, token: string) {
  async function call<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as T & { error?: ErrorCode; message?: string };
    if (!response.ok) throw new OneNumberError(json.error ?? 'INTERNAL', json.message);
    return json;
  }
  const storage = {
    specificationVersion: storageSpecificationVersion,
    name: 'http (test)',
    ...Object.fromEntries(methods.map((m) => [m, (input: unknown) => call(`/v1/storage/${m}`, input)])),
    subscribe: () => () => {},
  } as unknown as ChannelStorage;
  const directory: Directory = {
    org: (id) => call('/v1/directory/org', { id }),
    agent: (org, id) => call('/v1/directory/agent', { org, id }),
    number: (number) => call('/v1/directory/number', { number }),
  };
  return createOneNumber({ storage, directory });
}
