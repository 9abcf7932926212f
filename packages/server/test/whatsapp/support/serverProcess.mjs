// A OneNumber server in its own process, for tests that SIGKILL it: the built server module on a
// SQLite file, the WhatsApp transport from the WHATSAPP_* environment, a short outbox lease so a
// killed worker's claims lapse quickly. Prints "listening <url>"; SIGTERM stops it gracefully.
// argv: <built server module> <database file>
const [modulePath, file] = process.argv.slice(2);
const { startServer } = await import(modulePath);

const server = await startServer({
  port: 0,
  file,
  logger: () => {},
  whatsapp: { leaseMs: 1000, pollMs: 20, backoff: { baseMs: 10, maxMs: 100 } },
});
process.stdout.write(`listening ${server.url}\n`);
process.once('SIGTERM', async () => {
  await server.close();
  process.exit(0);
});
