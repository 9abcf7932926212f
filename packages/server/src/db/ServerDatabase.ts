// The contract between the server's HTTP layer (src/http) and its durable database (src/db).
// One implementation per dialect (SQLite now, PostgreSQL for several replicas later); the HTTP
// layer sees only this.
import type { AgentEntry, ChannelStorage, Directory, MaskingPolicy, NumberEntry, OrgEntry } from '@onenumber/core';
import type { OutboxStore } from '@onenumber/core/storage-kit';
import type { PairPacingStore, SendBudgetStore } from '@onenumber/whatsapp';
import type { PushStore } from './common/pushTypes';
import type { ParkedDeliveries } from './common/parkedTypes';
import type { ReadReceipt } from './common/sendRoute';
import type { TokenStore } from './common/tokenTypes';

/** What a token may do: everything (admin), or act as one service in one org. */
export type Principal = { kind: 'admin' } | { kind: 'service'; org: string; service: string };

export type {
  IssuedToken,
  ListedToken,
  RotatedToken,
  TokenChangeListener,
  TokenCheck,
  TokenEnded,
  TokenGrant,
  TokenStore,
} from './common/tokenTypes';

/** R33: a service's masking policy in an org, and where it comes from (the admin's override or core's catalogue). */
export interface PolicyInForce {
  service: string;
  policy: MaskingPolicy;
  source: 'admin' | 'catalogue';
}

/** The directory, stored: the rules read it (Directory); only admin routes write it. */
export interface StoredDirectory extends Directory {
  setOrg(entry: OrgEntry): Promise<OrgEntry>;
  setAgent(entry: AgentEntry): Promise<AgentEntry>;
  removeAgent(org: string, id: string): Promise<boolean>;
  setNumber(entry: NumberEntry): Promise<NumberEntry>;
  listAgents(org: string): Promise<AgentEntry[]>;
  /** WhatsApp routing: the Cloud API phone_number_id of a business number (issue 5). */
  setPhoneNumberId(input: { number: string; phoneNumberId: string }): Promise<void>;
  numberByPhoneNumberId(phoneNumberId: string): Promise<string | null>;
  /** The reverse: the phone_number_id registered for a business number (any format), or null. The outbox worker sends from it. */
  phoneNumberIdOf(number: string): Promise<string | null>;
  /** R33: the policy in force for a service in an org. */
  policy(org: string, service: string): Promise<PolicyInForce>;
  /**
   * R33: the admin's override of a service's policy in an org (tighter or looser), or null to go
   * back to the catalogue's. Views apply it at once, events from then on.
   */
  setPolicy(org: string, service: string, policy: MaskingPolicy | null): Promise<PolicyInForce>;
}

/** A service's membership in one channel, as the HTTP guards read it (R9, R25, R26). */
export interface ChannelMembership {
  state: 'active' | 'disabled';
  role: 'parent' | 'child';
}

export interface ServerDatabase {
  readonly dialect: 'sqlite' | 'postgres';
  storage: ChannelStorage;
  directory: StoredDirectory;
  tokens: TokenStore;
  outbox: OutboxStore;
  /** `service`'s membership in `channel`, or null when the channel is not in `org` or `service` is no member of it (a cheap read). */
  membershipInChannel(input: { org: string; channel: string; service: string }): Promise<ChannelMembership | null>;
  /**
   * Several replicas: WhatsApp's per-number send budget, shared (PostgreSQL). Without it (SQLite,
   * one machine) each server paces its own sends.
   */
  sendBudget?: SendBudgetStore;
  /**
   * R38: whether a sender sends this server's replies (the WhatsApp mount turns it on): then a
   * reply is stored `pending` and the outbox's `complete` moves it to `sent`; without, `sent` at once.
   */
  sendReplies(on: boolean): void;
  /** Pacing per customer (WhatsApp's pair rate), shared by every process on this database. */
  pairPacing: PairPacingStore;
  /** R39: where read receipts go (the WhatsApp mount's sender), or null: none is sent. */
  sendReceipts(send: ((receipt: ReadReceipt) => void) | null): void;
  /** R34: push subscriptions and their durable queue (absent: push delivery is off, 501). */
  push?: PushStore;
  /** R29: webhook deliveries for numbers no org owns yet (absent: such a delivery answers 500, as before). */
  parked?: ParkedDeliveries;
  close(): Promise<void>;
}
export type { ReadReceipt } from './common/sendRoute';
