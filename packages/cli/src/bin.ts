// Entry point of the `onenumber` binary.
import { runCli } from './cli';

const io = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(`${t}\n`) };
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`onenumber: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 3;
  },
);
