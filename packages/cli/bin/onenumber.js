#!/usr/bin/env node
// The `onenumber` command. This committed file, not dist/bin.js, is the package's bin: npm links
// a bin only if its file exists at install time, and on a fresh `npm ci` nothing is built yet.
import { existsSync } from 'node:fs';

const built = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write(
    'onenumber: the CLI is not built yet. Run `npm run build` at the repository root (`npm test` and `npm start` build first), then try again.\n',
  );
  process.exit(2);
}
await import(built.href);
