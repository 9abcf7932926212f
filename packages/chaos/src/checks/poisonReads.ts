// The reads the poison check makes after its inputs (R36: a stored record never makes a read
// fail): every read route, as the admin and as each service, and the event stream replayed from
// the start, every frame JSON and no id skipped. Each answer must be a 2xx.
export interface ReadTarget {
  url: string;
  adminToken: string;
  tokens: Record<'desk' | 'crm', string>;
  org: string;
  number: string;
  channel: string;
  conversation: string;
  customer: string;
}

export interface ReadOutcome {
  reads: number;
  failures: string[];
}

async function call(url: string, method: string, path: string, token: string | null, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text };
}

/** The stream of `token` from the first event: its ids must be exactly `ids`, every frame JSON. */
async function replay(t: ReadTarget, token: string, ids: string[]): Promise<string | null> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 20_000);
  try {
    const response = await fetch(`${t.url}/v1/events`, {
      headers: { authorization: `Bearer ${token}`, 'last-event-id': '0' },
      signal: abort.signal,
    });
    if (response.status !== 200 || !response.body) return `GET /v1/events answered ${response.status}`;
    const seen: string[] = [];
    let buffer = '';
    for await (const chunk of response.body.pipeThrough(new TextDecoderStream())) {
      buffer += chunk;
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (data === undefined) continue;
        const event = JSON.parse(data) as { id?: string };
        seen.push(String(event.id));
      }
      if (seen.length >= ids.length) break;
    }
    abort.abort();
    return seen.join(',') === ids.join(',')
      ? null
      : `the stream replayed ${seen.length} ids, the list has ${ids.length}`;
  } catch (error) {
    return `the stream replay failed: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}

/** Every read route once per principal; with `stream`, the event streams replayed too. */
export async function readEverything(t: ReadTarget, stream: boolean): Promise<ReadOutcome> {
  const failures: string[] = [];
  let reads = 0;
  const expectOk = async (what: string, answer: Promise<{ status: number; text: string }>) => {
    reads++;
    const { status, text } = await answer.catch((e: Error) => ({ status: 0, text: e.message }));
    if (status < 200 || status > 299) failures.push(`${what} answered ${status}: ${text.slice(0, 160)}`);
    return text;
  };
  const { org, channel, conversation, customer, number } = t;
  await expectOk('GET /health', call(t.url, 'GET', '/health', null));
  for (const path of ['/v1/admin/tokens', `/v1/admin/orgs/${org}/agents`, '/v1/admin/whatsapp', '/v1/admin/report'])
    await expectOk(`GET ${path}`, call(t.url, 'GET', path, t.adminToken));
  for (const service of ['desk', 'crm'] as const) {
    const token = t.tokens[service];
    const post = (path: string, body: unknown) =>
      expectOk(`${service} POST ${path}`, call(t.url, 'POST', path, token, body));
    await post('/v1/storage/view', { org, channel, conversation, service });
    await post('/v1/storage/conversation', { org, channel, customer });
    await post('/v1/storage/decide', { org, channel, customer, service, agent: `agent-${service}` });
    await post('/v1/storage/channelInfo', { org, number, service });
    await post('/v1/storage/findMembership', { org, number, service });
    await post('/v1/storage/loadCursor', { org, service });
    await post('/v1/directory/org', { id: org });
    await post('/v1/directory/agent', { org, id: `agent-${service}` });
    await post('/v1/directory/number', { number });
    const listed = await post('/v1/storage/events', { org, service, limit: 1000 });
    if (stream) {
      let ids: string[] = [];
      try {
        ids = (JSON.parse(listed) as { id: string }[]).map((e) => String(e.id));
      } catch {
        continue; // already a failure above
      }
      reads++;
      const problem = ids.length < 1000 ? await replay(t, token, ids) : null;
      if (problem) failures.push(`${service}: ${problem}`);
    }
  }
  const timeline = await call(t.url, 'POST', '/v1/storage/timeline', t.adminToken, { org, channel, service: 'desk' });
  reads++;
  if (timeline.status !== 200) failures.push(`admin POST /v1/storage/timeline answered ${timeline.status}`);
  return { reads, failures };
}
