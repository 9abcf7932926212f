// Where the workspace is and which of its packages are published: read from the package.json
// files themselves, so a new publishable package is checked without editing this list.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface WorkspacePackage {
  name: string;
  /** Absolute folder. */
  dir: string;
  /** Folder relative to the repository root, e.g. `packages/core`. */
  rel: string;
  private: boolean;
  json: Record<string, unknown>;
}

/** Every workspace under packages/ and examples/ that has a package.json. */
export function workspacePackages(root = repoRoot): WorkspacePackage[] {
  const found: WorkspacePackage[] = [];
  for (const top of ['packages', 'examples']) {
    for (const name of readdirSync(join(root, top)).sort()) {
      const file = join(root, top, name, 'package.json');
      if (!existsSync(file)) continue;
      const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      found.push({
        name: String(json.name),
        dir: join(root, top, name),
        rel: `${top}/${name}`,
        private: json.private === true,
        json,
      });
    }
  }
  return found;
}

export const publishablePackages = (root = repoRoot) => workspacePackages(root).filter((p) => !p.private);
