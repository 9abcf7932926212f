// Every statement of the catalogue in PostgreSQL's SQL (the store logic in db/stores names them).
import type { DialectStatements } from '../../port/catalogue';
import { channelStatements } from './channelStatements';
import type { PostgresSql } from './dialect';
import { directoryStatements } from './directoryStatements';
import { inboundFactsStatements } from './inboundSql';
import { messageStatements } from './messageStatements';
import { pacingStatements } from './pacingStatements';
import { outboxStatements } from './outboxStatements';
import { sendBudgetStatements } from './sendBudgetStatements';
import { parkedStatements } from './parkedStatements';
import { pushStatements } from './pushStatements';
import { readStatements } from './readStatements';
import { streamStatements } from './streamStatements';
import { tokenStatements } from './tokenStatements';

export const postgresStatements: DialectStatements<PostgresSql> = {
  ...channelStatements,
  ...messageStatements,
  ...outboxStatements,
  ...pacingStatements,
  ...streamStatements,
  ...directoryStatements,
  ...sendBudgetStatements,
  ...tokenStatements,
  ...pushStatements,
  ...readStatements,
  ...parkedStatements,
  ...inboundFactsStatements,
};
