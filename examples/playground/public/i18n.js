// Words in the chosen language (EN/JA), product names, and the page's static labels.
import { en } from './words-en.js';
import { ja } from './words-ja.js';

const words = { en, ja };
const products = { desk: 'Zoho Desk', crm: 'Zoho CRM', salesiq: 'Zoho SalesIQ' };
let lang = 'en';

export const getLang = () => lang;
export const setLang = (value) => {
  lang = value in words ? value : 'en';
  document.documentElement.lang = lang;
};

/** The word for `key`, with {x} filled from `vars`; an unknown key shows as itself (and is a bug). */
export const t = (key, vars = {}) =>
  (words[lang][key] ?? words.en[key] ?? key).replace(/\{(\w)\}/g, (_, k) => vars[k] ?? '');
export const has = (key) => key in words[lang];

/** A service's product name: never the raw id next to it. */
export const nameOf = (service) => products[service] ?? service;

/** Fills every data-i18n (text), data-i18n-placeholder, data-i18n-title and data-i18n-label. */
export function applyWords(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
}
