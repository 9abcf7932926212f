// `npm start`: the playground on PORT (default 3000), data in ONENUMBER_PLAYGROUND_DATA (default
// ./.playground-data); ONENUMBER_PLAYGROUND_RESET=1 starts from empty data (the root `npm start`
// passes no arguments, so this is an environment variable). Prints the URL; stops on Ctrl-C.
import { resolve } from 'node:path';
import { startPlayground } from './startPlayground';

const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.ONENUMBER_PLAYGROUND_DATA ?? '.playground-data');
const reset = process.env.ONENUMBER_PLAYGROUND_RESET === '1';
const playground = await startPlayground({ port, dataDir, reset });
process.stdout.write(`\nOneNumber playground: Zoho Desk, Zoho CRM and Zoho SalesIQ sharing one WhatsApp number.\n`);
process.stdout.write(
  `  open ${playground.url}\n  server ${await playground.serverUrl()} (embedded SQLite in ${dataDir}${reset ? ', reset' : ''})\n` +
    `  start fresh: the page's Reset button, or ONENUMBER_PLAYGROUND_RESET=1 npm start\n  Ctrl-C to stop\n`,
);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void playground.close().then(() => process.exit(0));
  });
}
