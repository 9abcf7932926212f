// A service pane (Zoho Desk, Zoho CRM, Zoho SalesIQ): built once from the page's template, then
// filled from what that service's SDK returns on every refresh.
import { renderConversations } from './conversations.js';
import { applyWords, nameOf, t } from './i18n.js';
import { fillList, paneMessage } from './messages.js';
import { agentName, leavePreview, paneNotice, replyReason } from './notice.js';
import { $, readPhoto } from './ui.js';

const testids = [
  ['.role', 'role'],
  ['.members', 'members'],
  ['.notice', 'notice'],
  ['.who', 'assignee'],
  ['.messages', 'messages'],
  ['.why', 'why'],
  ['select', 'agent'],
  ['textarea', 'text'],
  ['.reply button', 'send'],
  ['.reply input[type="file"]', 'attach'],
  ['.preview', 'preview'],
  ['.conversations', 'conversations'],
  ['.open-title', 'open'],
];

/** `on`: { action(service, action, extra) -> Promise<boolean>, agent(service, id), open(service, customer), typing(service) }. */
export function createPane(service, on) {
  const el = $('#pane-template').content.firstElementChild.cloneNode(true);
  el.dataset.service = service;
  el.on = on;
  el.dataset.testid = `pane-${service}`;
  for (const [selector, id] of testids) $(selector, el).dataset.testid = `${id}-${service}`;
  for (const button of el.querySelectorAll('[data-action]'))
    button.dataset.testid = `${button.dataset.action}-${service}`;
  $('select', el).addEventListener('change', (e) => on.agent(service, e.target.value));
  el.addEventListener('click', (e) => {
    const action = e.target.closest('[data-action]')?.dataset.action;
    if (action) on.action(service, action);
  });
  const textarea = $('textarea', el);
  textarea.addEventListener('input', () => {
    updateSend(el);
    if (textarea.value.trim()) on.typing(service);
  });
  // A photo reply (R16), the box's text as its caption; other services see it masked (R17).
  const picker = $('input[type="file"]', el);
  picker.addEventListener('change', async () => {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return;
    const text = textarea.value.trim();
    if (await on.action(service, 'reply', { photo: await readPhoto(file), ...(text ? { text } : {}) })) {
      textarea.value = '';
      updateSend(el);
    }
  });
  $('form', el).addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = textarea.value.trim();
    if (text && (await on.action(service, 'reply', { text }))) {
      textarea.value = '';
      updateSend(el);
    }
  });
  return el;
}

/** Send is enabled only when canReply says yes and the reply is not blank; else it says why. */
function updateSend(el) {
  const pane = el.pane;
  if (!pane) return;
  const why = replyReason(pane, $('textarea', el).value);
  $('.reply button', el).disabled = why !== '';
  $('.why', el).textContent = why;
}

/** "Members: Zoho CRM (parent) · Zoho Desk · Zoho SalesIQ (disabled)" (R14, plus the disabled ones). */
export function membersLine(channel, members, disabled) {
  const listed = [
    ...members.map((m) => (m.role === 'parent' ? t('memberParent', { s: nameOf(m.service) }) : nameOf(m.service))),
    ...disabled.map((s) => t('memberDisabled', { s: nameOf(s) })),
  ];
  const empty = channel?.status === 'closed' ? t('closed') : t('none');
  return `${t('members')}: ${listed.join(' · ') || empty}`;
}

/** `customers`: the demo's customers ({ id, name }), to name the conversations. */
export function renderPane(el, pane, members, customers) {
  el.pane = pane;
  applyWords(el);
  $('.name', el).textContent = nameOf(pane.service);
  const role = $('.role', el);
  role.className = `badge role ${pane.role ?? pane.membership}`;
  role.textContent = pane.role ? t(pane.role) : pane.membership === 'disabled' ? t('disabled') : t('notConnected');
  $('.members', el).textContent = members;
  const others = (a) => a.access.filter((s) => s !== pane.service).map(nameOf);
  $('select', el).replaceChildren(
    ...pane.agents.map((a) => {
      const label = others(a).length ? t('alsoIn', { a: a.name, s: others(a).join(', ') }) : a.name;
      return new Option(label, a.id, false, a.id === pane.agent);
    }),
  );
  $('[data-action="connect"]', el).disabled = pane.membership !== 'none';
  $('[data-action="disable"]', el).disabled = pane.membership !== 'active';
  $('[data-action="enable"]', el).disabled = pane.membership !== 'disabled';
  $('[data-action="remove"]', el).disabled = pane.membership === 'none';
  const preview = leavePreview(pane);
  $('.preview', el).textContent = preview;
  $('.preview', el).hidden = !preview;
  const notice = paneNotice(pane);
  const box = $('.notice', el);
  box.hidden = !notice;
  box.className = `notice ${notice?.kind ?? ''}`;
  box.textContent = notice?.text ?? '';
  renderConversations(el, pane, customers, (customer) => el.on.open(pane.service, customer));
  $('.who', el).textContent = `${t('assignee')}: ${pane.assignee ? agentName(pane, pane.assignee) : t('none')}`;
  $('[data-action="assign"]', el).disabled =
    pane.membership !== 'active' || pane.assignee === pane.agent || !pane.messages.length;
  fillList(
    $('.messages', el),
    pane.messages.map((m) => paneMessage(m, pane.service, pane.customer)),
  );
  $('textarea', el).disabled = !pane.canReply.ok;
  $('input[type="file"]', el).disabled = !pane.canReply.ok;
  updateSend(el);
}
