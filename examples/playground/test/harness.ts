// What the browser tests share: a playground on a fresh data directory and a real headless
// Chromium (playwright-core + the Chromium that @sparticuz/chromium ships inside its npm package).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startPlayground } from '../src/startPlayground';

export interface Harness {
  browser: Browser;
  page: Page;
  playground: Awaited<ReturnType<typeof startPlayground>>;
  dataDir: string;
  close(): Promise<void>;
}

export async function openHarness(viewport: { width: number; height: number }): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onenumber-playground-'));
  const playground = await startPlayground({ port: 0, dataDir });
  const browser = await playwright.launch({
    executablePath: await chromium.executablePath(),
    // The closed network refuses Chromium's background connections: turn them off.
    args: [
      ...chromium.args,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    headless: true,
  });
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(20_000);
  await page.goto(playground.url);
  await ready(page);
  const harness: Harness = {
    browser,
    page,
    playground,
    dataDir,
    async close() {
      await browser.close();
      await harness.playground.close(); // the one running now: a test may restart it
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export const ready = (page: Page) => page.locator('body[data-ready="true"]').waitFor();

/** Calls the page's own API (as its buttons do) to set a scene quickly. */
export async function api(page: Page, path: string, body: unknown): Promise<void> {
  const response = await page.request.post(new URL(path, page.url()).href, { data: body });
  expect(response.ok(), `${path} ${JSON.stringify(body)}: ${await response.text()}`).toBe(true);
}

/** No sideways scroll: the document is no wider than the window. */
export const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** Every bubble of a list lies within the list (a long word wrapped instead of widening it). */
export const bubblesOverflow = (page: Page, testid: string) =>
  page.evaluate((id) => {
    const list = document.querySelector(`[data-testid="${id}"]`)!;
    const box = list.getBoundingClientRect();
    return [...list.querySelectorAll('li')].some((li) => {
      const r = li.getBoundingClientRect();
      return r.width > box.width || r.right > box.right + 0.5 || li.scrollWidth > li.clientWidth + 1;
    });
  }, testid);
