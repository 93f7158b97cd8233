// The public overview's schedule: the server orders it (live now, later today, earlier today,
// coming up, finished); the page filters it by occupation name or venue and by today, and links
// each slot to its live board.
import { t, loc, locale, mountLangSwitch, onLangChange } from './js/i18n.js';
import './js/strings/selection.js';
import { h, $, fill, params } from './js/dom.js';
import { api, occupations as fetchOccupations } from './js/api.js';

const editionId = params().get('edition') || (await fetch('/api/editions').then(r => r.json()).catch(() => ({}))).current;
const TODAY = new Set(['live', 'laterToday', 'earlierToday']);
const REFRESH_MS = 60_000;
const state = { programme: null, names: new Map() };

mountLangSwitch($('#lang'));
onLangChange(() => render());
$('#programme-query').addEventListener('input', () => render());
$('#programme-today').addEventListener('change', () => render());
$('#programme-filter').addEventListener('submit', event => event.preventDefault());
load();
// Slots move from "later today" to "live" as the clock runs: the order is read again each minute.
setInterval(load, REFRESH_MS);

async function load() {
  try {
    const [programme, occupations] = await Promise.all([
      api(`/api/editions/${encodeURIComponent(editionId)}/schedule`),
      state.names.size ? null : fetchOccupations(editionId),
    ]);
    state.programme = programme;
    for (const o of occupations ?? []) state.names.set(o.code, o.name);
  } catch { /* keep what is shown */ }
  render();
}

function matches(item, text) {
  if (!text) return true;
  const name = state.names.get(item.slot.occupationCode);
  return [name?.zh, name?.en, item.slot.occupationCode, item.slot.venue].some(s => s && s.toLowerCase().includes(text));
}

function render() {
  const text = $('#programme-query').value.trim().toLowerCase();
  const todayOnly = $('#programme-today').checked;
  const all = state.programme?.items ?? [];
  const shown = all.filter(i => (!todayOnly || TODAY.has(i.timing)) && matches(i, text));
  $('#programme-count').textContent = all.length === 0 ? t('programme.none') : shown.length === 0 ? t('programme.empty') : t('programme.count', { shown: shown.length });
  fill($('#programme'), shown.map(item => {
    const slot = item.slot;
    const board = `board/?edition=${encodeURIComponent(editionId)}&occupation=${encodeURIComponent(slot.occupationCode)}`;
    return h('li', { class: 'programme-item', dataset: { timing: item.timing, occupation: slot.occupationCode, stage: slot.stage } },
      h('span', { class: 'timing' }, t(`timing.${item.timing}`)),
      h('strong', { class: 'occupation' }, loc(state.names.get(slot.occupationCode)) || slot.occupationCode),
      h('span', { class: 'slot-stage' }, stageName(slot.stage)),
      h('span', { class: 'when num' }, when(slot, item.timing)),
      h('span', { class: 'venue' }, slot.venue),
      h('a', { href: board, class: 'watch' }, t('programme.watch')));
  }));
}

function stageName(stage) {
  const key = `stage.${stage}`;
  return t(key) === key ? stage : t(key);
}

function when(slot, timing) {
  const time = { hour: '2-digit', minute: '2-digit', hour12: false };
  const start = new Date(slot.start);
  const end = new Date(slot.end);
  const range = `${start.toLocaleTimeString(locale(), time)}–${end.toLocaleTimeString(locale(), time)}`;
  return TODAY.has(timing) ? range : `${start.toLocaleDateString(locale(), { month: 'short', day: 'numeric', weekday: 'short' })} ${range}`;
}
