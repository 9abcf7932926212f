// Narrow screens show one pane at a time behind tabs (phone, Zoho Desk, Zoho CRM, Zoho SalesIQ);
// a dot marks a tab whose pane got new messages while hidden. Wide screens ignore the tabs (CSS).
import { prefs, savePrefs } from './prefs.js';
import { $ } from './ui.js';

const seen = {};

export function showTab(name) {
  prefs.tab = name;
  savePrefs();
  for (const tab of document.querySelectorAll('.tabs [data-tab]')) {
    const on = tab.dataset.tab === name;
    tab.setAttribute('aria-selected', String(on));
    if (on) tab.classList.remove('unread');
  }
  for (const pane of document.querySelectorAll('#panes .pane'))
    pane.classList.toggle('current', pane.dataset.tab === name);
}

/** Marks tabs whose message count grew since the last render, unless they are showing. */
export function markUnread(counts) {
  for (const [name, count] of Object.entries(counts)) {
    if (seen[name] !== undefined && count > seen[name] && prefs.tab !== name)
      $(`.tabs [data-tab="${name}"]`)?.classList.add('unread');
    seen[name] = count;
  }
}

export function wireTabs() {
  for (const tab of document.querySelectorAll('.tabs [data-tab]'))
    tab.addEventListener('click', () => showTab(tab.dataset.tab));
  showTab(prefs.tab);
}
