// The page's own files (public/) and the Japanese web font, served from the npm package
// @fontsource/noto-sans-jp, so Japanese renders in a browser that has no CJK font installed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The font package's folder, or null when it is not installed (the page then falls back). */
function fontDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-jp/package.json'));
  } catch {
    return null;
  }
}

/** A file's path for a URL path, or null: flat names only, so no path can leave its folder. */
export function staticFile(publicDir: string, pathname: string): string | null {
  const page = pathname === '/' ? 'index.html' : pathname.slice(1);
  if (/^[a-z0-9-]+\.(html|js|css|png)$/.test(page)) return join(publicDir, page);
  const font = /^\/fonts\/noto-sans-jp\/((?:files\/)?[a-z0-9-]+\.(?:css|woff2))$/.exec(pathname);
  const dir = font ? fontDir() : null;
  return font && dir ? join(dir, font[1]!) : null;
}

/** Writes the file and answers true, or false when there is none. */
export function serveFile(res: ServerResponse, file: string): boolean {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    return false;
  }
  const type = types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
  // Font files never change for one package version: let the browser keep them.
  const cache = type === 'font/woff2' ? 'public, max-age=604800, immutable' : 'no-cache';
  res.writeHead(200, { 'content-type': type, 'cache-control': cache });
  res.end(content);
  return true;
}
