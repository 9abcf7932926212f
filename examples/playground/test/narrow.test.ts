// The playground on a phone-sized screen (390 px) and in Japanese, in a real headless Chromium:
// tabs instead of columns, long words wrap, nothing scrolls sideways (390 and 900 px); three
// customers' conversations listed with counts, one opened by a tap; no English
// is left in the panes; the Japanese web font served by the playground really draws the glyphs;
// a reload keeps the language, the tab and the agent; a restart keeps the phone's chat.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../src/startPlayground';
import { api, bubblesOverflow, openHarness, ready, scrollsSideways, type Harness } from './harness';

let h: Harness;
let page: Page;
const id = (testid: string) => page.getByTestId(testid);
const tabs = ['phone', 'desk', 'crm', 'salesiq'];
const longWord = `注文番号-${'x'.repeat(120)}-END`;
const taro = '+819012345678';
/** Words allowed in Latin letters in Japanese panes: product names and the demo's agent and customer names. */
const allowed = new Set([
  'Taro',
  'Hanako',
  'Jiro',
  'Zoho',
  'Desk',
  'CRM',
  'SalesIQ',
  'WhatsApp',
  'Haruka',
  'Kenji',
  'Rin',
  'Mei',
  'Sora',
  'Yuki',
]);

/** The visible words of a pane that the page wrote (what people typed, in .body, left out). */
const pageWords = (testid: string) =>
  page.evaluate((tid) => {
    const root = document.querySelector(`[data-testid="${tid}"]`)!;
    const texts: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      if (parent.closest('.body') || !parent.checkVisibility()) continue;
      texts.push(node.textContent ?? '');
    }
    for (const el of root.querySelectorAll('textarea')) texts.push(el.placeholder);
    return texts.join(' ');
  }, testid);

beforeAll(async () => {
  h = await openHarness({ width: 390, height: 844 });
  page = h.page;
}, 180_000);
afterAll(() => h?.close());

describe('playground at 390 px and in Japanese', () => {
  it('shows one pane at a time behind tabs, the guide first; R29: the phone writes before any connection', async () => {
    expect(await id('guide').isVisible()).toBe(true);
    await id('tab-phone').click();
    await id('phone-text').fill('もしもし');
    await id('phone-send').click();
    await expect.poll(() => id('messages-phone').textContent()).toBe('もしもし');
    for (const tab of tabs) {
      await id(`tab-${tab}`).click();
      for (const other of tabs) expect(await id(`pane-${other}`).isVisible(), `${tab}: ${other}`).toBe(other === tab);
    }
    expect(await scrollsSideways(page)).toBe(false);
  });

  it('wraps a long word in every pane and on the phone; no sideways scroll at 390 or 900 px', async () => {
    for (const service of ['crm', 'desk', 'salesiq'])
      await api(page, '/api/action', {
        service,
        action: 'connect',
        agent: service === 'salesiq' ? 'sora' : 'kenji',
        customer: taro,
      });
    await api(page, '/api/phone', { customer: taro, text: `荷物はどこですか？ ${longWord}` });
    await api(page, '/api/action', {
      service: 'desk',
      action: 'reply',
      agent: 'kenji',
      customer: taro,
      text: `発送しました ${longWord}`,
    });
    await id('tab-desk').click();
    await id('agent-desk').selectOption('kenji');
    for (const tab of tabs) {
      await id(`tab-${tab}`).click();
      // The parked first message (R29), the long word, Desk's reply.
      await expect.poll(() => id(`messages-${tab}`).locator('li').count(), { timeout: 15_000 }).toBe(3);
      expect(await bubblesOverflow(page, `messages-${tab}`), tab).toBe(false);
      expect(await scrollsSideways(page), tab).toBe(false);
    }
    await page.setViewportSize({ width: 900, height: 900 });
    for (const tab of tabs) expect(await bubblesOverflow(page, `messages-${tab}`), `900 ${tab}`).toBe(false);
    expect(await scrollsSideways(page)).toBe(false);
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it('three customers at 390 px: a pane lists them with counts; choosing one opens it; a hidden tab gets a dot', async () => {
    await id('tab-desk').click();
    await api(page, '/api/phone', { customer: '+819087654321', text: '住所を変更できますか？' });
    await api(page, '/api/phone', { customer: '+818011223344', text: '日曜日は営業していますか？' });
    await api(page, '/api/phone/location', { customer: '+818011223344' });
    // The location came last: once Desk counts it, the page shows the state after all three.
    await expect.poll(() => id('count-desk-jiro').textContent()).toBe('2');
    expect(await id('conversations-desk').locator('li').count()).toBe(3);
    expect((await id('conversations-desk').locator('strong').allTextContents()).sort()).toEqual([
      'Hanako',
      'Jiro',
      'Taro',
    ]);
    expect(await id('count-desk-hanako').textContent()).toBe('1');
    expect(await id('conversation-desk-jiro').textContent()).toContain('Location Tokyo Station');
    expect(await id('count-crm-hanako').textContent()).toBe('1');
    expect(await id('count-crm-taro').count()).toBe(0); // open in CRM's pane, so read (R39)
    expect(await id('tab-crm').getAttribute('class')).toContain('unread');
    await id('conversation-desk-hanako').click();
    await expect.poll(() => id('messages-desk').textContent()).toContain('住所を変更できますか？');
    expect(await scrollsSideways(page)).toBe(false);
    await id('conversation-desk-taro').click();
    await expect.poll(() => id('open-desk').textContent()).toBe('Conversation with Taro');
  });

  it('leaves no English in the panes, the guide or the dialogs in Japanese', async () => {
    await page.getByRole('button', { name: 'JA', exact: true }).click();
    await id('guide-open').click();
    await expect.poll(() => id('messages-crm').textContent()).toContain('配信済み');
    const english = (text: string) => (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.has(w));
    for (const tab of tabs) {
      await id(`tab-${tab}`).click();
      const words = await pageWords(`pane-${tab}`);
      expect(words, tab).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(english(words), `${tab}: ${words}`).toEqual([]);
    }
    expect(english(await pageWords('guide'))).toEqual([]);
    expect(english(await pageWords('tabs'))).toEqual([]);
    await id('tab-crm').click();
    await id('remove-crm').click();
    const dialog = await id('confirm-dialog').textContent();
    expect(english(dialog ?? ''), dialog ?? '').toEqual([]);
    await id('confirm-cancel').click();
  });

  it('draws Japanese with the web font the playground serves (not boxes)', async () => {
    const css = await page.request.get(new URL('/fonts/noto-sans-jp/400.css', page.url()).href);
    expect(css.status()).toBe(200);
    expect(await css.text()).toContain('woff2');
    const sample = '日本語の表示を確認';
    expect(
      await page.evaluate(async (s) => {
        await document.fonts.load('32px "Noto Sans JP"', s);
        return document.fonts.check('32px "Noto Sans JP"', s);
      }, sample),
    ).toBe(true);
    await page.evaluate((s) => {
      for (const [testid, family] of [
        ['font-web', '"Noto Sans JP"'],
        ['font-none', '"No Such Font 0NN"'],
      ]) {
        const el = document.createElement('div');
        Object.assign(el.style, { fontFamily: family, fontSize: '32px', background: '#fff', color: '#000' });
        Object.assign(el.style, { position: 'fixed', top: testid === 'font-web' ? '0' : '60px', left: '0' });
        el.dataset.testid = testid;
        el.textContent = s;
        document.body.append(el);
      }
    }, sample);
    const web = await id('font-web').screenshot();
    const none = await id('font-none').screenshot();
    expect(web.equals(none)).toBe(false);
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('[data-testid^="font-"]')) el.remove();
    });
  });

  it('a reload keeps the language, the tab, the agent and the hidden guide', async () => {
    await id('guide-dismiss').click();
    expect(await id('guide').isHidden()).toBe(true);
    await id('tab-desk').click();
    await page.reload();
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await id('pane-desk').isVisible()).toBe(true);
    expect(await id('agent-desk').inputValue()).toBe('kenji');
    expect(await id('why-desk').textContent()).toBe('返信を入力すると送信できます。');
    expect(await id('guide').isHidden()).toBe(true);
  });

  it('a restart keeps the phone chat; reset: true starts from empty data', async () => {
    await h.playground.close();
    h.playground = await startPlayground({ port: 0, dataDir: h.dataDir });
    await page.goto(h.playground.url);
    await ready(page);
    await id('tab-phone').click();
    expect(await id('messages-phone').locator('li').count()).toBe(3);
    await h.playground.close();
    h.playground = await startPlayground({ port: 0, dataDir: h.dataDir, reset: true });
    await page.goto(h.playground.url);
    await ready(page);
    expect(await id('messages-phone').locator('li').count()).toBe(0);
    expect(await id('connect-desk').isEnabled()).toBe(true); // a new port is a new origin: English again
  });
});
