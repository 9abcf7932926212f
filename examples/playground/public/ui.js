// Small DOM helpers: query, a toast, a confirmation dialog, POSTs to the playground's API, a photo read.
import { t } from './i18n.js';

export const $ = (selector, root = document) => root.querySelector(selector);

export function toast(text) {
  const el = $('#toast');
  el.textContent = text;
  el.classList.add('show');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => el.classList.remove('show'), 4000);
}

/**
 * Asks in the page's dialog and answers the value of the button pressed ('cancel' on Escape).
 * `buttons`: [{ value, label, primary? }], shown after a Cancel button.
 */
export function ask({ title, text, more = '', buttons }) {
  const dialog = $('#confirm');
  $('#confirm-title').textContent = title;
  $('#confirm-text').textContent = text;
  $('#confirm-more').textContent = more;
  $('#confirm-more').hidden = !more;
  const make = ({ value, label, primary }) =>
    Object.assign(document.createElement('button'), {
      type: 'submit',
      value,
      textContent: label,
      className: primary ? 'primary' : '',
    });
  const row = $('#confirm-buttons');
  row.replaceChildren(...[{ value: 'cancel', label: t('cancel') }, ...buttons].map(make));
  for (const button of row.children) button.dataset.testid = `confirm-${button.value}`;
  dialog.returnValue = 'cancel';
  dialog.showModal();
  return new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true }));
}

export async function post(path, body = {}) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw Object.assign(new Error(json.message), { code: json.error });
  return json;
}

/** A picked photo as the playground's API takes it: { mimeType, data } (base64). */
export function readPhoto(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ mimeType: file.type, data: String(reader.result).replace(/^data:[^,]*,/, '') });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
