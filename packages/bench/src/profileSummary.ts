// `node dist/profileSummary.js FILE.cpuprofile [--top 30]`: self time of a V8 CPU profile (as
// written by `node --cpu-prof`, e.g. from `npm run bench -- --only ingest-http --profile DIR`),
// aggregated by function and by package, so a missed goal can be explained by where time goes.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package (or node: internal area) a script URL belongs to. */
export function areaOf(url: string): string {
  if (!url) return '(native/V8)';
  if (url.startsWith('node:')) return url.split('/')[0]!;
  const onenumber = /packages\/([^/]+)\/dist\//.exec(url);
  if (onenumber) return `@onenumber/${onenumber[1]}`;
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  return dep ? dep[1]! : url;
}

export function summarise(profile: Profile, top = 30) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const file = url.replace(/^.*\/(packages|node_modules)\//, '$1/');
    const key = `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
    functions.set(key, (functions.get(key) ?? 0) + micros);
    areas.set(areaOf(url), (areas.get(areaOf(url)) ?? 0) + micros);
  }
  const rank = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, micros]) => ({
        name,
        ms: Math.round(micros / 1000),
        percent: Number(((100 * micros) / total).toFixed(1)),
      }));
  return { totalMs: Math.round(total / 1000), areas: rank(areas, 15), functions: rank(functions, top) };
}

if (process.argv[1]?.endsWith('profileSummary.js')) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '30' } },
  });
  for (const file of positionals) {
    const { totalMs, areas, functions } = summarise(
      JSON.parse(readFileSync(file, 'utf8')) as Profile,
      Number(values.top),
    );
    process.stdout.write(`${file}: ${totalMs} ms sampled\n\nself time by area:\n`);
    for (const a of areas) process.stdout.write(`  ${String(a.percent).padStart(5)}%  ${a.name}\n`);
    process.stdout.write('\nself time by function:\n');
    for (const f of functions) process.stdout.write(`  ${String(f.percent).padStart(5)}%  ${f.name}\n`);
  }
}
