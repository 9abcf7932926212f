// SQL (SQLite): sequences, number ownership, channels and memberships (R5, R6, R8, R11).
import type { Database } from 'better-sqlite3';
import { prepare } from './prepare';
import type { ChannelRow, MembershipRow } from '../../common/rows';

const channelColumns = 'id, org, number, mode, parent, settings';
const membershipColumns = 'channel, service, seq, state, policy';

export function channelSql(db: Database) {
  return {
    /** The next value of a stored sequence, inside the caller's write transaction. */
    nextValue: prepare<[name: string], { value: number }>(
      db,
      `UPDATE sequences SET value = value + 1 WHERE name = ? RETURNING value`,
    ),
    ownerOf: prepare<[number: string], { org: string }>(db, `SELECT org FROM number_owners WHERE number = ?`),
    claimNumber: prepare<[number: string, org: string]>(db, `INSERT INTO number_owners (number, org) VALUES (?, ?)`),
    channelById: prepare<[id: string], ChannelRow>(db, `SELECT ${channelColumns} FROM channels WHERE id = ?`),
    channelByScope: prepare<[org: string, number: string, scope: string], ChannelRow>(
      db,
      `SELECT ${channelColumns} FROM channels WHERE org = ? AND number = ? AND scope = ?`,
    ),
    channelsOfNumber: prepare<[number: string, org: string], ChannelRow>(
      db,
      `SELECT ${channelColumns} FROM channels WHERE number = ? AND org = ? ORDER BY pos`,
    ),
    insertChannel: prepare<[id: string, pos: number, org: string, number: string, mode: string, scope: string]>(
      db,
      `INSERT INTO channels (id, pos, org, number, mode, scope, parent, settings) VALUES (?, ?, ?, ?, ?, ?, NULL, '{}')`,
    ),
    setParent: prepare<[parent: string | null, id: string]>(db, `UPDATE channels SET parent = ? WHERE id = ?`),
    setSettings: prepare<[settings: string, id: string]>(db, `UPDATE channels SET settings = ? WHERE id = ?`),
    membershipOf: prepare<[org: string, number: string, service: string], MembershipRow>(
      db,
      `SELECT ${membershipColumns} FROM memberships WHERE org = ? AND number = ? AND service = ?`,
    ),
    membershipInChannel: prepare<[channel: string, service: string], MembershipRow>(
      db,
      `SELECT ${membershipColumns} FROM memberships WHERE channel = ? AND service = ?`,
    ),
    membershipsOfChannel: prepare<[channel: string], MembershipRow>(
      db,
      `SELECT ${membershipColumns} FROM memberships WHERE channel = ? ORDER BY seq`,
    ),
    insertMembership: prepare<
      [org: string, number: string, service: string, channel: string, seq: number, policy: string]
    >(
      db,
      `INSERT INTO memberships (org, number, service, channel, seq, state, policy) VALUES (?, ?, ?, ?, ?, 'active', ?)`,
    ),
    setMembershipState: prepare<[state: string, org: string, number: string, service: string]>(
      db,
      `UPDATE memberships SET state = ? WHERE org = ? AND number = ? AND service = ?`,
    ),
    setMembershipPolicy: prepare<[policy: string, org: string, number: string, service: string]>(
      db,
      `UPDATE memberships SET policy = ? WHERE org = ? AND number = ? AND service = ?`,
    ),
    deleteMembership: prepare<[org: string, number: string, service: string]>(
      db,
      `DELETE FROM memberships WHERE org = ? AND number = ? AND service = ?`,
    ),
  };
}
