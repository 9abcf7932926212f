// SQL (SQLite) of the channel catalogue: number ownership, channels, memberships (R5, R6, R8,
// R11). SQLite's write transaction holds the whole file, so the reads PostgreSQL locks are plain
// reads here; ids and creation orders come from the stored sequences, never from a clock.
import type { ChannelCatalogue } from '../../port/channelCatalogue';
import { nextValue, type SqliteSql } from './dialect';

const channelColumns = 'id, org, number, mode, parent, settings';
const membershipColumns = 'channel, service, seq, state, policy';
const ownerOf = `SELECT org FROM number_owners WHERE number = ?`;
const channelById = `SELECT ${channelColumns} FROM channels WHERE id = ?`;

export const channelStatements: { [N in keyof ChannelCatalogue]: SqliteSql } = {
  claimNumber: `INSERT INTO number_owners (number, org) VALUES (?, ?) ON CONFLICT (number) DO NOTHING`,
  lockNumber: ownerOf,
  shareNumber: ownerOf,
  channelById,
  lockChannel: channelById,
  channelByScope: `SELECT ${channelColumns} FROM channels WHERE org = ? AND number = ? AND scope = ?`,
  sharedChannelOf: `SELECT ${channelColumns} FROM channels WHERE org = ? AND number = ? AND scope = ''`,
  channelsOfNumber: `SELECT ${channelColumns} FROM channels WHERE number = ? AND org = ? ORDER BY pos`,
  insertChannel: {
    sql: [
      nextValue('channel'),
      `INSERT INTO channels (id, pos, org, number, mode, scope, parent, settings)
       SELECT onenumber_id('ch', value), value, ?, ?, ?, ?, NULL, '{}' FROM sequences WHERE name = 'channel'
       ON CONFLICT (org, number, scope) DO NOTHING RETURNING id`,
    ],
  },
  setParent: `UPDATE channels SET parent = ? WHERE id = ?`,
  setSettings: `UPDATE channels SET settings = ? WHERE id = ?`,
  membershipOf: `SELECT ${membershipColumns} FROM memberships WHERE org = ? AND number = ? AND service = ?`,
  membershipInChannel: `SELECT ${membershipColumns} FROM memberships WHERE channel = ? AND service = ?`,
  membershipsOfChannel: `SELECT ${membershipColumns} FROM memberships WHERE channel = ? ORDER BY seq`,
  insertMembership: {
    sql: [
      nextValue('seq'),
      `INSERT INTO memberships (org, number, service, channel, seq, state, policy)
       SELECT ?, ?, ?, ?, value, 'active', ? FROM sequences WHERE name = 'seq'`,
    ],
  },
  setMembershipState: `UPDATE memberships SET state = ? WHERE org = ? AND number = ? AND service = ?`,
  setMembershipPolicy: `UPDATE memberships SET policy = ? WHERE org = ? AND number = ? AND service = ?`,
  deleteMembership: `DELETE FROM memberships WHERE org = ? AND number = ? AND service = ?`,
};
