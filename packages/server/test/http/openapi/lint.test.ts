// `redocly lint` with its recommended ruleset (redocly.yaml says which rule is tuned, and why)
// passes on the document, with no error and no warning.
import { expect, it } from 'vitest';
import { openApiDocument } from '../../../src';
import { binOf, runNode, writeGenerated } from './support/generated';

it('redocly lint (recommended) finds no problem in GET /openapi.json', async () => {
  const file = writeGenerated('openapi.json', JSON.stringify(openApiDocument(), null, 2));
  const run = await runNode(
    binOf('@redocly/cli', 'redocly'),
    ['lint', file, '--config', 'redocly.yaml', '--format', 'json'],
    {
      REDOCLY_TELEMETRY: 'off',
      REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    },
  );
  const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
    totals: { errors: number; warnings: number };
    problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
  };
  const problems = report.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
  expect(problems).toEqual([]);
  expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  expect(run.code).toBe(0);
}, 240_000);
