// The few admin calls the playground makes to set up its world: directory, number, tokens.
export function adminClient(url: string, adminToken: string) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as T & { error?: string; message?: string };
    if (!response.ok) throw new Error(`${method} ${path}: ${json.error ?? response.status} ${json.message ?? ''}`);
    return json;
  }
  return {
    setDirectory: (contents: unknown) => call('POST', '/v1/admin/directory', contents),
    setNumber: (entry: { number: string; verified: boolean; phoneNumberId?: string }) =>
      call('PUT', '/v1/admin/numbers', entry),
    issueToken: (org: string, service: string) =>
      call<{ token: string }>('POST', '/v1/admin/tokens', { org, service }).then((t) => t.token),
  };
}
