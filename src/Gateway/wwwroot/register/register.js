// The open call for one occupation (公开报名): the window and counts (all the public may know),
// the form with each refusal shown beside its field, the receipt number, and the registrant's own
// status looked up with the receipt and the ID digits.
import { t, loc, locale, refusalText, mountLangSwitch, onLangChange } from '../js/i18n.js';
import '../js/strings/selection.js';
import { h, $, fill, params } from '../js/dom.js';
import { api, occupations as fetchOccupations, edition as fetchEdition } from '../js/api.js';

const FIELDS = ['name', 'employer', 'contact', 'idLast4', 'statement'];
const query = params();
const editionId = query.get('edition') || (await fetch('/api/editions').then(r => r.json()).catch(() => ({}))).current;
const state = { occupations: [], code: query.get('occupation'), summary: null, receipt: null, status: null, refusal: null };

mountLangSwitch($('#lang'));
onLangChange(() => render());
$('#occupation').addEventListener('change', () => choose($('#occupation').value));
$('#register-form').addEventListener('submit', event => { event.preventDefault(); submit(); });
$('#check-form').addEventListener('submit', event => { event.preventDefault(); check(); });
start();

async function start() {
  try {
    const [edition, occupations] = await Promise.all([fetchEdition(editionId), fetchOccupations(editionId)]);
    $('#edition-title').textContent = loc(edition.title);
    state.occupations = occupations;
  } catch (e) {
    $('#call-state').textContent = t(e.status === 404 ? 'board.noEdition' : 'console.error', { message: e.message });
    return;
  }
  if (!state.occupations.some(o => o.code === state.code)) state.code = null;
  await choose(state.code);
}

async function choose(code) {
  state.code = code || null;
  state.summary = null;
  const url = new URL(location.href);
  if (state.code) url.searchParams.set('occupation', state.code); else url.searchParams.delete('occupation');
  history.replaceState(null, '', url);
  render();
  if (!state.code) return;
  try {
    state.summary = await api(callPath('/open-call'));
  } catch { state.summary = null; }
  render();
}

function callPath(suffix) {
  return `/api/editions/${encodeURIComponent(editionId)}/occupations/${encodeURIComponent(state.code)}${suffix}`;
}

function when(value) {
  return new Date(value).toLocaleString(locale(), { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
}

function render() {
  const select = $('#occupation');
  fill(select, h('option', { value: '' }, t('register.chooseOccupation')),
    state.occupations.map(o => h('option', { value: o.code, selected: o.code === state.code }, loc(o.name))));
  select.value = state.code ?? '';

  const s = state.summary;
  const now = Date.now();
  const callState = $('#call-state');
  callState.dataset.open = String(!!s?.isOpen);
  fill(callState, !state.code ? null
    : !s?.window ? h('span', { class: 'badge badge-phase' }, t('register.notOpen'))
    : [
      h('span', { class: `badge badge-phase`, dataset: { phase: s.isOpen ? 'live' : 'draft' } },
        s.isOpen ? t('register.open') : new Date(s.window.opens) > now ? t('register.opensLater', { opens: when(s.window.opens) }) : t('register.closed', { closes: when(s.window.closes) })),
      ' ', t('register.window', { opens: when(s.window.opens), closes: when(s.window.closes) }),
      h('br'), h('span', { class: 'hint', id: 'call-counts' }, t('register.counts', { received: s.received, accepted: s.accepted })),
    ]);

  $('#form-card').hidden = !state.code;
  const open = !!s?.isOpen;
  for (const el of $('#register-form').elements) el.disabled = !open;
  $('#receipt').hidden = !state.receipt;
  $('#register-form').hidden = !!state.receipt;
  if (state.receipt) $('#receipt-number').textContent = state.receipt;
  renderStatus();
}

function showRefusal(problem) {
  for (const field of FIELDS) {
    $(`#${field}-error`).textContent = '';
    $(`#${field}`).removeAttribute('aria-invalid');
  }
  $('#form-error').textContent = '';
  if (!problem) return;
  const text = refusalText(problem.code, problem.detail);
  if (problem.field && FIELDS.includes(problem.field)) {
    $(`#${problem.field}-error`).textContent = text;
    $(`#${problem.field}`).setAttribute('aria-invalid', 'true');
    $(`#${problem.field}`).focus();
  } else {
    $('#form-error').textContent = text;
  }
}

async function submit() {
  const button = $('#register-submit');
  button.disabled = true;
  showRefusal(null);
  const body = Object.fromEntries(FIELDS.map(f => [f, $(`#${f}`).value]));
  try {
    const receipt = await api(callPath('/registrations'), { method: 'POST', body });
    state.receipt = receipt.receiptNumber;
    $('#check-receipt').value = receipt.receiptNumber;
    $('#check-id').value = body.idLast4;
    state.summary = await api(callPath('/open-call')).catch(() => state.summary);
    render();
    $('#receipt').focus?.();
  } catch (e) {
    showRefusal(e.problem?.code ? e.problem : { detail: e.message });
  } finally {
    button.disabled = false;
  }
}

async function check() {
  if (!state.code) return;
  state.status = null;
  state.refusal = null;
  try {
    state.status = await api(callPath('/registrations/status'), { method: 'POST', body: { receiptNumber: $('#check-receipt').value, idLast4: $('#check-id').value } });
  } catch (e) {
    state.refusal = e.problem?.code ? e.problem : { detail: e.message };
  }
  renderStatus();
}

function renderStatus() {
  const el = $('#check-result');
  if (state.refusal) {
    el.className = 'alert alert-bad';
    el.dataset.status = 'refused';
    el.textContent = refusalText(state.refusal.code, state.refusal.detail);
    return;
  }
  const s = state.status;
  el.className = s ? `alert alert-${s.status === 'accepted' ? 'ok' : s.status === 'rejected' ? 'bad' : 'warn'}` : '';
  if (s) el.dataset.status = s.status; else delete el.dataset.status;
  fill(el, s && [
    h('strong', null, t(`register.status.${s.status}`)),
    s.rejectionReason ? h('p', null, t('register.reason', { reason: s.rejectionReason })) : null,
    h('p', { class: 'hint' }, t('register.submittedAt', { at: when(s.submittedAt) })),
  ]);
}
