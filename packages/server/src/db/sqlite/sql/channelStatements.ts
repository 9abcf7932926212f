// SQL (SQLite) of the channel catalogue: number ownership, channels, memberships (R5, R6, R8,
// R11). SQLite's write transaction holds the whole file, so the reads PostgreSQL locks are plain
// reads here; ids and creation orders come from the stored sequences, never from a clock.
import type { ChannelCatalogue } from '../../port/channelCatalogue';
import { nextValue, type SqliteSql } from './dialect';

const channelColumns = 'id, org, number, mode, parent, settings';
// R33: each membership with the admin's policy override for its org and service (null: the catalogue's).
const membershipsWithPolicy = `SELECT m.channel, m.service, m.seq, m.state, p.policy FROM memberships m
  LEFT JOIN policies p ON p.org = m.org AND p.service = m.service`;
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
  membershipOf: `${membershipsWithPolicy} WHERE m.org = ? AND m.number = ? AND m.service = ?`,
  membershipInChannel: `${membershipsWithPolicy} WHERE m.channel = ? AND m.service = ?`,
  membershipsOfChannel: `${membershipsWithPolicy} WHERE m.channel = ? ORDER BY m.seq`,
  insertMembership: {
    sql: [
      nextValue('seq'),
      `INSERT INTO memberships (org, number, service, channel, seq, state)
       SELECT ?, ?, ?, ?, value, 'active' FROM sequences WHERE name = 'seq'`,
    ],
  },
  setMembershipState: `UPDATE memberships SET state = ? WHERE org = ? AND number = ? AND service = ?`,
  deleteMembership: `DELETE FROM memberships WHERE org = ? AND number = ? AND service = ?`,
};
