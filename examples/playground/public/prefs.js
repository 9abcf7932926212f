// What the page remembers across reloads (localStorage): the agent each pane acts as (so Send is
// not disabled after a reload), the conversation each pane has open, the customer whose phone is
// shown, the language, the open tab and whether the guide was hidden.
const key = 'onenumber-playground';

function load() {
  try {
    return JSON.parse(localStorage.getItem(key) ?? '{}') ?? {};
  } catch {
    return {};
  }
}

export const prefs = { agents: {}, open: {}, customer: null, lang: 'en', tab: 'desk', guide: 'auto', ...load() };

export function savePrefs() {
  try {
    localStorage.setItem(key, JSON.stringify(prefs));
  } catch {
    // Private modes may refuse storage: the page still works, it just forgets on reload.
  }
}
