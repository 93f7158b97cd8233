// The public overview's schedule: the server orders it (live now, later today, earlier today,
// coming up, finished); the page filters it by occupation name or venue and by today, and links
// each slot to its live board (a stage's slot to that stage's round). Below it, each occupation's
// stages in order with the live one marked, filtered alike.
import { t, loc, locale, mountLangSwitch, onLangChange } from './js/i18n.js';
import './js/strings/selection.js';
import './js/strings/stages.js';
import { phaseBadge } from './js/standings.js';
import { h, $, fill, params } from './js/dom.js';
import { api, occupations as fetchOccupations } from './js/api.js';

const editionId = params().get('edition') || (await fetch('/api/editions').then(r => r.json()).catch(() => ({}))).current;
const TODAY = new Set(['live', 'laterToday', 'earlierToday']);
const REFRESH_MS = 60_000;
const state = { programme: null, names: new Map(), stages: [] };

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
    const [programme, occupations, stages] = await Promise.all([
      api(`/api/editions/${encodeURIComponent(editionId)}/schedule`),
      state.names.size ? null : fetchOccupations(editionId),
      api(`/api/editions/${encodeURIComponent(editionId)}/stages`).catch(() => state.stages),
    ]);
    state.programme = programme;
    state.stages = stages;
    for (const o of occupations ?? []) state.names.set(o.code, o.name);
  } catch { /* keep what is shown */ }
  render();
}

function matches(item, text) {
  if (!text) return true;
  const name = state.names.get(item.slot.occupationCode);
  const stage = stageOf(item.slot.occupationCode, item.slot.stage);
  return [name?.zh, name?.en, item.slot.occupationCode, item.slot.venue, stage?.name?.zh, stage?.name?.en].some(s => s && s.toLowerCase().includes(text));
}

/** The stage of an occupation with stages (its round code, phase and name); null for a one-round occupation. */
function stageOf(code, stageId) {
  return state.stages.find(o => o.occupationCode === code)?.stages.find(s => s.id === stageId) ?? null;
}

function boardOf(code, stageId) {
  const round = stageOf(code, stageId)?.roundCode ?? code;
  return `board/?edition=${encodeURIComponent(editionId)}&occupation=${encodeURIComponent(round)}`;
}

function render() {
  const text = $('#programme-query').value.trim().toLowerCase();
  const todayOnly = $('#programme-today').checked;
  const all = state.programme?.items ?? [];
  const shown = all.filter(i => (!todayOnly || TODAY.has(i.timing)) && matches(i, text));
  renderStages(text, todayOnly);
  $('#programme-count').textContent = all.length === 0 ? t('programme.none') : shown.length === 0 ? t('programme.empty') : t('programme.count', { shown: shown.length });
  fill($('#programme'), shown.map(item => {
    const slot = item.slot;
    const board = boardOf(slot.occupationCode, slot.stage);
    const stage = stageOf(slot.occupationCode, slot.stage);
    return h('li', { class: 'programme-item', dataset: { timing: item.timing, occupation: slot.occupationCode, stage: slot.stage } },
      h('span', { class: 'timing' }, t(`timing.${item.timing}`)),
      h('strong', { class: 'occupation' }, loc(state.names.get(slot.occupationCode)) || slot.occupationCode),
      h('span', { class: 'slot-stage' }, loc(stage?.name) || stageName(slot.stage)),
      stage ? phaseBadge(stage.phase) : null,
      h('span', { class: 'when num' }, when(slot, item.timing)),
      h('span', { class: 'venue' }, slot.venue),
      h('a', { href: board, class: 'watch' }, t('programme.watch')));
  }));
}

/**
 * Each occupation with stages: its stages in order, each linking to its round's board, the live one
 * marked, with today's slot beside it; filtered by the same text (occupation, stage or venue) and,
 * with "today only", to occupations with a slot today. Live occupations come first.
 */
function renderStages(text, todayOnly) {
  const items = state.programme?.items ?? [];
  const slotOf = (code, stageId) => items.find(i => i.slot.occupationCode === code && i.slot.stage === stageId);
  const shown = state.stages
    .map(o => ({ ...o, live: o.stages.some(s => s.phase === 'live'), slots: o.stages.map(s => slotOf(o.occupationCode, s.id)) }))
    .filter(o => !todayOnly || o.slots.some(i => i && TODAY.has(i.timing)))
    .filter(o => !text || [loc(state.names.get(o.occupationCode)), state.names.get(o.occupationCode)?.en, o.occupationCode,
      ...o.stages.flatMap(s => [s.name?.zh, s.name?.en]), ...o.slots.map(i => i?.slot.venue)].some(s => s && s.toLowerCase().includes(text)))
    .sort((a, b) => Number(b.live) - Number(a.live));
  $('#stages-section').hidden = state.stages.length === 0;
  fill($('#occupation-stages'), shown.map(o => h('li', { class: 'stage-occupation', dataset: { occupation: o.occupationCode, live: String(o.live) } },
    h('strong', { class: 'occupation' }, loc(state.names.get(o.occupationCode)) || o.occupationCode),
    h('ol', { class: 'stage-steps' }, o.stages.map((s, i) => {
      const slot = o.slots[i];
      return h('li', { class: 'stage-step', dataset: { stage: s.id, phase: s.phase } },
        h('a', { href: boardOf(o.occupationCode, s.id) }, loc(s.name) || stageName(s.id)),
        ' ', phaseBadge(s.phase),
        s.phase === 'live' ? h('span', { class: 'live-mark' }, t('timing.live')) : null,
        slot ? h('span', { class: 'hint when' }, `${t(`timing.${slot.timing}`)} · ${when(slot.slot, slot.timing)}${slot.slot.venue ? ` · ${slot.slot.venue}` : ''}`) : null);
    })))));
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
