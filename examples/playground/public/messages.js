// Message bubbles: a pane's history as its service sees it (masked replies of other services,
// R17; the sender's agent name where the policy shows it, R18; the delivery status, R16) and the
// phone's chat. What people wrote is in .body; the page's own words are in .meta and .tag.
import { nameOf, t } from './i18n.js';

const span = (className, text) => Object.assign(document.createElement('span'), { className, textContent: text });

export function paneMessage(m, service) {
  const li = document.createElement('li');
  li.className = `${m.direction}${m.masked ? ' masked' : ''}`;
  if (m.direction === 'in') {
    li.append(span('body', m.text ?? `[${m.type}]`), span('meta', t('customer')));
    return li;
  }
  if (m.masked) li.append(span('tag', t('masked')), span('hint', t('hidden', { s: nameOf(m.service) })));
  else li.append(span('body', m.text ?? `[${m.type}]`));
  const who = m.agentName && (m.masked || m.service === service) ? ` · ${m.agentName}` : '';
  const meta = span('meta', `${nameOf(m.service)}${who} · ${t(m.status)}`);
  if (m.error) meta.title = `${m.error.code}: ${m.error.title}`;
  li.append(meta);
  return li;
}

export function phoneMessage(m) {
  const li = document.createElement('li');
  li.className = m.direction;
  li.append(span('body', m.text));
  return li;
}

/** Replaces a list's bubbles; scrolls to the newest when there are more than before. */
export function fillList(list, items) {
  const grew = items.length > list.children.length;
  list.replaceChildren(...items);
  if (grew) list.scrollTop = list.scrollHeight;
}
