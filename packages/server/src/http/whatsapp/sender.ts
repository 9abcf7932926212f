// The sender: the outbox worker over this server's durable outbox (R16). A reply is queued in the
// same write that stores it; the worker claims it fairly per (number, service) (claimFair), paces
// it through one budget per number (shared by every replica on PostgreSQL), re-checks the 24-hour window, sends it from the number's
// registered phone_number_id with biz_opaque_callback_data, and records the outcome in one write.
// Each customer is paced (WhatsApp's pair rate) through the database, shared by every replica.
// A send refused for an account reason (190 expired token, 131031, 131042, 368: R38) is held, not
// failed, and pauses it until resume(), optionally with a new token: then it goes first. The same token
// fetches inbound media (mediaRoute.ts), never shown to a service (R20).
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { OneNumberError } from '@onenumber/core';
import {
  createGraphClient,
  createMediaClient,
  createOutboxWorker,
  createSharedRateBudget,
  lastInboundFromStorage,
  type MediaClient,
  type OutboxWorker,
  type WhatsAppTransport,
} from '@onenumber/whatsapp';
import type { ServerDatabase } from '../../db/ServerDatabase';
import type { ResolvedWhatsApp } from './whatsAppOptions';

export interface Sender {
  worker: OutboxWorker;
  /** `graph`, `simulator`, or the given transport's name. */
  transport: string;
  graphUrl: string | null;
  apiVersion: string | null;
  /** Resumes after a token error; a new access token replaces the old one (Graph client only). */
  resume(accessToken?: string): void;
  /** The transport replies go through; read receipts go through it too (R39). */
  client: WhatsAppTransport;
  /** Inbound media: from the Graph API with the same token (current after a resume), else from a transport that has them (the simulator); null otherwise. */
  media: MediaClient | null;
}

/** A URL without credentials, safe to show. */
const shown = (url: string) => {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString().replace(/\/$/, '');
};

export function createSender(db: ServerDatabase, resolved: ResolvedWhatsApp): Sender {
  const config = resolved.sender!;
  let token = config.accessToken;
  const client: WhatsAppTransport =
    config.transport ??
    createGraphClient({ accessToken: () => token!, graphUrl: config.graphUrl, apiVersion: config.apiVersion, env: {} });
  const worker = createOutboxWorker({
    outbox: db.outbox,
    client,
    resolvePhoneNumberId: (number) => db.directory.phoneNumberIdOf(number),
    lastInboundAt: lastInboundFromStorage(db.storage),
    // Several replicas (PostgreSQL) share each number's budget through the database; one server paces alone.
    budget: db.sendBudget
      ? createSharedRateBudget({ rate: resolved.rate, rates: resolved.rates }, db.sendBudget)
      : { rate: resolved.rate, rates: resolved.rates },
    worker: `onenumber-${hostname().slice(0, 40)}-${process.pid}-${randomBytes(3).toString('hex')}`,
    // Pacing per customer (Meta's pair rate): every replica asks the database for each send of a
    // pair, so together they keep it within its allowance.
    perCustomer: resolved.perCustomer,
    pairPacing: db.pairPacing,
    ...resolved.worker,
  });
  const graph = !config.transport;
  const transport = config.transport;
  const media: MediaClient | null = token
    ? createMediaClient({ accessToken: () => token!, graphUrl: config.graphUrl, apiVersion: config.apiVersion })
    : transport?.downloadMedia
      ? { download: (input) => transport.downloadMedia!(input) }
      : null;
  return {
    media,
    client,
    worker,
    transport: client.name,
    graphUrl: graph ? shown(config.graphUrl) : null,
    apiVersion: graph ? config.apiVersion : null,
    resume(accessToken) {
      if (accessToken !== undefined) {
        if (!graph)
          throw new OneNumberError(
            'INVALID_INPUT',
            'This server sends through a given transport: its token is not ours to replace.',
            { field: 'accessToken' },
          );
        token = accessToken;
      }
      worker.resume();
    },
  };
}
