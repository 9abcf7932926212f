// R34, R35: the push routes in GET /openapi.json. Each delivery is a POST to the subscription's
// URL with Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature) and the
// event as the service's stream projects it (ChannelEvent) as its body.
import { inputSchema } from '../contract/jsonSchema';
import { idParameter, operation, v1, type Parameter } from '../contract/operation';
import {
  createdSubscriptionSchema,
  createSubscriptionSchema,
  deliveryQuerySchema,
  pushDeliverySchema,
  pushReportSchema,
  pushSubscriptionSchema,
  redeliveredSchema,
  redeliverSchema,
  replayedSchema,
  replaySchema,
  rotatedSecretSchema,
  rotateSecretSchema,
  subscriptionDeletedSchema,
  subscriptionListQuerySchema,
} from './pushSchemas';

const id = [idParameter('id', 'The subscription id (`sub_...`)')];
const query = (name: string, description: string, schema: Parameter['schema']): Parameter => ({
  name,
  in: 'query',
  description,
  schema,
});
const scope = 'A service token manages its own service’s subscriptions only (another’s is not found); the admin, any.';
const delivery =
  'Each event is POSTed to the URL with `webhook-id` (the same for every attempt of one event), `webhook-timestamp` and `webhook-signature` (Standard Webhooks, HMAC-SHA256 with the secret; during a rotation’s grace, one signature per secret); its body is the event as the service’s own stream projects it (ChannelEvent, R17..R20). Events arrive at least once, in order within a conversation (channel events within their channel); a failing event holds back only its own conversation, is retried with backoff (honouring Retry-After) for the server’s horizon (3 days by default), then dead-lettered; 410 Gone deletes the subscription.';

export const pushPaths = () => ({
  '/v1/push/subscriptions': {
    post: operation({
      operationId: 'createPushSubscription',
      summary: 'Register an endpoint for a service’s events; the signing secret is shown once',
      description: `${delivery} The URL is https (http only to this machine when the server allows it) and never a private or special address unless the server allows private networks; it is checked, names resolved, before any connection. The subscription is bound to the token that creates it: revoking or expiring that token pauses it (R35). ${scope}`,
      tags: ['push'],
      body: createSubscriptionSchema,
      answer: { status: 201, schema: createdSubscriptionSchema, description: 'The subscription, with its secret' },
      refusals: [400, 403, ...v1],
    }),
    get: operation({
      operationId: 'listPushSubscriptions',
      summary: 'Push subscriptions, without their secrets',
      description: scope,
      tags: ['push'],
      parameters: [
        query('org', 'Admin only: this org’s', inputSchema(subscriptionListQuerySchema.shape.org)),
        query('service', 'Admin only: this service’s', inputSchema(subscriptionListQuerySchema.shape.service)),
      ],
      answer: { schema: pushSubscriptionSchema.array(), description: 'Oldest first' },
      refusals: [400, 403, ...v1],
    }),
  },
  '/v1/push/subscriptions/{id}': {
    get: operation({
      operationId: 'getPushSubscription',
      summary: 'One push subscription, without its secrets',
      tags: ['push'],
      parameters: id,
      answer: { schema: pushSubscriptionSchema, description: 'The subscription' },
      refusals: [400, 404, ...v1],
    }),
    delete: operation({
      operationId: 'deletePushSubscription',
      summary: 'Delete a push subscription and its queue',
      tags: ['push'],
      parameters: id,
      answer: { schema: subscriptionDeletedSchema, description: 'Whether it was there' },
      refusals: [400, 404, ...v1],
    }),
  },
  '/v1/push/subscriptions/{id}/pause': {
    post: operation({
      operationId: 'pausePushSubscription',
      summary: 'Pause deliveries; events are still queued, and flow again on resume',
      tags: ['push'],
      parameters: id,
      answer: { schema: pushSubscriptionSchema, description: 'The subscription, paused' },
      refusals: [400, 404, ...v1],
    }),
  },
  '/v1/push/subscriptions/{id}/resume': {
    post: operation({
      operationId: 'resumePushSubscription',
      summary: 'Resume deliveries, bound from now on to the token that resumes it',
      description:
        'Also resumes a subscription its token’s revocation or expiry paused (R35). The URL is checked again.',
      tags: ['push'],
      parameters: id,
      answer: { schema: pushSubscriptionSchema, description: 'The subscription, active' },
      refusals: [400, 404, ...v1],
    }),
  },
  '/v1/push/subscriptions/{id}/rotate': {
    post: operation({
      operationId: 'rotatePushSecret',
      summary: 'Replace the signing secret; the previous one also signs for a grace period (default 1 hour)',
      tags: ['push'],
      parameters: id,
      body: rotateSecretSchema,
      answer: { schema: rotatedSecretSchema, description: 'The subscription with its new secret (shown once)' },
      refusals: [400, 404, ...v1],
    }),
  },
  '/v1/push/subscriptions/{id}/deliveries': {
    get: operation({
      operationId: 'listPushDeliveries',
      summary: 'The delivery log: each event’s attempts, last status and error, latency',
      tags: ['push'],
      parameters: [
        ...id,
        query('state', 'Only pending, delivered or dead-lettered ones', inputSchema(deliveryQuerySchema.shape.state)),
        query('after', 'A delivery id: the log after it', { type: 'integer', minimum: 0 }),
        query('limit', 'At most this many (default 100, at most 1000)', { type: 'integer', minimum: 1, maximum: 1000 }),
      ],
      answer: { schema: pushDeliverySchema.array(), description: 'Oldest first' },
      refusals: [400, 404, ...v1],
    }),
  },
  '/v1/push/subscriptions/{id}/redeliver': {
    post: operation({
      operationId: 'redeliverPushEvent',
      summary: 'Deliver one event of the stream again (a dead-lettered one, or any)',
      tags: ['push'],
      parameters: id,
      body: redeliverSchema,
      answer: { schema: redeliveredSchema, description: 'Whether it was queued' },
      refusals: [400, 404, ...v1],
    }),
  },
  '/v1/push/subscriptions/{id}/replay': {
    post: operation({
      operationId: 'replayPushEvents',
      summary: 'Deliver again every event of the stream after an event id (its filter applies)',
      tags: ['push'],
      parameters: id,
      body: replaySchema,
      answer: { schema: replayedSchema, description: 'How many were queued, and the last' },
      refusals: [400, 404, ...v1],
    }),
  },
  '/v1/admin/push': {
    get: operation({
      operationId: 'getPushReport',
      summary: 'Push delivery’s counters (this process) and queue (per subscription)',
      tags: ['admin', 'push'],
      answer: { schema: pushReportSchema, description: 'Counters since this process started; the queue now' },
      refusals: [403, ...v1],
    }),
  },
});
