// The customers' phones: a picker of whose phone to hold, its chat, and a send box. Before any
// service connects, what a customer sends is kept by the server (R29's parked deliveries) and
// reaches the first service that connects; the box says so.
import { t } from './i18n.js';
import { fillList, phoneMessage } from './messages.js';
import { prefs, savePrefs } from './prefs.js';
import { $, post, readPhoto, toast } from './ui.js';

let channel = null;
let customers = [];

/** The customer whose phone is shown: the one chosen before, else the first. */
export const phoneCustomer = () => customers.find((c) => c.id === prefs.customer)?.id ?? customers[0]?.id;

function updateSend() {
  const text = $('[data-testid="phone-text"]').value;
  const why = channel === null ? t('phoneNoChannel') : channel.status === 'closed' ? t('phoneClosed') : '';
  $('[data-testid="phone-send"]').disabled = !text.trim();
  $('[data-testid="phone-why"]').textContent = why;
}

export function renderPhone(state) {
  channel = state.channel;
  customers = state.customers;
  const current = phoneCustomer();
  $('[data-testid="phone-customer"]').replaceChildren(
    ...customers.map((c) => {
      const mine = state.phones[c.id] ?? [];
      const label = mine.length ? t('phoneChats', { a: c.name, n: mine.length }) : c.name;
      return new Option(label, c.id, false, c.id === current);
    }),
  );
  $('#customer').textContent = current ?? '';
  fillList($('[data-testid="messages-phone"]'), (state.phones[current] ?? []).map(phoneMessage));
  // R39: an agent opened the chat and types: WhatsApp shows it until the reply arrives.
  $('[data-testid="phone-typing"]').hidden = !state.typing?.includes(current);
  updateSend();
}

/** `refresh`: re-reads the state after a send or a change of phone; `explain`: an error's words. */
export function wirePhone(refresh, explain) {
  const box = $('[data-testid="phone-text"]');
  box.addEventListener('input', updateSend);
  $('[data-testid="phone-customer"]').addEventListener('change', (e) => {
    prefs.customer = e.target.value;
    savePrefs();
    refresh();
  });
  // A photo, with the box's text as its caption: read here, sent base64 to the playground's phone.
  const picker = $('[data-testid="phone-photo"]');
  picker.addEventListener('change', async () => {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return;
    const caption = box.value.trim();
    try {
      const photo = await readPhoto(file);
      await post('/api/phone/photo', {
        customer: phoneCustomer(),
        ...photo,
        ...(caption ? { caption } : {}),
      });
      box.value = '';
    } catch (error) {
      toast(explain(error));
    }
    await refresh();
  });
  $('[data-testid="messages-phone"]').addEventListener('click', async (e) => {
    const message = e.target.closest('[data-react]')?.dataset.react;
    if (!message) return;
    try {
      await post('/api/phone/react', { customer: phoneCustomer(), message, emoji: '👍' });
    } catch (error) {
      toast(explain(error));
    }
    await refresh();
  });
  $('[data-testid="phone-location"]').addEventListener('click', async () => {
    try {
      await post('/api/phone/location', { customer: phoneCustomer() });
    } catch (error) {
      toast(explain(error));
    }
    await refresh();
  });
  $('#phone-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = box.value.trim();
    if (!text) return;
    try {
      await post('/api/phone', { customer: phoneCustomer(), text });
      box.value = '';
    } catch (error) {
      toast(explain(error));
    }
    await refresh();
  });
}
