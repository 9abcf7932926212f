// A README's install line must name every @onenumber package its examples import: a reader who
// copies the `npm install` line and then the example must not meet ERR_MODULE_NOT_FOUND.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspacePackages } from './workspace';

export interface CodeBlock {
  lang: string;
  code: string;
}

/** Fenced code blocks, also those indented under a list item. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const fence = /^([ \t]*)(```+|~~~+)([^\n`]*)\n([\s\S]*?)^\1\2[ \t]*$/gm;
  for (const m of markdown.matchAll(fence))
    blocks.push({ lang: (m[3] ?? '').trim().split(/\s/)[0] ?? '', code: m[4] ?? '' });
  return blocks;
}

const scope = /@onenumber\/[a-z0-9][a-z0-9._-]*/g;
const packageOf = (specifier: string) => specifier.split('/').slice(0, 2).join('/');

/** Packages named by `npm install ...` / `npm i ...` anywhere in the README (continued lines joined). */
export function installedBy(markdown: string): string[] {
  const text = markdown.replace(/\\\n/g, ' ');
  const names = new Set<string>();
  for (const m of text.matchAll(/\bnpm\s+(?:install|i|add)\b([^\n`]*)/g)) {
    for (const name of (m[1] ?? '').matchAll(scope)) names.add(packageOf(name[0]));
  }
  return [...names].sort();
}

const codeLangs = new Set(['ts', 'typescript', 'js', 'javascript', 'mjs', 'cjs', 'tsx', 'jsx']);

/** @onenumber packages imported (import/export ... from, import(), require()) by the README's code blocks. */
export function importedBy(markdown: string): string[] {
  const names = new Set<string>();
  const specifiers = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](@onenumber\/[^'"]+)['"]/g;
  for (const block of codeBlocks(markdown)) {
    if (!codeLangs.has(block.lang)) continue;
    for (const m of block.code.matchAll(specifiers)) names.add(packageOf(m[1]!));
  }
  return [...names].sort();
}

export interface ReadmeCheck {
  file: string;
  installs: string[];
  imports: string[];
  /** Imported but not named by any install line. */
  missing: string[];
}

export function checkReadme(file: string, markdown: string): ReadmeCheck {
  const installs = installedBy(markdown);
  const imports = importedBy(markdown);
  return { file, installs, imports, missing: imports.filter((name) => !installs.includes(name)) };
}

/** The check for each README.md of packages/* and examples/*. */
export function checkWorkspaceReadmes(): ReadmeCheck[] {
  return workspacePackages()
    .filter((pkg) => existsSync(join(pkg.dir, 'README.md')))
    .map((pkg) => checkReadme(`${pkg.rel}/README.md`, readFileSync(join(pkg.dir, 'README.md'), 'utf8')));
}
