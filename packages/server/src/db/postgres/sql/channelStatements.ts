// SQL (PostgreSQL) of the channel catalogue: number ownership, channels, memberships (R5, R6, R8,
// R11). The number's owner row is the lock that orders every change of its memberships across
// replicas (FOR UPDATE), and that writes reading the memberships share (FOR SHARE); a channel row
// is locked while its parent is elected. Ids and creation orders come from sequences.
import type { ChannelCatalogue } from '../../port/channelCatalogue';
import type { PostgresSql } from './dialect';

const channelColumns = 'id, org, number, mode, parent, settings';
// R33: each membership with the admin's policy override for its org and service (null: the catalogue's).
const membershipsWithPolicy = `SELECT m.channel, m.service, m.seq, m.state, p.policy FROM memberships m
  LEFT JOIN policies p ON p.org = m.org AND p.service = m.service`;

export const channelStatements: { [N in keyof ChannelCatalogue]: PostgresSql } = {
  claimNumber: `INSERT INTO number_owners (number, org) VALUES ($1, $2) ON CONFLICT (number) DO NOTHING`,
  lockNumber: `SELECT org FROM number_owners WHERE number = $1 FOR UPDATE`,
  shareNumber: `SELECT org FROM number_owners WHERE number = $1 FOR SHARE`,
  channelById: `SELECT ${channelColumns} FROM channels WHERE id = $1`,
  // NO KEY UPDATE is FOR UPDATE that still lets rows referencing the channel be inserted.
  lockChannel: `SELECT ${channelColumns} FROM channels WHERE id = $1 FOR NO KEY UPDATE`,
  channelByScope: `SELECT ${channelColumns} FROM channels WHERE org = $1 AND number = $2 AND scope = $3 FOR NO KEY UPDATE`,
  sharedChannelOf: `SELECT ${channelColumns} FROM channels WHERE org = $1 AND number = $2 AND scope = ''`,
  channelsOfNumber: `SELECT ${channelColumns} FROM channels WHERE number = $1 AND org = $2 ORDER BY pos`,
  insertChannel: `INSERT INTO channels (id, pos, org, number, mode, scope, parent, settings)
    SELECT onenumber_id('ch', v), v, $1, $2, $3, $4, NULL, '{}' FROM nextval('channel_values') AS v
    ON CONFLICT (org, number, scope) DO NOTHING RETURNING id`,
  setParent: `UPDATE channels SET parent = $1 WHERE id = $2`,
  setSettings: `UPDATE channels SET settings = $1 WHERE id = $2`,
  membershipOf: `${membershipsWithPolicy} WHERE m.org = $1 AND m.number = $2 AND m.service = $3`,
  membershipInChannel: `${membershipsWithPolicy} WHERE m.channel = $1 AND m.service = $2`,
  membershipsOfChannel: `${membershipsWithPolicy} WHERE m.channel = $1 ORDER BY m.seq`,
  insertMembership: `INSERT INTO memberships (org, number, service, channel, seq, state)
    VALUES ($1, $2, $3, $4, nextval('seq_values'), 'active')`,
  setMembershipState: `UPDATE memberships SET state = $1 WHERE org = $2 AND number = $3 AND service = $4`,
  deleteMembership: `DELETE FROM memberships WHERE org = $1 AND number = $2 AND service = $3`,
};
