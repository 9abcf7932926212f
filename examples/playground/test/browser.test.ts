// The playground in a real headless Chromium (playwright-core + the Chromium that
// @sparticuz/chromium ships inside its npm package): the customer writes, every pane shows it;
// Desk replies, CRM and SalesIQ see it masked; CRM assigns (with the R23 confirmation), Desk shows
// the R22 notice; CRM, the parent, is removed and the panes show the new parent (R11).
// With UPDATE_SCREENSHOTS=1 it saves the README screenshot; otherwise it writes no tracked file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../src/startPlayground';

let browser: Browser;
let page: Page;
let playground: Awaited<ReturnType<typeof startPlayground>>;
const dataDir = mkdtempSync(join(tmpdir(), 'onenumber-playground-'));
const id = (testid: string) => page.getByTestId(testid);

beforeAll(async () => {
  playground = await startPlayground({ port: 0, dataDir });
  browser = await playwright.launch({
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
  page = await browser.newPage({ viewport: { width: 1480, height: 900 } });
  page.setDefaultTimeout(20_000);
  await page.goto(playground.url);
  await page.locator('body[data-ready="true"]').waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await playground?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('playground in a real browser', () => {
  it('names Desk, CRM and SalesIQ, and CRM becomes parent when it connects first (R9)', async () => {
    for (const service of ['crm', 'desk', 'salesiq']) {
      await id(`connect-${service}`).click();
      await expect.poll(() => id(`role-${service}`).textContent()).toMatch(/parent|child/);
    }
    expect(await page.textContent('body')).toMatch(/Zoho Desk[\s\S]*Zoho CRM[\s\S]*Zoho SalesIQ/);
    expect(await id('role-crm').textContent()).toBe('parent');
    expect(await id('members-desk').textContent()).toContain('Zoho CRM (parent)');
  });

  it("R15: the customer's message appears in all three panes", async () => {
    await id('phone-text').fill('Where is my order?');
    await id('phone-send').click();
    for (const service of ['desk', 'crm', 'salesiq']) {
      await expect.poll(() => id(`messages-${service}`).textContent()).toContain('Where is my order?');
    }
  });

  it('R17: Desk replies; Desk shows it in full, CRM and SalesIQ masked; WhatsApp delivers it to the phone', async () => {
    await id('agent-desk').selectOption('kenji');
    await expect.poll(() => id('send-desk').isEnabled()).toBe(true);
    await id('text-desk').fill('Desk here: it ships today.');
    await id('send-desk').click();
    await expect.poll(() => id('messages-desk').textContent()).toContain('Desk here: it ships today.');
    // Sent by the server's outbox worker through the WhatsApp transport (the simulator plays the phone).
    await expect
      .poll(() => id('messages-phone').textContent(), { timeout: 15_000 })
      .toContain('Desk here: it ships today.');
    // WhatsApp's `delivered` comes back as a signed status webhook and reaches every pane (R16).
    await expect.poll(() => id('messages-crm').textContent(), { timeout: 15_000 }).toContain('delivered');
    for (const service of ['crm', 'salesiq']) {
      await expect.poll(() => id(`messages-${service}`).locator('li.masked').count()).toBe(1);
      expect(await id(`messages-${service}`).textContent()).not.toContain('it ships today');
    }
  });

  it('R23: CRM assigns over Desk through the confirmation dialog', async () => {
    await id('agent-crm').selectOption('rin');
    await id('assign-crm').click();
    await id('confirm-dialog').waitFor({ state: 'visible' });
    expect(await id('confirm-dialog').textContent()).toContain('Kenji');
    await id('confirm-yes').click();
    await expect.poll(() => id('assignee-crm').textContent()).toContain('Rin');
  });

  it('R22: Desk shows the notice, in English and Japanese; its reply box says why it is disabled', async () => {
    await id('agent-desk').selectOption('haruka');
    await expect.poll(() => id('notice-desk').textContent()).toContain('another agent in Zoho CRM');
    await page.getByRole('button', { name: 'JA' }).click();
    await expect.poll(() => id('notice-desk').textContent()).toContain('割り当てられています');
    await page.getByRole('button', { name: 'EN' }).click();
    expect(await id('text-desk').isDisabled()).toBe(true);
    expect(await id('why-desk').textContent()).toContain('assigned to another agent');
  });

  it('R11: removing CRM, the parent, makes Desk the parent in every pane', async () => {
    expect(await id('preview-crm').textContent()).toContain('Zoho Desk becomes parent');
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      await page.screenshot({ path: resolve(__dirname, '../../../docs/playground.png'), fullPage: true });
    }
    await id('remove-crm').click();
    await expect.poll(() => id('role-desk').textContent()).toBe('parent');
    expect(await id('members-salesiq').textContent()).toContain('Zoho Desk (parent)');
    expect(await id('role-crm').textContent()).toBe('not connected');
  });
});
