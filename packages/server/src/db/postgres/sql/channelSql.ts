// SQL (PostgreSQL): number ownership, channels and memberships (R5, R6, R8, R11). The number's
// owner row is the lock that orders every change of its memberships across replicas.
import type { ChannelRow, MembershipRow } from '../../common/rows';
import { statement } from './statement';

const channelColumns = 'id, org, number, mode, parent, settings';
const membershipColumns = 'channel, service, seq, state, policy';

export const channelSql = {
  /** R5: the first org to connect a number owns it; a concurrent claim waits, then does nothing. */
  claimNumber: statement<[number: string, org: string]>(
    `INSERT INTO number_owners (number, org) VALUES ($1, $2) ON CONFLICT (number) DO NOTHING`,
  ),
  /** Membership changes hold this lock to commit: they run one after another per number. */
  lockNumber: statement<[number: string], { org: string }>(
    `SELECT org FROM number_owners WHERE number = $1 FOR UPDATE`,
  ),
  /** Messages and assignments read the memberships under this lock: no membership change runs meanwhile. */
  shareNumber: statement<[number: string], { org: string }>(
    `SELECT org FROM number_owners WHERE number = $1 FOR SHARE`,
  ),
  channelById: statement<[id: string], ChannelRow>(`SELECT ${channelColumns} FROM channels WHERE id = $1`),
  /**
   * R9, R11: the channel row, locked until commit, so a parent is elected by one transaction at a
   * time. NO KEY UPDATE is FOR UPDATE that still lets rows referencing the channel be inserted.
   */
  lockChannel: statement<[id: string], ChannelRow>(
    `SELECT ${channelColumns} FROM channels WHERE id = $1 FOR NO KEY UPDATE`,
  ),
  channelByScope: statement<[org: string, number: string, scope: string], ChannelRow>(
    `SELECT ${channelColumns} FROM channels WHERE org = $1 AND number = $2 AND scope = $3 FOR NO KEY UPDATE`,
  ),
  channelsOfNumber: statement<[number: string, org: string], ChannelRow>(
    `SELECT ${channelColumns} FROM channels WHERE number = $1 AND org = $2 ORDER BY pos`,
  ),
  /** R6: the UNIQUE (org, number, scope) constraint keeps one channel per scope. */
  insertChannel: statement<[org: string, number: string, mode: string, scope: string], { id: string }>(
    `INSERT INTO channels (id, pos, org, number, mode, scope, parent, settings)
     SELECT onenumber_id('ch', v), v, $1, $2, $3, $4, NULL, '{}' FROM nextval('channel_values') AS v
     ON CONFLICT (org, number, scope) DO NOTHING RETURNING id`,
  ),
  setParent: statement<[parent: string | null, id: string]>(`UPDATE channels SET parent = $1 WHERE id = $2`),
  setSettings: statement<[settings: string, id: string]>(`UPDATE channels SET settings = $1 WHERE id = $2`),
  membershipOf: statement<[org: string, number: string, service: string], MembershipRow>(
    `SELECT ${membershipColumns} FROM memberships WHERE org = $1 AND number = $2 AND service = $3`,
  ),
  membershipInChannel: statement<[channel: string, service: string], MembershipRow>(
    `SELECT ${membershipColumns} FROM memberships WHERE channel = $1 AND service = $2`,
  ),
  membershipsOfChannel: statement<[channel: string], MembershipRow>(
    `SELECT ${membershipColumns} FROM memberships WHERE channel = $1 ORDER BY seq`,
  ),
  /** R8: the primary key (org, number, service) keeps one membership per service and number. */
  insertMembership: statement<[org: string, number: string, service: string, channel: string, policy: string]>(
    `INSERT INTO memberships (org, number, service, channel, seq, state, policy) VALUES ($1, $2, $3, $4, nextval('seq_values'), 'active', $5)`,
  ),
  setMembershipState: statement<[state: string, org: string, number: string, service: string]>(
    `UPDATE memberships SET state = $1 WHERE org = $2 AND number = $3 AND service = $4`,
  ),
  setMembershipPolicy: statement<[policy: string, org: string, number: string, service: string]>(
    `UPDATE memberships SET policy = $1 WHERE org = $2 AND number = $3 AND service = $4`,
  ),
  deleteMembership: statement<[org: string, number: string, service: string]>(
    `DELETE FROM memberships WHERE org = $1 AND number = $2 AND service = $3`,
  ),
};
