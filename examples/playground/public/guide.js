// The first-run guide: shown until a first service is connected and a first message exists, or
// until hidden; the Guide button shows it again. Reset brings it back.
import { prefs, savePrefs } from './prefs.js';
import { $ } from './ui.js';

let last = null;

export function renderGuide(state) {
  last = state;
  const connected = state.panes.some((p) => p.membership === 'active');
  const written =
    Object.values(state.phones).some((chat) => chat.length > 0) || state.panes.some((p) => p.conversations.length > 0);
  $('[data-step="connect"]').classList.toggle('done', connected);
  $('[data-step="write"]').classList.toggle('done', written);
  $('#guide').hidden = prefs.guide === 'hidden' || (prefs.guide === 'auto' && connected && written);
}

export function wireGuide() {
  $('[data-testid="guide-dismiss"]').addEventListener('click', () => {
    prefs.guide = 'hidden';
    savePrefs();
    if (last) renderGuide(last);
  });
  $('#guide-open').addEventListener('click', () => {
    prefs.guide = 'shown';
    savePrefs();
    if (last) renderGuide(last);
  });
}
