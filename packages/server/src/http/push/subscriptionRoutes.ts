// R34, R35: push subscriptions over HTTP. A service (its own token) or the admin registers an
// endpoint for that service (its URL checked before any connection: no SSRF) and gets the
// signing secret once; lists, reads, pauses, resumes, rotates the secret (both secrets sign
// during the grace period) and deletes them. A subscription is bound to the token that created
// (or last resumed) it: revoking or expiring that token pauses it on every replica (R35).
import { randomBytes } from 'node:crypto';
import { OneNumberError } from '@onenumber/core';
import { parseInput } from '@onenumber/core/schemas';
import type { Hono } from 'hono';
import type { ServerDatabase } from '../../db/ServerDatabase';
import { checkDestination } from '../../push/destination';
import type { PushLogger, ResolvedPushOptions } from '../../push/pushOptions';
import { newSecret } from '../../push/signing';
import { requireScope } from '../auth';
import { answerParsed } from '../routes/answer';
import { readBody, type AppEnv } from '../routes/context';
import { ownSubscription, publicView, pushStoreOf, streamOf, subscriptionId } from './access';
import {
  createdSubscriptionSchema,
  createSubscriptionSchema,
  pushSubscriptionSchema,
  rotatedSecretSchema,
  rotateSecretSchema,
  subscriptionDeletedSchema,
  subscriptionListQuerySchema,
} from './pushSchemas';

export interface SubscriptionHooks {
  options: ResolvedPushOptions;
  log: PushLogger;
  /** A subscription was created, resumed or deleted here: the worker looks at its streams again. */
  changed(): void;
}

const base = '/v1/push/subscriptions';

export function subscriptionRoutes(app: Hono<AppEnv>, db: ServerDatabase, hooks: SubscriptionHooks): void {
  const { options, log } = hooks;
  const who = (c: { var: AppEnv['Variables'] }) => ({
    by: c.var.principal.kind,
    ...(c.var.grant ? { tokenId: c.var.grant.id } : {}),
  });

  app.post(base, async (c) => {
    const push = pushStoreOf(db);
    const body = await readBody(c, createSubscriptionSchema);
    const { org, service } = streamOf(c.var.principal, body);
    requireScope(c.var.principal, { org, service });
    await checkDestination(body.url, options);
    const secret = newSecret();
    const at = new Date().toISOString();
    const id = `sub_${randomBytes(8).toString('hex')}`;
    const types = body.types ? [...new Set(body.types)] : null;
    const token = c.var.grant?.id ?? null;
    const created = await push.create(
      { id, org, service, url: body.url, types: types as never, token, secret, at },
      options.maxPerService,
    );
    if (!created)
      throw new OneNumberError(
        'INVALID_INPUT',
        `A service has at most ${options.maxPerService} push subscriptions: delete one first.`,
        { field: 'url' },
      );
    log({ push: 'subscription.created', subscription: id, org, service, ...who(c) });
    hooks.changed();
    return answerParsed(c, createdSubscriptionSchema, { ...created, secret }, 201);
  });

  app.get(base, async (c) => {
    const push = pushStoreOf(db);
    const query = parseInput(subscriptionListQuerySchema, c.req.query(), 'query');
    const principal = c.var.principal;
    requireScope(principal, query);
    const filter = principal.kind === 'service' ? { org: principal.org, service: principal.service } : query;
    return answerParsed(c, pushSubscriptionSchema.array(), await push.list(filter));
  });

  app.get(`${base}/:id`, async (c) => {
    const push = pushStoreOf(db);
    const found = await ownSubscription(push, c.var.principal, subscriptionId(c.req.param('id')));
    return answerParsed(c, pushSubscriptionSchema, publicView(found));
  });

  app.post(`${base}/:id/pause`, async (c) => {
    const push = pushStoreOf(db);
    const id = subscriptionId(c.req.param('id'));
    await ownSubscription(push, c.var.principal, id);
    const paused = await push.pause(id, new Date().toISOString());
    if (!paused) throw new OneNumberError('NOT_FOUND', `No push subscription "${id}".`, { field: 'id' });
    log({ push: 'subscription.paused', subscription: id, ...who(c) });
    return answerParsed(c, pushSubscriptionSchema, paused);
  });

  app.post(`${base}/:id/resume`, async (c) => {
    const push = pushStoreOf(db);
    const id = subscriptionId(c.req.param('id'));
    const found = await ownSubscription(push, c.var.principal, id);
    await checkDestination(found.url, options); // the server's options may have changed since
    const resumed = await push.resume(id, c.var.grant?.id ?? null, new Date().toISOString());
    if (!resumed) throw new OneNumberError('NOT_FOUND', `No push subscription "${id}".`, { field: 'id' });
    log({ push: 'subscription.resumed', subscription: id, ...who(c) });
    hooks.changed();
    return answerParsed(c, pushSubscriptionSchema, resumed);
  });

  app.post(`${base}/:id/rotate`, async (c) => {
    const push = pushStoreOf(db);
    const id = subscriptionId(c.req.param('id'));
    await ownSubscription(push, c.var.principal, id);
    const { graceSeconds } = await readBody(c, rotateSecretSchema);
    const now = Date.now();
    const secret = newSecret();
    const previousUntil = graceSeconds > 0 ? new Date(now + graceSeconds * 1000).toISOString() : null;
    const rotated = await push.rotate(id, { secret, previousUntil, at: new Date(now).toISOString() });
    if (!rotated) throw new OneNumberError('NOT_FOUND', `No push subscription "${id}".`, { field: 'id' });
    log({ push: 'subscription.rotated', subscription: id, graceSeconds, ...who(c) });
    return answerParsed(c, rotatedSecretSchema, { ...rotated, secret });
  });

  app.delete(`${base}/:id`, async (c) => {
    const push = pushStoreOf(db);
    const id = subscriptionId(c.req.param('id'));
    await ownSubscription(push, c.var.principal, id);
    const deleted = await push.remove(id);
    if (deleted) log({ push: 'subscription.deleted', subscription: id, ...who(c) });
    hooks.changed();
    return answerParsed(c, subscriptionDeletedSchema, { deleted });
  });
}
