// Every statement of the catalogue in SQLite's SQL (the store logic in db/stores names them).
import type { DialectStatements } from '../../port/catalogue';
import { channelStatements } from './channelStatements';
import type { SqliteSql } from './dialect';
import { directoryStatements } from './directoryStatements';
import { messageStatements } from './messageStatements';
import { fairClaimStatements, outboxStatements } from './outboxStatements';
import { parkedStatements } from './parkedStatements';
import { pacingStatements } from './pacingStatements';
import { pushStatements } from './pushStatements';
import { readStatements } from './readStatements';
import { streamStatements } from './streamStatements';
import { tokenStatements } from './tokenStatements';

export const sqliteStatements: DialectStatements<SqliteSql> = {
  ...channelStatements,
  ...messageStatements,
  ...outboxStatements,
  ...pacingStatements,
  ...fairClaimStatements,
  ...streamStatements,
  ...directoryStatements,
  ...tokenStatements,
  ...pushStatements,
  ...readStatements,
  ...parkedStatements,
};
