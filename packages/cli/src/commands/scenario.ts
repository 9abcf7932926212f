// `onenumber scenario FILE... [--storage memory|http|postgres] [--json]` (docs/scenarios.md).
// Exit 0: every expect matched; 1: an expect did not; 2: a file is not a valid scenario (or the
// storage is not available: then the files after it are not run). With several files, the highest.
import { OneNumberError } from '@onenumber/core';
import { createBackend, endRun, storageKinds, type StorageKind } from '../scenario/backend';
import { formatTable } from '../scenario/formatTable';
import { loadScenario, ScenarioFileError } from '../scenario/loadScenario';
import { runScenario, type ScenarioReport } from '../scenario/runScenario';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export async function scenarioCommand(
  files: string[],
  options: { storage: string; json: boolean },
  io: Io,
): Promise<number> {
  if (!files.length) {
    io.err(
      'onenumber scenario: name at least one scenario file, e.g. onenumber scenario examples/scenarios/*.json (onenumber scenario --help for more).',
    );
    return 2;
  }
  if (!(storageKinds as readonly string[]).includes(options.storage)) {
    io.err(
      `onenumber scenario: --storage must be one of ${storageKinds.join(', ')} (got "${options.storage}"). Run "onenumber scenario --help" for what each one needs.`,
    );
    return 2;
  }
  try {
    return await runFiles(files, options as { storage: StorageKind; json: boolean }, io);
  } finally {
    await endRun();
  }
}

async function runFiles(files: string[], options: { storage: StorageKind; json: boolean }, io: Io): Promise<number> {
  let exit = 0;
  const reports: ScenarioReport[] = [];
  for (const [index, file] of files.entries()) {
    try {
      const scenario = await loadScenario(file);
      const report = await runScenario(scenario, await createBackend(options.storage));
      reports.push(report);
      if (!options.json) io.out(`${formatTable(scenario, report)}\n`);
      for (const f of report.failures) {
        io.err(
          `${file}: step ${f.step} ${f.path}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`,
        );
      }
      if (report.failures.length) exit = Math.max(exit, 1);
    } catch (error) {
      if (error instanceof ScenarioFileError) io.err(error.message);
      else if (OneNumberError.isInstance(error)) io.err(`${file}: ${error.message}`);
      else throw error;
      exit = 2;
      const rest = files.length - index - 1;
      if (OneNumberError.isInstance(error) && error.code === 'STORAGE_UNAVAILABLE' && rest > 0) {
        // The storage itself is missing: every other file would print the same error.
        io.err(`onenumber scenario: ${rest} more file(s) not run, since the storage is not available.`);
        break;
      }
    }
  }
  if (options.json)
    io.out(`${JSON.stringify(reports.length === 1 && files.length === 1 ? reports[0] : reports, null, 2)}\n`);
  return exit;
}
