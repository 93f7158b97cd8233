// The public notice (公示): the recommended list, the window, how many objections (never who
// lodged them), and the form to lodge one while the window is open.
import { t, loc, refusalText, mountLangSwitch, onLangChange, applyI18n } from '../js/i18n.js';
import '../js/strings/results.js';
// The field refusals (FieldRequired, FieldTooLong) are the open call's, worded alike.
import '../js/strings/selection.js';
import { h, $, fill, params } from '../js/dom.js';
import { api, edition as fetchEdition } from '../js/api.js';
import { score } from '../js/format.js';

const editionId = params().get('edition') || (await fetch('/api/editions').then(r => r.json()).catch(() => ({}))).current;
const base = `/api/editions/${encodeURIComponent(editionId)}`;
let notice = null;

mountLangSwitch($('#lang'));
onLangChange(() => { applyI18n(); render(); });
$('#object-form').addEventListener('submit', event => { event.preventDefault(); lodge(); });
start();

async function start() {
  try {
    const [edition, current] = await Promise.all([fetchEdition(editionId), api(`${base}/notice`)]);
    $('#edition-title').textContent = loc(edition.title);
    notice = current;
  } catch (e) {
    $('#window').textContent = e.message;
    return;
  }
  render();
}

const when = iso => new Date(iso).toLocaleString();

function render() {
  if (!notice) return;
  const w = notice.window;
  $('#window').textContent = notice.naming ? t('notice.named', { at: when(notice.naming.at) })
    : !w ? t('notice.noWindow')
    : `${t('notice.window', { start: when(w.start), end: when(w.end) })} ${t(notice.isOpen ? 'notice.open' : 'notice.closed')}`;
  $('#counts').textContent = w ? t('notice.objections', { count: notice.objections, resolved: notice.resolved }) : '';
  fill($('#list tbody'), ...notice.list.entries.map(e => h('tr', { dataset: { occupation: e.occupationCode, settled: String(e.settled) } },
    h('td', {}, loc(e.occupationName)),
    h('td', {}, !e.settled ? t('notice.pending') : e.name ?? t('notice.none')),
    h('td', {}, e.employer ?? ''),
    h('td', {}, e.composite == null ? '' : score(e.composite)),
    h('td', {}, e.settled ? t(`notice.${e.outcome}`) : t('notice.pending')))));
  $('#object-card').hidden = !notice.isOpen;
  const select = $('#o-occupation');
  if (!select.options.length)
    fill(select, ...notice.list.entries.map(e => h('option', { value: e.occupationCode }, loc(e.occupationName))));
}

async function lodge() {
  const body = {
    occupation: $('#o-occupation').value, concerning: $('#o-concerning').value,
    name: $('#o-name').value, contact: $('#o-contact').value, text: $('#o-text').value,
  };
  for (const input of $('#object-form').querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const state = $('#object-state');
  try {
    const answer = await api(`${base}/objections`, { method: 'POST', body });
    state.textContent = t('notice.lodged', { number: answer.number });
    state.dataset.state = 'lodged';
    $('#object-form').reset();
    notice = await api(`${base}/notice`);
    render();
  } catch (e) {
    // In the page's language from the refusal's code; the field it names is marked.
    const field = e.problem?.field;
    const input = field ? $(`#o-${field}`) : null;
    const reason = refusalText(e.problem?.code, e.problem?.params) || e.message;
    state.textContent = t('notice.refused', { message: input ? `${$(`label[for="o-${field}"]`).textContent}: ${reason}` : reason });
    state.dataset.state = 'refused';
    if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
  }
}
