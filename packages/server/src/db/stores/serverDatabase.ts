// ServerDatabase (the contract the HTTP layer uses) on a dialect's runner, the same for every
// dialect: the stores of this folder, and the optional capabilities whose statements the dialect
// offers (claimFair: SQLite; the shared send budget: PostgreSQL, for several replicas), and the
// WhatsApp webhook's parked deliveries (R29).
import type { EventHub } from '../common/eventHub';
import type { Runner } from '../port/runner';
import type { ServerDatabase } from '../ServerDatabase';
import { channelMembership } from './channelMembership';
import { channelStorage } from './channelStorage';
import { directoryStore } from './directoryStore';
import { fairClaim } from './fairClaim';
import { outboxStore } from './outboxStore';
import { parkedStore } from './parkedStore';
import { pairPacing } from './pairPacing';
import { pushStore } from './pushStore';
import type { ReadReceipt, SendRoute } from '../common/sendRoute';
import { sendBudget } from './sendBudget';
import { tokenStore, type TokenFeed } from './tokenStore';

export function serverDatabase(input: {
  db: Runner;
  /** Live events: the dialect's event hub (polled, or woken by its listener). */
  hub: EventHub;
  /** Other processes' token changes, as the dialect hears them (R35). */
  tokenFeed: TokenFeed;
  close: () => Promise<void>;
}): ServerDatabase {
  const { db, close } = input;
  const outbox = outboxStore(db);
  // R38, R39: replies wait as pending, and read receipts go out, once a sender is configured.
  const route: SendRoute = { transport: false };
  return {
    dialect: db.dialect,
    storage: channelStorage(db, input.hub, close, route),
    directory: directoryStore(db),
    tokens: tokenStore(db, input.tokenFeed),
    outbox: db.offers('dueItemsFair') && db.offers('lease') ? { ...outbox, claimFair: fairClaim(db) } : outbox,
    membershipInChannel: channelMembership(db),
    pairPacing: pairPacing(db),
    ...(db.offers('reserveSends') ? { sendBudget: sendBudget(db) } : {}),
    push: pushStore(db),
    parked: parkedStore(db),
    sendReplies: (on: boolean) => {
      route.transport = on;
    },
    sendReceipts: (send: ((receipt: ReadReceipt) => void) | null) => {
      route.receipt = send ?? undefined;
    },
    close,
  };
}
