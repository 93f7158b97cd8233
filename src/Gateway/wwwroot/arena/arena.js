// The arena (擂台): seeds on one side, challengers on the other, live module scores as bars, and
// the outcome (攻擂成功 / 守擂成功) in the middle. Same live protocol as the leaderboard.
import { t, loc, locOther, mountLangSwitch, onLangChange } from '../js/i18n.js';
import { h, $, clear, fill, params, appUrl, delay } from '../js/dom.js';
import { occupations as fetchOccupations, definition as fetchDefinition, edition as fetchEdition } from '../js/api.js';
import { LiveConnection, indicatorMarkup, backoff } from '../js/hub.js';
import { arenaBanner, phaseBadge, moduleName, renderBoardState, isNewer, boardArenaBanner, isSettled, UNRANKED } from '../js/standings.js';
import { score, plain, timeOfDay } from '../js/format.js';
import { pulse } from '../js/flip.js';
import { openingEdition, mountEditionPicker } from '../js/editions.js';

const query = params();
// Set once at start: the edition asked for, else the current one; the occupation asked for, else its first arena.
let editionId = null;
let code = query.get('occupation');

const state = { occupation: null, modules: null, board: null, version: -1, hub: null, cards: new Map(), edition: null };

const indicator = indicatorMarkup();
$('#conn-slot').append(indicator);
mountLangSwitch($('#lang'));
onLangChange(() => render(true));

start();

async function start() {
  const status = $('#status');
  const opening = await openingEdition(query.get('edition'), backoff);
  editionId = opening.id;
  if (!editionId) { status.textContent = t('board.noEdition'); return; }
  mountEditionPicker($('#edition-pick'), opening.list, editionId);
  for (let attempt = 0; ; attempt++) {
    try {
      const [edition, occupations] = await Promise.all([fetchEdition(editionId), fetchOccupations(editionId)]);
      state.edition = edition;
      code ??= (occupations.find(o => o.mode === 'competition') ?? occupations[0])?.code ?? null;
      state.occupation = occupations.find(o => o.code === code) ?? null;
      break;
    } catch (error) {
      if (error.status === 404) { status.textContent = t('board.noEdition'); return; }
      await delay(backoff(attempt));
    }
  }
  if (!state.occupation) { status.textContent = t('board.noOccupation'); return; }
  $('#edition-title').textContent = loc(state.edition.title);
  fetchDefinition(editionId, code).then(d => { state.modules = d.scheme.modules; render(true); }).catch(() => {});
  status.hidden = true;
  $('#view').hidden = false;

  state.hub = new LiveConnection({
    url: appUrl('/hubs/live'),
    indicator,
    onReady: async () => receive(await state.hub.invoke('FollowOccupation', editionId, code), true),
  });
  state.hub.on('LeaderboardChanged', board => receive(board, false));
  state.hub.start();
  render(true);
}

function receive(board, isSnapshot) {
  if (!board || board.editionId !== editionId || board.occupationCode !== code) return;
  if (!isSnapshot && !isNewer(board, state.board)) return;
  // A push that follows a version this page never had means one was missed.
  const gap = !isSnapshot && state.version >= 0 && board.follows > state.version;
  state.version = board.version;
  state.board = board;
  render(false);
  if (gap) state.hub.invoke('GetSnapshot', editionId, code).then(b => receive(b, true)).catch(() => {});
}

function render(full) {
  const o = state.occupation;
  if (!o) return;
  document.title = `${loc(o.name)} · ${t('arena.title')}`;
  $('#occupation-name').textContent = loc(o.name);
  $('#occupation-other').textContent = locOther(o.name);
  const board = state.board;
  fill($('#phase'), board ? phaseBadge(board.phase) : '');
  fill($('#outcome'), boardArenaBanner(board));
  renderBoardState($('#board-state'), board);
  $('#meta').textContent = board ? `${t('board.updated')} ${timeOfDay(board.updatedAt)}` : '';
  if (full) state.cards.clear();
  // A blind round hides who is seed or challenger: one column of draw numbers, no face-off yet.
  const blind = !!board?.blind;
  $('.arena-grid').classList.toggle('blind', blind);
  $('.arena-vs').hidden = blind;
  $('section[data-side="challenger"]').hidden = blind;
  $('#seeds-title').textContent = t(blind ? 'arena.blindSide' : 'arena.seeds');
  renderSide($('#seeds'), blind ? null : 'seed', full);
  // A hidden column still sits in the page: a round gone blind must not keep its named cards there.
  if (blind) clear($('#challengers')); else renderSide($('#challengers'), 'challenger', full);
  const shown = new Set((board?.standings ?? []).map(s => s.contestantId));
  for (const id of [...state.cards.keys()]) if (!shown.has(id)) state.cards.delete(id);
}

/** One side of the arena: the standings of one role (all of them when role is null), best first. */
function renderSide(container, role, full) {
  const standings = (state.board?.standings ?? []).filter(s => role === null || s.role === role);
  if (full) clear(container);
  if (state.board && standings.length === 0) {
    fill(container, h('p', { class: 'hint' }, t(role === 'seed' ? 'arena.noSeed' : 'arena.noChallenger')));
    return;
  }
  container.querySelector('p.hint')?.remove();
  const ordered = standings.map(s => card(s, role ?? s.role));
  for (const el of [...container.children]) if (!ordered.includes(el)) el.remove();
  for (const el of ordered) container.append(el);
}

function card(standing, role) {
  let c = state.cards.get(standing.contestantId);
  if (!c) {
    c = {
      root: h('article', { class: 'arena-card', dataset: { side: role, contestant: standing.contestantId } }),
      rank: h('span', { class: 'rank num' }),
      name: h('span', { class: 'name' }),
      badges: h('span'),
      composite: h('div', { class: 'composite' }),
      bars: h('div', { class: 'bars' }),
    };
    c.root.append(h('div', { class: 'top' }, c.rank, c.name, c.badges), c.composite, c.bars);
    state.cards.set(standing.contestantId, c);
  }
  const candidate = isSettled(state.board.phase) && state.board.arena?.titleCandidateId === standing.contestantId;
  c.root.classList.toggle('candidate', candidate);
  fill(c.rank, h('span', { class: 'visually-hidden' }, `${t('board.rank')} `), standing.markCount > 0 ? `#${standing.rank}` : UNRANKED);
  c.name.textContent = standing.displayName;
  fill(c.badges, 
    h('span', { class: `badge badge-${standing.role}` }, t(`role.${standing.role}`)), ' ',
    h('span', { class: `badge badge-status-${standing.status}` }, t(`status.${standing.status}`)),
    candidate ? [' ', h('span', { class: 'badge badge-status-official' }, `★ ${t('arena.candidate')}`)] : null);
  const composite = score(standing.composite);
  if (c.composite.dataset.value !== composite) {
    if (c.composite.dataset.value) pulse(c.composite);
    c.composite.dataset.value = composite;
    fill(c.composite, composite, h('small', null, t('board.composite')));
  }
  // Module bars: update widths in place so they animate.
  for (const m of standing.modules) {
    let bar = c.bars.querySelector(`[data-module="${CSS.escape(m.moduleId)}"]`);
    if (!bar) {
      bar = h('div', { class: 'bar', dataset: { module: m.moduleId } },
        h('span', { class: 'label' }), h('div', { class: 'track' }, h('div', { class: 'fill' })), h('span', { class: 'val' }));
      c.bars.append(bar);
    }
    bar.querySelector('.label').textContent = moduleName(m.moduleId, state.modules);
    const pct = Number(m.max) > 0 ? Math.max(0, Math.min(100, (Number(m.score) / Number(m.max)) * 100)) : 0;
    bar.querySelector('.fill').style.width = `${pct}%`;
    bar.querySelector('.val').textContent = `${score(m.score)} / ${plain(m.max)}`;
  }
  return c.root;
}
