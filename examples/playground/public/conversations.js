// A pane's conversation list (the SDK's conversations read): per customer who wrote, the name,
// the last message as this service sees it (masked where R17 says), its own assignee and its
// unread count (R39); the open one is marked, and choosing another opens it.
import { nameOf, t } from './i18n.js';
import { contentOf, detailOf, kindLabel } from './kinds.js';
import { hiddenLine } from './messages.js';
import { agentName } from './notice.js';
import { $ } from './ui.js';

const div = (className, text) => Object.assign(document.createElement('div'), { className, textContent: text });

/** One line for the last message: what people wrote in .body, the page's own words around it. */
export function lastLine(m) {
  const line = div(`last${m?.masked ? ' masked' : ''}`, '');
  if (!m) return line;
  if (m.masked) line.textContent = hiddenLine(m);
  else {
    if (m.direction === 'out') line.append(`${nameOf(m.service)}: `);
    const c = contentOf(m);
    const typed = c && c.kind !== 'text';
    if (typed) line.append(`${kindLabel(c.kind, t)} `);
    const text = typed ? detailOf(c) : (m.text ?? `[${m.type}]`);
    line.append(Object.assign(document.createElement('span'), { className: 'body', textContent: text }));
  }
  return line;
}

/** The count shown on an entry: the customer's messages after this service's read marker (R39). */
const count = (entry) => (entry.unread ? { n: entry.unread, text: t('unread', { n: entry.unread }) } : null);

/** `open(customer)`: called when the agent chooses a conversation. */
export function renderConversations(el, pane, customers, open) {
  const list = $('.conversations', el);
  $('.empty', el).hidden = pane.conversations.length > 0 || pane.membership !== 'active';
  $('.inbox', el).hidden = pane.membership !== 'active';
  list.replaceChildren(
    ...pane.conversations.map((entry) => {
      const name = customers.find((c) => c.id === entry.customer)?.name ?? entry.customer;
      const key = `${pane.service}-${name.toLowerCase()}`;
      const button = Object.assign(document.createElement('button'), { type: 'button' });
      button.dataset.testid = `conversation-${key}`;
      if (entry.customer === pane.customer) button.setAttribute('aria-current', 'true');
      const head = div('head', '');
      head.append(Object.assign(document.createElement('strong'), { textContent: name }));
      const n = count(entry);
      if (n) {
        const badge = Object.assign(document.createElement('span'), { className: 'count', textContent: String(n.n) });
        badge.title = n.text;
        badge.dataset.testid = `count-${key}`;
        head.append(badge);
      }
      const who = entry.assignee ? agentName(pane, entry.assignee) : t('unassigned');
      button.append(head, lastLine(entry.last), div('holder', `${t('assignee')}: ${who}`));
      button.addEventListener('click', () => open(entry.customer));
      const li = document.createElement('li');
      li.append(button);
      return li;
    }),
  );
  const name = customers.find((c) => c.id === pane.customer)?.name ?? '';
  $('.open-title', el).textContent = pane.messages.length ? t('conversationWith', { a: name }) : '';
  $('.open-title', el).hidden = !pane.messages.length;
}
