// One notice per pane: what happened and what the agent can do, chosen from the pane's state in
// order of what matters most; and the short reason under a disabled reply box (canReply, R24).
import { getLang, has, nameOf, t } from './i18n.js';

export const agentName = (pane, id) => pane.agents.find((a) => a.id === id)?.name ?? id;

/** { kind: 'info' | 'warn', text } or null. */
export function paneNotice(pane) {
  const s = nameOf(pane.service);
  if (pane.membership === 'none') return { kind: 'info', text: t('noticeNotConnected', { s }) };
  if (pane.membership === 'disabled') return { kind: 'info', text: t('noticeDisabled', { s }) };
  const parts = [];
  let kind = 'info';
  // R22: held by another agent in another service; the SDK words it in both languages.
  if (pane.notice) {
    parts.push(pane.notice.messages[getLang()]);
    kind = 'warn';
  } else if (pane.canReply.reason === 'ASSIGNED_TO_ANOTHER_AGENT') {
    parts.push(t('noticeSameService', { a: agentName(pane, pane.assignee), s }));
    kind = 'warn';
  } else if (pane.canReply.reason === 'WINDOW_CLOSED') {
    parts.push(t('why_WINDOW_CLOSED'));
    kind = 'warn';
  } else if (pane.canReply.reason === 'UNKNOWN_CONVERSATION') {
    parts.push(t('noticeNoConversation'));
  }
  // R12, R21: an assignee back after Remove then Connect gets a word why.
  if (pane.keptAssignee) parts.push(t('noticeKept', { a: agentName(pane, pane.keptAssignee), s }));
  return parts.length ? { kind, text: parts.join(' ') } : null;
}

/** Why Send is disabled, or '' when it is not. */
export function replyReason(pane, text) {
  const reason = pane.canReply.ok ? null : pane.canReply.reason;
  if (reason) return has(`why_${reason}`) ? t(`why_${reason}`, { s: nameOf(pane.service) }) : pane.canReply.message;
  return text.trim() ? '' : t('replyBlank');
}

/** What leaving would change (previewLeave): "If Zoho CRM leaves: Zoho Desk becomes parent". */
export function leavePreview(pane) {
  const p = pane.preview?.remove;
  if (!p || pane.membership !== 'active') return '';
  const outcome = p.closes
    ? t('closes')
    : p.parentAfter === p.parentBefore
      ? t('staysParent', { p: nameOf(p.parentAfter) })
      : t('becomesParent', { p: nameOf(p.parentAfter) });
  return t('ifLeaves', { s: nameOf(pane.service), p: outcome });
}
