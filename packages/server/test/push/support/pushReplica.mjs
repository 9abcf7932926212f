// R34: one OneNumber server in its own process for the push replica and crash tests: on a
// PostgreSQL schema (one of several replicas) or a SQLite file, with push options from the
// PUSH_OPTIONS environment variable (JSON). Prints "listening <url>"; SIGTERM stops it
// gracefully; the tests SIGKILL it mid-delivery.
// argv: <built server module> <postgres url | sqlite file> <schema | -> <name>
const [modulePath, target, schema, name] = process.argv.slice(2);
const { openPostgresDatabase, openSqliteDatabase, startServer } = await import(modulePath);

const db = target.startsWith('postgres')
  ? await openPostgresDatabase({ url: target, schema, replicaId: name, pool: { max: 8 } })
  : openSqliteDatabase({ file: target });
const push = JSON.parse(process.env.PUSH_OPTIONS ?? '{}');
const server = await startServer({
  port: 0,
  db,
  logger: () => {},
  securityLogger: () => {},
  whatsapp: false,
  push: { ...push, logger: () => {} },
});
process.stdout.write(`listening ${server.url}\n`);
process.once('SIGTERM', async () => {
  await server.close();
  process.exit(0);
});
