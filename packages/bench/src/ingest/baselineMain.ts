// An ingest baseline as its own process (so the load generator never shares its event loop):
// prints its URL on stdout, serves until SIGTERM. Args: `sqlite DIR NORMAL|FULL` or `postgres URL`.
import { serveBaseline } from './baselineHttp';
import { sqliteBaselineStore } from './baseline';
import { postgresBaselineStore } from './baselinePostgres';

const [kind, where, synchronous] = process.argv.slice(2);
const store =
  kind === 'postgres'
    ? await postgresBaselineStore(where!)
    : sqliteBaselineStore(where!, synchronous === 'FULL' ? 'FULL' : 'NORMAL');
const baseline = await serveBaseline(store);
process.stdout.write(`${baseline.url}\n`);
process.once('SIGTERM', () => void baseline.close().then(() => process.exit(0)));
