// Message bubbles: a pane's history as its service sees it (masked replies of other services,
// R17; the sender's agent name where the policy shows it, R18; the delivery status, R16) and the
// phone's chat. What people wrote is in .body; the page's own words are in .meta and .tag.
import { nameOf, t } from './i18n.js';
import { contentOf, detailOf, hasFile, hasKind, kindLabel } from './kinds.js';

const span = (className, text) => Object.assign(document.createElement('span'), { className, textContent: text });

// One <img> per file, moved between renders rather than fetched again on every refresh.
const photos = new Map();
const mediaUrl = (service, m, customer) =>
  `/api/media/${service}/${encodeURIComponent(m.id)}?customer=${encodeURIComponent(customer)}`;
function photo(src) {
  if (!photos.has(src))
    photos.set(src, Object.assign(document.createElement('img'), { src, className: 'photo', alt: t('kind_image') }));
  return photos.get(src);
}

/** What a message says: a photo through the media route (GET /v1/media), another kind by its label and detail, else its text. */
function content(li, m, service, customer) {
  const c = contentOf(m);
  if (!c || c.kind === 'text') return void li.append(span('body', m.text ?? `[${m.type}]`));
  if (c.kind === 'image' && hasFile(c)) li.append(photo(mediaUrl(service, m, customer)));
  else li.append(span('tag', kindLabel(c.kind, t)));
  const detail = detailOf(c);
  if (detail) li.append(span('body', detail));
  if (hasFile(c) && c.kind !== 'image')
    li.append(
      Object.assign(document.createElement('a'), {
        href: mediaUrl(service, m, customer),
        target: '_blank',
        className: 'file',
        textContent: t('openFile'),
      }),
    );
}

/** `customer`: the open conversation's, to fetch its files. */
export function paneMessage(m, service, customer) {
  const li = document.createElement('li');
  li.className = `${m.direction}${m.masked ? ' masked' : ''}`;
  if (m.direction === 'in') {
    content(li, m, service, customer);
    li.append(span('meta', t('customer')));
    return li;
  }
  if (m.masked) li.append(span('tag', t('masked')), span('hint', hiddenLine(m)));
  else content(li, m, service, customer);
  const who = m.agentName && (m.masked || m.service === service) ? ` · ${m.agentName}` : '';
  const meta = span('meta', `${nameOf(m.service)}${who} · ${t(m.status)}`);
  if (m.error) meta.title = `${m.error.code}: ${m.error.title}`;
  li.append(meta);
  return li;
}

/** What a masked reply may say (R17): whose it is, and its kind when it is not text. */
export const hiddenLine = (m) =>
  m.type === 'text' || !hasKind(m.type)
    ? t('hidden', { s: nameOf(m.service) })
    : t('hiddenKind', { s: nameOf(m.service), p: kindLabel(m.type, t) });

/** A phone bubble; what the business sent can be reacted to (a thumbs up, as WhatsApp's long press). */
export function phoneMessage(m, index) {
  const li = document.createElement('li');
  li.className = m.direction;
  if (m.kind) li.append(span('tag', kindLabel(m.kind, t)));
  if (m.media) li.append(photo(`/api/phone/media/${encodeURIComponent(m.media)}`));
  if (m.text || !m.kind) li.append(span('body', m.text));
  if (m.direction === 'sent' && m.read) li.append(span('meta', t('read'))); // R39: the business read it
  if (m.direction === 'received' && m.id) {
    // A word, not the emoji: a browser without an emoji font draws a box.
    const react = Object.assign(document.createElement('button'), {
      type: 'button',
      className: 'react',
      textContent: t('like'),
    });
    react.dataset.react = m.id;
    react.dataset.testid = `phone-react-${index}`;
    react.title = t('react');
    react.setAttribute('aria-label', t('react'));
    li.append(react);
  }
  return li;
}

/** Replaces a list's bubbles; scrolls to the newest when there are more than before. */
export function fillList(list, items) {
  const grew = items.length > list.children.length;
  list.replaceChildren(...items);
  if (grew) list.scrollTop = list.scrollHeight;
}
