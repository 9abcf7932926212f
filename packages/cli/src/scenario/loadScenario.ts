// Reads and validates a scenario file; a bad file is a ScenarioFileError naming the file and field.
import { readFile } from 'node:fs/promises';
import { scenarioDoc, scenarioSchema, type Scenario } from './schema';

export class ScenarioFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'ScenarioFileError';
  }
}

export async function loadScenario(file: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ScenarioFileError(
      file,
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the path.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioFileError(file, `not valid JSON: ${(error as Error).message}`);
  }
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field =
      issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '') || '(root)';
    throw new ScenarioFileError(file, `field "${field}": ${issue.message}. Fix the file; see ${scenarioDoc}.`);
  }
  return parsed.data;
}
