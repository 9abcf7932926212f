// One OneNumber server replica in its own process, on PostgreSQL: what `onenumber serve --db
// postgres://...` runs (openPostgresDatabase, then startServer), plus what the CLI does not expose
// and the tests need: a schema of the test's own, a replica name, and a short outbox lease so that
// a SIGKILLed replica's claims lapse quickly. WhatsApp comes from the WHATSAPP_* environment.
// Prints "listening <url>"; SIGTERM stops it gracefully (exit 0).
// argv: <built server module> <postgres url> <schema> <replica id>
const [modulePath, url, schema, replicaId] = process.argv.slice(2);
const { openPostgresDatabase, startServer } = await import(modulePath);

const db = await openPostgresDatabase({ url, schema, replicaId, pool: { max: 8 } });
const server = await startServer({
  port: 0,
  db,
  logger: () => {},
  whatsapp: { leaseMs: 4000, pollMs: 20, backoff: { baseMs: 10, maxMs: 100 } },
});
process.stdout.write(`listening ${server.url}\n`);
process.once('SIGTERM', async () => {
  await server.close();
  process.exit(0);
});
