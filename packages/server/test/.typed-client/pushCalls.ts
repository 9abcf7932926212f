// R34: the push routes through the typed client (see calls.ts). The endpoint is a public address
// that is never reached: the subscription is paused before any event is queued for it, and
// deleted (with its queue) at the end.
import type createClient from 'openapi-fetch';
import type { paths } from '../.generated/onenumber';
import { ok, refused } from './record';

type Client = ReturnType<typeof createClient<paths>>;

export async function callPushRoutes(admin: Client, desk: Client): Promise<void> {
  const created = ok(await desk.POST('/v1/push/subscriptions', { body: { url: 'https://93.184.216.34/hook' } }));
  const path = { params: { path: { id: created.id } } };
  ok(await desk.POST('/v1/push/subscriptions/{id}/pause', path));
  ok(await desk.POST('/v1/push/subscriptions/{id}/resume', path));
  ok(await desk.POST('/v1/push/subscriptions/{id}/pause', path));
  ok(await desk.GET('/v1/push/subscriptions'));
  ok(await admin.GET('/v1/push/subscriptions', { params: { query: { org: 'acme', service: 'desk' } } }));
  ok(await desk.GET('/v1/push/subscriptions/{id}', path));
  refused(await desk.GET('/v1/push/subscriptions/{id}', { params: { path: { id: 'sub_none' } } }), 404, 'NOT_FOUND');
  ok(await desk.POST('/v1/push/subscriptions/{id}/rotate', { ...path, body: { graceSeconds: 60 } }));
  ok(await desk.POST('/v1/push/subscriptions/{id}/redeliver', { ...path, body: { event: '1' } }));
  ok(await desk.POST('/v1/push/subscriptions/{id}/replay', { ...path, body: { after: '0', limit: 10 } }));
  ok(
    await desk.GET('/v1/push/subscriptions/{id}/deliveries', {
      ...path,
      params: { ...path.params, query: { limit: 5 } },
    }),
  );
  ok(await admin.GET('/v1/admin/push'));
  ok(await desk.DELETE('/v1/push/subscriptions/{id}', path));
}
