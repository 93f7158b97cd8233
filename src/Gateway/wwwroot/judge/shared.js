// Judge tablet: what the chief judge's status card and the officials' view both show (facts of a
// round's status, names, times, the answer to an action). The judges' marking does not use it.
// Like chief.js and officials.js it reads judge.js's state only once the page is running.
import { t, locale } from '../js/i18n.js';
import { h } from '../js/dom.js';
import { state } from './judge.js';

export function judgeName(id, panel = state.contest?.panel) {
  if (!id) return '';
  if (id === 'organiser') return t('role.organiser');
  if (id === state.session?.judgeId) return state.session.name;
  return panel?.find(p => p.id === id)?.name ?? id;
}

export function dateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(locale(), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** One fact of a status list; a <div> groups its <dt> and <dd>, as HTML allows inside <dl>. */
export function fact(key, label, ...value) {
  return h('div', { dataset: { fact: key } }, h('dt', null, label), h('dd', null, ...value));
}

export function blindText(status) {
  return !status.blind ? t('judge.blindNo') : status.numbersDrawn ? t('judge.blindDrawn') : t('judge.blindNotDrawn');
}

export function approvalsText(status) {
  const approvals = status.revealApprovals ?? [];
  return [['chief', 'role.chief'], ['encryptionOfficer', 'role.officer']]
    .map(([who, key]) => t('judge.approval', { role: t(key), state: approvals.includes(who) ? t('judge.approved') : t('judge.notApproved') }))
    .join(' · ');
}

export function showMessage(el, message) {
  el.textContent = message ? message.text() : '';
  el.className = `action-message${message ? ` alert ${message.ok ? 'alert-ok' : 'alert-bad'}` : ''}`;
}

