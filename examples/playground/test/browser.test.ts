// The playground as a newcomer meets it, in a real headless Chromium at 1280 px: the first-run
// guide; connecting (R9); the customer writes a long word (it wraps); Desk replies, the phone gets
// it and the others see it masked (R15..R17); three customers write and each pane lists its
// conversations with counts, masked last messages and assignees; a reload keeps the agent; R23's dialog names its
// effect; one notice per pane (R22); Remove is confirmed (R10, R11); Disable shows in the member
// line; an assignment kept across Remove then Connect is explained (R12, R21); Reset starts fresh.
// With UPDATE_SCREENSHOTS=1 it saves the README screenshot; otherwise it writes no tracked file.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bubblesOverflow, openHarness, ready, scrollsSideways, type Harness } from './harness';

let h: Harness;
let page: Page;
const id = (testid: string) => page.getByTestId(testid);
const longWord = `https://shop.example/track/${'9F3A7C21'.repeat(16)}`;

/** A 240 x 150 PNG drawn by the browser: a customer's photo of their door. */
const picture = async (p: Page) =>
  Buffer.from(
    await p.evaluate(() => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 240, height: 150 });
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#dbeafe';
      g.fillRect(0, 0, 240, 150);
      g.fillStyle = '#92400e';
      g.fillRect(90, 30, 60, 120);
      g.fillStyle = '#fbbf24';
      g.beginPath();
      g.arc(138, 92, 5, 0, 2 * Math.PI);
      g.fill();
      return canvas.toDataURL('image/png').split(',')[1]!;
    }),
    'base64',
  );

beforeAll(async () => {
  h = await openHarness({ width: 1280, height: 900 });
  page = h.page;
}, 180_000);
afterAll(() => h?.close());

describe('playground in a real browser (1280 px)', () => {
  it('shows the first-run guide; R29: a message sent before any service connects is kept', async () => {
    await expect.poll(() => id('guide').isVisible()).toBe(true);
    expect(await id('guide').textContent()).toContain('Press Connect');
    expect(await id('phone-why').textContent()).toContain('No service has connected the number yet');
    expect(await id('notice-desk').textContent()).toContain('Zoho Desk is not connected');
    await id('phone-text').fill('Hello, is anyone there?');
    await id('phone-send').click();
    await expect.poll(() => id('messages-phone').textContent()).toBe('Hello, is anyone there?');
    expect(await id('guide').isVisible()).toBe(true); // until a first service connects
  });

  it('R9: CRM connects first and becomes parent; product names only, never raw ids', async () => {
    for (const service of ['crm', 'desk', 'salesiq']) {
      await id(`connect-${service}`).click();
      await expect.poll(() => id(`role-${service}`).textContent()).toMatch(/parent|child/);
    }
    expect(await id('role-crm').textContent()).toBe('parent');
    expect(await id('members-desk').textContent()).toBe('Members: Zoho CRM (parent) · Zoho Desk · Zoho SalesIQ');
    const text = await page.locator('#panes').textContent();
    expect(text).not.toMatch(/\b(desk|crm|salesiq)\b/);
    // R29: the parked message reached the first service to connect, and the others see it too (R19).
    for (const service of ['crm', 'desk', 'salesiq'])
      await expect.poll(() => id(`messages-${service}`).textContent()).toContain('Hello, is anyone there?');
    await expect.poll(() => id('guide').isVisible()).toBe(false);
  });

  it("R15: the customer's long word reaches every pane and wraps inside its bubble", async () => {
    await id('phone-text').fill(`Where is my order? ${longWord}`);
    await id('phone-send').click();
    for (const service of ['desk', 'crm', 'salesiq'])
      await expect.poll(() => id(`messages-${service}`).textContent()).toContain(longWord);
    await expect.poll(() => id('guide').isVisible()).toBe(false);
    for (const list of ['messages-desk', 'messages-crm', 'messages-salesiq', 'messages-phone'])
      expect(await bubblesOverflow(page, list), list).toBe(false);
    expect(await scrollsSideways(page)).toBe(false);
  });

  it('R17, R39: the open conversation is read (the phone shows it); Desk replies, CRM and SalesIQ see it masked', async () => {
    await id('agent-desk').selectOption('kenji');
    await expect.poll(() => id('why-desk').textContent()).toBe('Write a reply to send it.');
    expect(await id('send-desk').isDisabled()).toBe(true);
    // R39: the panes have Taro's conversation open, so it is read: the phone shows his messages read.
    await expect.poll(() => id('messages-phone').locator('li.sent .meta').allTextContents()).toEqual(['read', 'read']);
    await id('text-desk').fill('Desk here: it ships today.');
    await expect.poll(() => id('send-desk').isEnabled()).toBe(true);
    await id('send-desk').click();
    await expect.poll(() => id('messages-phone').textContent(), { timeout: 15_000 }).toContain('it ships today');
    await expect.poll(() => id('messages-crm').textContent(), { timeout: 15_000 }).toContain('delivered');
    for (const service of ['crm', 'salesiq']) {
      await expect.poll(() => id(`messages-${service}`).locator('li.masked').count()).toBe(1);
      expect(await id(`messages-${service}`).textContent()).not.toContain('it ships today');
    }
  });

  it('three customers (one sends a photo, shown through the media route): each pane lists its conversations with counts, masked last message and assignee', async () => {
    for (const [customer, texts] of [
      ['+819087654321', ['Hanako here: can I change my address?']],
      ['+818011223344', ['Jiro: is the shop open on Sunday?', 'Jiro again: and on holidays?']],
    ] as const) {
      await id('phone-customer').selectOption(customer);
      for (const text of texts) {
        await id('phone-text').fill(text);
        await id('phone-send').click();
        await expect.poll(() => id('messages-phone').textContent()).toContain(text);
      }
    }
    // Jiro shares his location; Hanako sends a photo, its caption typed first: WhatsApp delivers a media id, the file
    // reaches the panes through the server's media route.
    await id('phone-location').click();
    await expect.poll(() => id('messages-phone').textContent()).toContain('LocationTokyo Station');
    await id('phone-customer').selectOption('+819087654321');
    await id('phone-text').fill('The new door');
    await id('phone-photo').setInputFiles({ name: 'door.png', mimeType: 'image/png', buffer: await picture(page) });
    await expect.poll(() => id('messages-phone').textContent()).toContain('PhotoThe new door');
    // The photo came last: once Desk counts it, every pane shows the same state (one read of all).
    await expect.poll(() => id('count-desk-hanako').textContent()).toBe('2');
    for (const service of ['desk', 'crm', 'salesiq'])
      expect(await id(`conversations-${service}`).locator('li').count()).toBe(3);
    // Counts: unread, the customer's messages after the service's read marker (R39); what a pane has open is read.
    expect((await id('conversations-desk').locator('strong').allTextContents()).sort()).toEqual([
      'Hanako',
      'Jiro',
      'Taro',
    ]);
    expect(await id('count-desk-jiro').textContent()).toBe('3');
    expect(await id('conversation-salesiq-jiro').textContent()).toContain('Location Tokyo Station');
    expect(await id('conversation-crm-hanako').textContent()).toContain('Photo The new door');
    expect(await id('count-desk-taro').count()).toBe(0);
    expect(await id('count-crm-taro').count()).toBe(0);
    expect(await id('count-crm-jiro').textContent()).toBe('3');
    const taroInCrm = await id('conversation-crm-taro').textContent();
    expect(taroInCrm).toContain('Reply from Zoho Desk: text hidden');
    expect(taroInCrm).not.toContain('it ships today');
    expect(await id('conversation-desk-taro').textContent()).toContain('Assignee: Kenji');
    expect(await id('conversation-desk-jiro').textContent()).toContain('Assignee: unassigned');
    // Opening one shows its messages only; the choice is the pane's own.
    await id('conversation-desk-jiro').click();
    await expect.poll(() => id('open-desk').textContent()).toBe('Conversation with Jiro');
    expect(await id('messages-desk').textContent()).toContain('and on holidays?');
    expect(await id('messages-desk').textContent()).not.toContain('Where is my order?');
    expect(await id('conversation-desk-jiro').getAttribute('aria-current')).toBe('true');
    await expect.poll(() => id('count-desk-jiro').count()).toBe(0); // opened, so read (R39)
    expect(await id('count-crm-jiro').textContent()).toBe('3'); // CRM's marker is its own
    expect(await id('messages-crm').textContent()).toContain('Where is my order?'); // CRM still has Taro's open
    await id('conversation-crm-hanako').click();
    const photo = id('messages-crm').locator('img.photo');
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    expect(await id('messages-crm').textContent()).toContain('The new door');
    // R16, R17: Desk replies to Hanako with a photo. Desk sees it through the media route, the phone
    // receives it, CRM sees only that Desk sent a photo, and the media route refuses CRM the file.
    await id('conversation-desk-hanako').click();
    await expect.poll(() => id('open-desk').textContent()).toBe('Conversation with Hanako');
    await id('text-desk').fill('Here is the form');
    await id('attach-desk').setInputFiles({ name: 'form.png', mimeType: 'image/png', buffer: await picture(page) });
    const sent = id('messages-desk').locator('li.out img.photo');
    await expect.poll(() => sent.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    await expect.poll(() => id('messages-crm').textContent()).toContain('Photo from Zoho Desk: hidden');
    expect(await id('messages-crm').locator('li.out img').count()).toBe(0);
    expect(await id('messages-crm').textContent()).not.toContain('Here is the form');
    expect(await id('conversation-crm-hanako').textContent()).toContain('Photo from Zoho Desk: hidden');
    await id('phone-customer').selectOption('+819087654321');
    const received = id('messages-phone').locator('li.received img.photo');
    await expect.poll(() => received.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    const url = new URL('/api/state?desk=kenji&open-desk=%2B819087654321', page.url()).href;
    const state = await (await page.request.get(url)).json();
    const reply = state.panes[0].messages.findLast((m: { direction: string }) => m.direction === 'out');
    const file = (service: string) =>
      page.request.get(new URL(`/api/media/${service}/${reply.id}?customer=%2B819087654321`, page.url()).href);
    expect((await file('desk')).status()).toBe(200);
    expect((await file('crm')).status()).toBe(404);
    await id('conversation-crm-taro').click();
    await id('conversation-desk-taro').click();
    await expect.poll(() => id('open-desk').textContent()).toBe('Conversation with Taro');
    await id('phone-customer').selectOption('+819012345678');
    await expect.poll(() => id('messages-phone').textContent()).toContain('it ships today');
  });

  it('a reload keeps the agent each pane acts as, so Send is not disabled', async () => {
    await page.reload();
    await ready(page);
    expect(await id('agent-desk').inputValue()).toBe('kenji');
    await id('text-desk').fill('Still me.');
    await expect.poll(() => id('send-desk').isEnabled()).toBe(true);
    await id('text-desk').fill('');
  });

  it('R23: the confirmation dialog names the effect; confirming assigns Rin in CRM', async () => {
    await id('agent-crm').selectOption('rin');
    await id('assign-crm').click();
    await id('confirm-dialog').waitFor({ state: 'visible' });
    expect(await id('confirm-dialog').textContent()).toContain(
      'You (Rin) become the assignee in Zoho CRM and can reply from it. The conversation stays assigned to Kenji in Zoho Desk',
    );
    await id('confirm-confirm').click();
    await expect.poll(() => id('assignee-crm').textContent()).toBe('Assignee: Rin');
  });

  it('R22: one notice per pane says what happened and what to do; it reads in Japanese too', async () => {
    await id('agent-desk').selectOption('haruka');
    await expect
      .poll(() => id('notice-desk').textContent())
      .toContain(
        // Haruka reaches Desk only: R22 names the holder only to agents who reach its service.
        'This conversation is assigned to another agent in Zoho CRM. You can still read it, and you can assign it to yourself in Zoho Desk.',
      );
    expect(await page.locator('[data-testid="pane-desk"] .notice:visible').count()).toBe(1);
    expect(await id('why-desk').textContent()).toBe(
      'Only the assignee in Zoho Desk can reply; Assign to me takes it over.',
    );
    await page.getByRole('button', { name: 'JA', exact: true }).click();
    await expect.poll(() => id('notice-desk').textContent()).toContain('割り当てられています');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await id('agent-desk').selectOption('kenji');
    await expect.poll(() => id('notice-desk').isHidden()).toBe(true);
    if (process.env.UPDATE_SCREENSHOTS === '1')
      await page.screenshot({ path: resolve(__dirname, '../../../docs/playground.png'), fullPage: true });
  });

  it('R10, R11: Remove asks first (Disable offered instead); removing CRM, the parent, makes Desk parent', async () => {
    await id('remove-crm').click();
    await id('confirm-dialog').waitFor({ state: 'visible' });
    const text = await id('confirm-dialog').textContent();
    expect(text).toContain('connecting again makes a new one');
    expect(text).toContain('Disable instead leaves sharing but keeps its place and creation order');
    expect(text).toContain('If Zoho CRM leaves: Zoho Desk becomes parent');
    await id('confirm-cancel').click();
    expect(await id('role-crm').textContent()).toBe('parent');
    await id('remove-crm').click();
    await id('confirm-remove').click();
    await expect.poll(() => id('role-desk').textContent()).toBe('parent');
    expect(await id('members-salesiq').textContent()).toBe('Members: Zoho Desk (parent) · Zoho SalesIQ');
    expect(await id('role-crm').textContent()).toBe('not connected');
  });

  it('R10: a disabled service is shown as such in the member line', async () => {
    await id('disable-salesiq').click();
    await expect
      .poll(() => id('members-desk').textContent())
      .toBe('Members: Zoho Desk (parent) · Zoho SalesIQ (disabled)');
    expect(await id('notice-salesiq').textContent()).toContain('Zoho SalesIQ is disabled');
    await id('enable-salesiq').click();
    await expect.poll(() => id('role-salesiq').textContent()).toBe('child');
  });

  it('R12, R21: after Remove then Connect, the kept assignee comes back with a word why', async () => {
    await id('remove-desk').click();
    await id('confirm-remove').click();
    await expect.poll(() => id('role-desk').textContent()).toBe('not connected');
    await id('connect-desk').click();
    await expect.poll(() => id('assignee-desk').textContent()).toBe('Assignee: Kenji');
    expect(await id('notice-desk').textContent()).toContain('assignments are kept per service');
  });

  it("a customer's reaction to Desk's reply reaches the connected panes as a reaction", async () => {
    const reply = id('messages-phone').locator('li', { hasText: 'it ships today' });
    await reply.locator('button.react').click();
    await expect.poll(() => id('messages-phone').locator('li').last().textContent()).toBe('Reacted👍');
    for (const service of ['desk', 'salesiq']) // CRM was removed above
      await expect.poll(() => id(`messages-${service}`).locator('li').last().textContent()).toBe('Reacted👍customer');
    expect(await id('conversation-salesiq-taro').textContent()).toContain('Reacted 👍');
  });

  it('Reset (confirmed) starts fresh: server data, phone, panes, and the guide again', async () => {
    await id('reset').click();
    await id('confirm-cancel').click();
    expect(await id('role-desk').textContent()).toBe('child');
    await id('reset').click();
    await id('confirm-reset').click();
    await expect.poll(() => id('role-desk').textContent()).toBe('not connected');
    for (const list of ['messages-desk', 'messages-crm', 'messages-salesiq', 'messages-phone'])
      expect(await id(list).locator('li').count()).toBe(0);
    expect(await id('guide').isVisible()).toBe(true);
    await id('connect-desk').click();
    await expect.poll(() => id('role-desk').textContent()).toBe('parent');
  });
});
