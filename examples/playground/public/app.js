// The playground page: renders what each service's own SDK shows, and re-renders whenever the
// server's event stream says something changed. Every action goes through the service's adapter.
const words = {
  en: {
    subtitle: 'Zoho Desk, Zoho CRM and Zoho SalesIQ sharing one WhatsApp Business number',
    customer: "Customer's phone",
    send: 'Send',
    cancel: 'Cancel',
    assignAnyway: 'Assign to me anyway',
    agent: 'Agent',
    connect: 'Connect',
    disable: 'Disable',
    enable: 'Enable',
    remove: 'Remove',
    assignMe: 'Assign to me',
    members: 'Members',
    none: 'none',
    closed: 'channel closed',
    notConnected: 'not connected',
    parent: 'parent',
    child: 'child',
    disabled: 'disabled',
    assignee: 'Assignee',
    hidden: 'Reply from {s}: text hidden',
    ifLeaves: 'If {s} leaves: {p}',
    becomesParent: '{p} becomes parent',
    staysParent: '{p} stays parent',
    closes: 'the channel closes',
    noChange: 'no change',
    replyTo: 'Reply to the customer…',
    notConnectedYet: 'Connect a service to the number to start.',
  },
  ja: {
    subtitle: 'Zoho Desk・Zoho CRM・Zoho SalesIQ が1つの WhatsApp ビジネス番号を共有',
    customer: 'お客様の電話',
    send: '送信',
    cancel: 'キャンセル',
    assignAnyway: '自分に割り当てる',
    agent: '担当者',
    connect: '接続',
    disable: '無効化',
    enable: '有効化',
    remove: '削除',
    assignMe: '自分に割り当て',
    members: 'メンバー',
    none: 'なし',
    closed: '経路は閉じています',
    notConnected: '未接続',
    parent: '親',
    child: '子',
    disabled: '無効',
    assignee: '担当',
    hidden: '{s} からの返信: 本文は非表示',
    ifLeaves: '{s} が離脱すると: {p}',
    becomesParent: '{p} が親になります',
    staysParent: '{p} が親のままです',
    closes: '経路が閉じます',
    noChange: '変化なし',
    replyTo: 'お客様に返信…',
    notConnectedYet: 'サービスを番号に接続してください。',
  },
};
const names = { desk: 'Zoho Desk', crm: 'Zoho CRM', salesiq: 'Zoho SalesIQ' };
let lang = 'en';
let state = null;
const agents = {};
const $ = (sel, root = document) => root.querySelector(sel);
const t = (key, vars = {}) => words[lang][key].replace(/\{(\w)\}/g, (_, k) => vars[k] ?? '');
const nameOf = (s) => names[s] ?? s;

function toast(text) {
  const el = $('#toast');
  el.textContent = text;
  el.classList.add('show');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => el.classList.remove('show'), 3500);
}

async function call(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw Object.assign(new Error(json.message), { code: json.error });
  return json;
}

function paneElement(service) {
  let el = document.querySelector(`.pane[data-service="${service}"]`);
  if (el) return el;
  el = $('#pane-template').content.firstElementChild.cloneNode(true);
  el.dataset.service = service;
  el.dataset.testid = `pane-${service}`;
  for (const [sel, id] of [
    ['.role', 'role'],
    ['.members', 'members'],
    ['.notice', 'notice'],
    ['.who', 'assignee'],
    ['.messages', 'messages'],
    ['.why', 'why'],
    ['select', 'agent'],
    ['textarea', 'text'],
    ['.reply button', 'send'],
    ['.preview', 'preview'],
  ]) {
    $(sel, el).dataset.testid = `${id}-${service}`;
  }
  for (const button of el.querySelectorAll('[data-action]'))
    button.dataset.testid = `${button.dataset.action}-${service}`;
  $('select', el).addEventListener('change', (e) => {
    agents[service] = e.target.value;
    refresh();
  });
  el.addEventListener('click', (e) => {
    const action = e.target.closest('[data-action]')?.dataset.action;
    if (action) act(service, action);
  });
  $('form', el).addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('textarea', el).value.trim();
    if (text)
      act(service, 'reply', { text }).then((ok) => {
        if (ok) $('textarea', el).value = '';
      });
  });
  $('#panes').insertBefore(el, $('.phone'));
  return el;
}

function messageItem(m, service) {
  const li = document.createElement('li');
  li.className = `${m.direction}${m.masked ? ' masked' : ''}`;
  const meta = document.createElement('span');
  meta.className = 'meta';
  if (m.direction === 'in') {
    li.textContent = m.text ?? `[${m.type}]`;
    meta.textContent = 'customer';
  } else {
    if (m.masked) {
      const tag = Object.assign(document.createElement('b'), {
        className: 'tag',
        textContent: lang === 'ja' ? 'マスク' : 'masked',
      });
      li.append(tag, ` ${t('hidden', { s: nameOf(m.service) })}`);
    } else li.textContent = m.text;
    meta.textContent = `${nameOf(m.service)}${m.agentName && (m.masked || m.service === service) ? ` · ${m.agentName}` : ''} · ${m.status}`;
  }
  li.append(meta);
  return li;
}

function previewText(pane) {
  const p = pane.preview?.remove;
  if (!p || pane.membership !== 'active') return '';
  const outcome = p.closes
    ? t('closes')
    : p.parentAfter === p.parentBefore
      ? t('staysParent', { p: nameOf(p.parentAfter) })
      : t('becomesParent', { p: nameOf(p.parentAfter) });
  return t('ifLeaves', { s: nameOf(pane.service), p: outcome });
}

function render() {
  $('#number').textContent = state.number;
  $('#customer').textContent = state.customer;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const pane of state.panes) {
    const el = paneElement(pane.service);
    agents[pane.service] ??= pane.agent; // the page's own choice wins over a reply still in flight
    $('.name', el).textContent = pane.displayName;
    const role = $('.role', el);
    role.className = `badge role ${pane.role ?? pane.membership}`;
    role.textContent = pane.role ? t(pane.role) : pane.membership === 'disabled' ? t('disabled') : t('notConnected');
    $('.members', el).textContent =
      `${t('members')}: ${pane.members.map((m) => `${nameOf(m.service)}${m.role === 'parent' ? ` (${t('parent')})` : ''}`).join(' · ') || (pane.channelStatus === 'closed' ? t('closed') : t('none'))}`;
    const select = $('select', el);
    select.replaceChildren(...pane.agents.map((a) => new Option(a.name, a.id, false, a.id === agents[pane.service])));
    $('[data-action="connect"]', el).disabled = pane.membership !== 'none';
    $('[data-action="disable"]', el).disabled = pane.membership !== 'active';
    $('[data-action="enable"]', el).disabled = pane.membership !== 'disabled';
    $('[data-action="remove"]', el).disabled = pane.membership === 'none';
    const preview = previewText(pane);
    $('.preview', el).textContent = preview;
    for (const b of el.querySelectorAll('[data-action="disable"], [data-action="remove"]')) b.title = preview;
    const notice = $('.notice', el);
    notice.hidden = !pane.notice;
    notice.textContent = pane.notice ? pane.notice.messages[lang] : '';
    $('.who', el).textContent =
      `${t('assignee')}: ${pane.assignee ? (pane.agents.find((a) => a.id === pane.assignee)?.name ?? pane.assignee) : t('none')}`;
    $('[data-action="assign"]', el).disabled =
      pane.membership !== 'active' || pane.assignee === pane.agent || !pane.messages.length;
    $('.messages', el).replaceChildren(...pane.messages.map((m) => messageItem(m, pane.service)));
    const textarea = $('textarea', el);
    textarea.placeholder = t('replyTo');
    textarea.disabled = !pane.canReply.ok;
    $('.reply button', el).disabled = !pane.canReply.ok;
    $('.why', el).textContent = pane.canReply.ok ? '' : pane.canReply.message;
  }
  $('[data-testid="messages-phone"]').replaceChildren(
    ...state.phone.map((m) =>
      Object.assign(document.createElement('li'), { className: m.direction, textContent: m.text }),
    ),
  );
  document.body.dataset.ready = 'true';
}

let asked = 0;
async function refresh() {
  const ticket = ++asked;
  const query = new URLSearchParams(Object.entries(agents));
  const next = await (await fetch(`/api/state?${query}`)).json();
  if (ticket !== asked) return; // a newer refresh was asked for: show that one, not this one
  state = next;
  render();
}

async function act(service, action, extra = {}) {
  try {
    const { result } = await call('/api/action', { service, action, agent: agents[service], ...extra });
    if (result?.status === 'confirmation-required') {
      $('#confirm-text').textContent = result.notice.messages[lang];
      const dialog = $('#confirm');
      dialog.showModal();
      const answer = await new Promise((resolve) =>
        dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true }),
      );
      if (answer === 'confirm') await call('/api/action', { service, action, agent: agents[service], confirm: true });
    }
    await refresh();
    return true;
  } catch (error) {
    toast(`${error.code ?? 'ERROR'}: ${error.message}`);
    await refresh();
    return false;
  }
}

$('#phone-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const box = $('[data-testid="phone-text"]');
  const text = box.value.trim();
  if (!text) return;
  try {
    await call('/api/phone', { text });
    box.value = '';
  } catch (error) {
    toast(`${error.code}: ${error.message}`);
  }
  await refresh();
});
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    lang = button.dataset.lang;
    document.documentElement.lang = lang;
    for (const b of document.querySelectorAll('[data-lang]')) b.classList.toggle('on', b === button);
    render();
  });
}
let pending = null;
new EventSource('/api/live').addEventListener('change', () => {
  clearTimeout(pending);
  pending = setTimeout(refresh, 60);
});
refresh();
