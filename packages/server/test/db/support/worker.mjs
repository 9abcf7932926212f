// A child process holding its own connection to a shared database file. It answers requests
// sent over IPC ({ id, op, input }) with { id, ok, result } or { id, ok: false, code }.
// argv: <built db module> <database file>
const [modulePath, file] = process.argv.slice(2);
const { openSqliteDatabase } = await import(modulePath);

const db = openSqliteDatabase({ file, busyTimeoutMs: 60_000 });

const ops = {
  connect: (input) => db.storage.connect(input),
  receive: (input) => db.storage.receive(input),
  changeMembership: (input) => db.storage.changeMembership(input),
  close: async () => {
    await db.close();
    setImmediate(() => process.exit(0));
    return null;
  },
};

process.on('message', async ({ id, op, input }) => {
  try {
    process.send({ id, ok: true, result: await ops[op](input) });
  } catch (error) {
    process.send({
      id,
      ok: false,
      code: error?.code ?? 'NOT_A_ONENUMBER_ERROR',
      message: String(error?.message ?? error),
    });
  }
});
process.send({ ready: true, pid: process.pid });
