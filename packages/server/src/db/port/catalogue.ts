// The statement catalogue: every statement a store may run, by name, with its parameters and row
// type. Each dialect maps every required name to its SQL text (sqlite/sql, postgres/sql); the
// optional groups are capabilities a dialect may offer (claimFair on SQLite, the shared send
// budget and the inbound facts on PostgreSQL).
import type { ChannelCatalogue } from './channelCatalogue';
import type { DirectoryCatalogue } from './directoryCatalogue';
import type { InboundFactsCatalogue } from './inboundFactsCatalogue';
import type { MessageCatalogue } from './messageCatalogue';
import type { FairClaimCatalogue, OutboxCatalogue } from './outboxCatalogue';
import type { ParkedCatalogue } from './parkedCatalogue';
import type { PairPacingCatalogue } from './pairPacingCatalogue';
import type { PushCatalogue } from './pushCatalogue';
import type { ReadCatalogue } from './readCatalogue';
import type { SendBudgetCatalogue } from './sendBudgetCatalogue';
import type { StreamCatalogue } from './streamCatalogue';
import type { TokenCatalogue } from './tokenCatalogue';

export interface RequiredCatalogue
  extends ChannelCatalogue,
    MessageCatalogue,
    OutboxCatalogue,
    PairPacingCatalogue,
    StreamCatalogue,
    DirectoryCatalogue,
    TokenCatalogue,
    PushCatalogue,
    ParkedCatalogue,
    ReadCatalogue {}

export interface Catalogue extends RequiredCatalogue, FairClaimCatalogue, SendBudgetCatalogue, InboundFactsCatalogue {}

export type StatementName = keyof Catalogue;
export type ParamsOf<N extends StatementName> = Catalogue[N]['params'];
export type RowOf<N extends StatementName> = Catalogue[N]['row'];

/** A dialect's statements: every required one, and the optional ones it offers. */
export type DialectStatements<Sql> = { [N in keyof RequiredCatalogue]: Sql } & {
  [N in Exclude<StatementName, keyof RequiredCatalogue>]?: Sql;
};

export type { DueRow } from './outboxCatalogue';
export type { MessageParams } from './messageCatalogue';
