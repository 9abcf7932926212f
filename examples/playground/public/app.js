// The playground page: renders what each service's own SDK shows, and re-renders whenever the
// server's event stream says something changed. Every action goes through the service's adapter.
import { renderGuide, wireGuide } from './guide.js';
import { applyWords, has, nameOf, setLang, t } from './i18n.js';
import { createPane, membersLine, renderPane } from './pane.js';
import { renderPhone, wirePhone } from './phone.js';
import { prefs, savePrefs } from './prefs.js';
import { markUnread, showTab, wireTabs } from './tabs.js';
import { $, ask, post, toast } from './ui.js';

let state = null;

/** An error in the page's language: the reason's own words when the page has them. */
const explain = (error, service) =>
  has(`why_${error.code}`) && service
    ? t(`why_${error.code}`, { s: nameOf(service) })
    : t('error', { p: error.message });

function paneElement(service) {
  let el = $(`.pane[data-service="${service}"]`);
  if (el) return el;
  el = createPane(service, {
    action: act,
    agent: (s, id) => {
      prefs.agents[s] = id;
      savePrefs();
      refresh();
    },
    typing: (s) => typing(s),
    open: (s, customer) => {
      prefs.open[s] = customer;
      savePrefs();
      refresh();
    },
  });
  el.dataset.tab = service;
  $('#panes').insertBefore(el, $('.pane.phone'));
  showTab(prefs.tab);
  return el;
}

function render() {
  applyWords();
  $('#number').textContent = state.number;
  for (const tab of document.querySelectorAll('.tabs [data-tab]:not([data-tab="phone"])'))
    tab.textContent = nameOf(tab.dataset.tab);
  // One channel is shared by all three: its member line, with the disabled ones, is the same everywhere.
  const members = state.panes.find((p) => p.members.length)?.members ?? [];
  const disabled = state.panes.filter((p) => p.membership === 'disabled').map((p) => p.service);
  const line = membersLine(state.channel, members, disabled);
  for (const pane of state.panes) {
    // The conversation shown stays open when another customer writes, until the agent picks another.
    if (!prefs.open[pane.service] && pane.conversations.some((c) => c.customer === pane.customer)) {
      prefs.open[pane.service] = pane.customer;
      savePrefs();
    }
    renderPane(paneElement(pane.service), pane, line, state.customers);
  }
  renderPhone(state);
  markOpened();
  renderGuide(state);
  // A tab's count grows with any new message: every phone's chat, every conversation's unread ones.
  const phone = Object.values(state.phones).reduce((n, chat) => n + chat.length, 0);
  const pane = (p) => p.messages.length + p.conversations.reduce((n, c) => n + c.unread, 0);
  markUnread(Object.fromEntries([['phone', phone], ...state.panes.map((p) => [p.service, pane(p)])]));
  document.body.dataset.ready = 'true';
}

let asked = 0;
async function refresh() {
  const ticket = ++asked;
  const query = new URLSearchParams([
    ...Object.entries(prefs.agents),
    ...Object.entries(prefs.open).map(([s, customer]) => [`open-${s}`, customer]),
  ]);
  const next = await (await fetch(`/api/state?${query}`)).json();
  if (ticket !== asked) return; // a newer refresh was asked for: show that one, not this one
  state = next;
  render();
}

const paneOf = (service) => state.panes.find((p) => p.service === service);

// R39: what an agent has open, they have read: each pane marks its open conversation read up to the
// customer's last message (once per message), so its unread count is the other conversations'.
const readUpTo = {};
function markOpened() {
  for (const pane of state.panes) {
    const last = pane.membership === 'active' ? pane.messages.findLast((m) => m.direction === 'in') : null;
    const key = `${pane.service} ${pane.customer} ${pane.agent}`;
    if (!last || readUpTo[key] === last.id) continue;
    readUpTo[key] = last.id;
    const { service, agent, customer } = pane;
    post('/api/action', { service, action: 'read', agent, customer }).catch((error) => console.warn(error));
  }
}

// R39: an agent typing a reply shows "typing…" on the customer's phone (at most every 20 s; it lasts 25 s).
const typedAt = {};
function typing(service) {
  const pane = paneOf(service);
  if (!pane?.canReply.ok || Date.now() - (typedAt[service] ?? 0) < 20_000) return;
  typedAt[service] = Date.now();
  const { agent, customer } = pane;
  post('/api/action', { service, action: 'read', agent, customer, typing: true }).catch((error) => console.warn(error));
}

/** R23: the dialog names what confirming does, in this service and in the holding one. */
function confirmAssign(service, agent, notice) {
  const s = nameOf(service);
  const b = notice.agent ?? t('anotherAgent');
  const a = paneOf(service).agents.find((x) => x.id === agent)?.name ?? agent;
  return ask({
    title: t('assignTitle', { s }),
    text: t('assignEffect', { a, s, b, o: nameOf(notice.service) }),
    buttons: [{ value: 'confirm', label: t('assignConfirm', { s }), primary: true }],
  });
}

/** R10: Remove is confirmed, with Disable offered instead and what leaving changes (R11). */
async function confirmRemove(service) {
  const s = nameOf(service);
  const more = $(`[data-testid="preview-${service}"]`)?.textContent ?? '';
  return ask({
    title: t('removeTitle', { s }),
    text: t('removeEffect', { s }),
    more,
    buttons: [
      { value: 'disable', label: t('disableInstead') },
      { value: 'remove', label: t('remove'), primary: true },
    ],
  });
}

async function act(service, action, extra = {}) {
  // The agent just chosen, even when the refresh that follows the choice has not landed yet.
  const pane = paneOf(service);
  const agent = pane?.agents.some((a) => a.id === prefs.agents[service]) ? prefs.agents[service] : pane?.agent;
  try {
    if (action === 'remove') {
      const answer = await confirmRemove(service);
      if (answer === 'cancel') return false;
      action = answer;
    }
    const customer = pane?.customer ?? state.customers[0].id;
    const { result } = await post('/api/action', { service, action, agent, customer, ...extra });
    if (
      result?.status === 'confirmation-required' &&
      (await confirmAssign(service, agent, result.notice)) === 'confirm'
    )
      await post('/api/action', { service, action, agent, customer, confirm: true });
    await refresh();
    return true;
  } catch (error) {
    toast(explain(error, service));
    await refresh();
    return false;
  }
}

async function reset() {
  const answer = await ask({
    title: t('resetTitle'),
    text: t('resetEffect'),
    buttons: [{ value: 'reset', label: t('reset'), primary: true }],
  });
  if (answer !== 'reset') return;
  prefs.guide = 'auto';
  prefs.open = {};
  savePrefs();
  for (const box of document.querySelectorAll('textarea')) box.value = '';
  try {
    await post('/api/reset');
    toast(t('resetDone'));
  } catch (error) {
    toast(explain(error));
  }
  await refresh();
}

function chooseLang(lang) {
  prefs.lang = lang;
  savePrefs();
  setLang(lang);
  for (const b of document.querySelectorAll('[data-lang]')) b.classList.toggle('on', b.dataset.lang === lang);
  if (state) render();
}

for (const button of document.querySelectorAll('[data-lang]'))
  button.addEventListener('click', () => chooseLang(button.dataset.lang));
$('#reset').addEventListener('click', reset);
chooseLang(prefs.lang);
wirePhone(refresh, explain);
wireGuide();
wireTabs();
let pending = null;
new EventSource('/api/live').addEventListener('change', () => {
  clearTimeout(pending);
  pending = setTimeout(refresh, 60);
});
refresh();
