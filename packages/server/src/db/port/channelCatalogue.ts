// Statements on number ownership, channels and memberships (R5, R6, R8, R9, R11). Where a
// dialect locks rows (PostgreSQL: lockNumber FOR UPDATE, shareNumber FOR SHARE, lockChannel and
// channelByScope FOR NO KEY UPDATE), SQLite's text is a plain read: its write transaction holds
// the whole database already.
import type { ChannelRow, MembershipRow } from '../common/rows';
import type { Statement } from './statement';

export interface ChannelCatalogue {
  /** R5: the first org to connect a number owns it; a claim of an owned number does nothing. */
  claimNumber: Statement<[number: string, org: string]>;
  /** The number's owner; membership changes hold this lock to commit, one after another per number. */
  lockNumber: Statement<[number: string], { org: string }>;
  /** The number's owner; writes that read the memberships hold it shared, so none changes meanwhile. */
  shareNumber: Statement<[number: string], { org: string }>;
  channelById: Statement<[id: string], ChannelRow>;
  /** R9, R11: the channel row, held until commit, so one transaction at a time elects its parent. */
  lockChannel: Statement<[id: string], ChannelRow>;
  /** The channel of a scope ('' shared, the service isolated), held like lockChannel. */
  channelByScope: Statement<[org: string, number: string, scope: string], ChannelRow>;
  /** The number's shared channel in the org, for reads. */
  sharedChannelOf: Statement<[org: string, number: string], ChannelRow>;
  channelsOfNumber: Statement<[number: string, org: string], ChannelRow>;
  /** R6: a channel for the scope, unless one exists (then no row): UNIQUE (org, number, scope). */
  insertChannel: Statement<[org: string, number: string, mode: string, scope: string], { id: string }>;
  setParent: Statement<[parent: string | null, id: string]>;
  setSettings: Statement<[settings: string, id: string]>;
  /** A membership, with the admin's policy override for its org and service (R33; null: the catalogue's). */
  membershipOf: Statement<[org: string, number: string, service: string], MembershipRow>;
  membershipInChannel: Statement<[channel: string, service: string], MembershipRow>;
  /** The channel's memberships in creation order. */
  membershipsOfChannel: Statement<[channel: string], MembershipRow>;
  /** R8, R11: a new active membership with the next creation sequence. */
  insertMembership: Statement<[org: string, number: string, service: string, channel: string]>;
  setMembershipState: Statement<[state: string, org: string, number: string, service: string]>;
  deleteMembership: Statement<[org: string, number: string, service: string]>;
}
