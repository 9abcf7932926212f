// The customer's phone: its chat, and a send box that says why it is disabled (no service has
// connected the number yet: WhatsApp would keep the message until one does, the simulator not).
import { t } from './i18n.js';
import { fillList, phoneMessage } from './messages.js';
import { $, post, toast } from './ui.js';

let channel = null;

function updateSend() {
  const text = $('[data-testid="phone-text"]').value;
  const why = channel === null ? t('phoneNoChannel') : channel.status === 'closed' ? t('phoneClosed') : '';
  $('[data-testid="phone-send"]').disabled = channel === null || !text.trim();
  $('[data-testid="phone-why"]').textContent = why;
}

export function renderPhone(state) {
  channel = state.channel;
  $('#customer').textContent = state.customer;
  fillList($('[data-testid="messages-phone"]'), state.phone.map(phoneMessage));
  updateSend();
}

/** `refresh`: re-reads the state after a send; `explain`: an error's words for a toast. */
export function wirePhone(refresh, explain) {
  const box = $('[data-testid="phone-text"]');
  box.addEventListener('input', updateSend);
  $('#phone-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = box.value.trim();
    if (!text) return;
    try {
      await post('/api/phone', { text });
      box.value = '';
    } catch (error) {
      toast(explain(error));
    }
    await refresh();
  });
}
