// Live leaderboards for viewers (anonymous): one occupation, the overview of all occupations, or
// the hall's big screen rotating through them. Every push carries the occupation's version and the
// version it follows (what this connection was given before); a push that follows a version the page
// never had, or a reconnect, makes the page ask for a snapshot, so it always converges on the server's board.
import { t, lang, locale, loc, locOther, mountLangSwitch, onLangChange } from '../js/i18n.js';
import { h, $, clear, fill, params, appUrl, delay } from '../js/dom.js';
import { occupations as fetchOccupations, definition as fetchDefinition, edition as fetchEdition } from '../js/api.js';
import { LiveConnection, indicatorMarkup, backoff } from '../js/hub.js';
import { StandingsTable, arenaBanner, phaseBadge, renderBoardState, isNewer, boardArenaBanner, isSettled } from '../js/standings.js';
import { score, timeOfDay } from '../js/format.js';
import { openingEdition, mountEditionPicker } from '../js/editions.js';

const query = params();
// Set once at start: the edition asked for, else the one the office marked current.
let editionId = null;
const occupationParam = query.get('occupation');
const screenName = query.get('screen');
// ?screen=big rotates on its own; any other name is a screen the office directs (./screen.js).
const named = !!screenName && screenName !== 'big';
const big = screenName === 'big';
const intervalSeconds = Math.min(Math.max(Number(query.get('interval')) || 15, 3), 600);
const onlyCodes = (query.get('occupations') ?? '').split(',').map(s => s.trim()).filter(Boolean);
const mode = big ? 'big' : occupationParam ? 'single' : 'overview';

const state = {
  edition: null,
  occupations: [],
  byCode: new Map(),
  schemes: new Map(),      // scheme id → modules (names), when the definition could be read
  boards: new Map(),       // code → PublicLeaderboard
  versions: new Map(),     // code → last version applied
  summaries: new Map(),    // code → overview summary
  hub: null,
  leader: new Map(),       // code → contestantId first, to announce a new leader
};

const indicator = indicatorMarkup();
$('#conn-slot').append(indicator);
mountLangSwitch($('#lang'));
const status = $('#status');

if (named) openingEdition(query.get('edition'), backoff).then(opening =>
  import('./screen.js').then(screen => screen.run(opening.id, screenName, indicator)));
else start();

async function start() {
  if (big) document.body.classList.add('stage', 'big');
  const opening = await openingEdition(query.get('edition'), backoff);
  editionId = opening.id;
  if (!editionId) { status.textContent = t('board.noEdition'); return; }
  mountEditionPicker($('#edition-pick'), opening.list, editionId);
  await loadEdition();
  if (!state.occupations.length) return;
  if (occupationParam && !state.byCode.has(occupationParam)) {
    status.textContent = t('board.noOccupation');
    return;
  }
  status.hidden = true;

  state.hub = new LiveConnection({
    url: appUrl('/hubs/live'),
    indicator,
    onReady: resync,
  });
  state.hub.on('LeaderboardChanged', board => receiveBoard(board, false));
  state.hub.on('OverviewChanged', summary => receiveSummary(summary));

  if (mode === 'single') setUpSingle();
  else if (mode === 'overview') setUpOverview();
  else setUpBig();
  state.hub.start();
  onLangChange(() => rerender());
}

/** The edition's title and occupation names (REST), retried until the gateway answers. */
async function loadEdition() {
  for (let attempt = 0; ; attempt++) {
    try {
      const [edition, occupations] = await Promise.all([fetchEdition(editionId), fetchOccupations(editionId)]);
      state.edition = edition;
      state.occupations = occupations;
      for (const o of occupations) state.byCode.set(o.code, o);
      // A stage's round ("lift-repair~selection") carries its occupation's names; its scheme is read for the round itself.
      const [base, stage] = (occupationParam ?? '').split('~');
      if (stage && state.byCode.has(base)) {
        const occupation = state.byCode.get(base);
        state.byCode.set(occupationParam, { ...occupation, code: occupationParam, scheme: `${occupation.scheme}~${stage}` });
      }
      $('#edition-title').textContent = loc(edition.title);
      return;
    } catch (error) {
      if (error.status === 404) { status.textContent = t('board.noEdition'); return; }
      await delay(backoff(attempt));
    }
  }
}

/** Module names of an occupation's scheme, read once per scheme; the board works without them. */
async function schemeModules(code) {
  const occupation = state.byCode.get(code);
  if (!occupation) return null;
  if (state.schemes.has(occupation.scheme)) return state.schemes.get(occupation.scheme);
  state.schemes.set(occupation.scheme, null);
  try {
    const definition = await fetchDefinition(editionId, code);
    state.schemes.set(occupation.scheme, definition.scheme.modules);
    rerender();
  } catch { /* keep the generic module names */ }
  return state.schemes.get(occupation.scheme);
}

function followedCodes() {
  if (occupationParam) return [occupationParam];
  const all = state.occupations.map(o => o.code);
  return onlyCodes.length ? all.filter(c => onlyCodes.includes(c)) : all;
}

/** After every (re)connect: follow again (a new connection has no groups) and take the snapshots. */
async function resync(reconnected) {
  if (mode === 'overview') {
    const summaries = await state.hub.invoke('FollowOverview', editionId);
    for (const summary of summaries) receiveSummary(summary, true);
    return;
  }
  const boards = await Promise.all(followedCodes().map(code => state.hub.invoke('FollowOccupation', editionId, code)));
  for (const board of boards) receiveBoard(board, true, reconnected);
}

/**
 * Applies a board if it is newer than what is shown. A push that follows a version newer than the
 * page's means one was missed: the snapshot is asked for, so the page never shows a board it cannot vouch for.
 */
function receiveBoard(board, isSnapshot, force = false) {
  if (!board || board.editionId !== editionId) return;
  const code = board.occupationCode;
  const last = state.versions.get(code) ?? -1;
  if (!force && !isNewer(board, state.boards.get(code))) return;
  state.versions.set(code, board.version);
  state.boards.set(code, board);
  if (!isSnapshot && last >= 0 && board.follows > last) snapshot(code);
  showBoard(code);
}

async function snapshot(code) {
  try {
    const board = await state.hub.invoke('GetSnapshot', editionId, code);
    receiveBoard(board, true);
  } catch { /* a reconnect resyncs */ }
}

function receiveSummary(summary, isSnapshot = false) {
  if (!summary || summary.editionId !== editionId) return;
  const code = summary.occupationCode;
  const last = state.versions.get(code) ?? -1;
  if (!isSnapshot && summary.version <= last) return;
  state.versions.set(code, summary.version);
  state.summaries.set(code, summary);
  if (!isSnapshot && last >= 0 && summary.follows > last) overviewSnapshot(code);
  showSummary(code);
}

async function overviewSnapshot(code) {
  try {
    const board = await state.hub.invoke('GetSnapshot', editionId, code);
    receiveSummary({
      editionId, occupationCode: code, phase: board.phase, version: board.version,
      contestantCount: board.standings.length, leader: board.withheld > 0 ? null : board.standings[0] ?? null, arena: board.arena,
    }, true);
  } catch { /* a reconnect resyncs */ }
}

// ---------------------------------------------------------------- one occupation

const single = {};

function setUpSingle() {
  const code = occupationParam;
  document.title = `${loc(state.byCode.get(code).name)} · ${t('board.title')}`;
  single.table = new StandingsTable({ showMarks: false });
  single.head = h('div', { class: 'board-head' });
  single.meta = h('p', { class: 'board-meta' });
  // FROZEN / REVEALING / BLIND: see renderBoardState.
  single.stateSlot = h('div', { class: 'board-state-slot', role: 'status', hidden: true, dataset: { slot: 'frozen-revealing' } });
  single.section = h('section', { class: 'board', 'aria-labelledby': 'board-title', dataset: { occupation: code } },
    single.head, single.meta, single.stateSlot, single.table.table);
  fill($('#view'), single.section);
  schemeModules(code);
  renderSingleHead();
}

function renderSingleHead() {
  const code = occupationParam;
  const occupation = state.byCode.get(code);
  const board = state.boards.get(code);
  fill(single.head, 
    h('h2', { id: 'board-title' }, loc(occupation.name)),
    h('span', { class: 'other', lang: lang() === 'zh' ? 'en' : 'zh-CN' }, locOther(occupation.name)),
    board ? phaseBadge(board.phase) : null,
    boardArenaBanner(board));
  fill(single.meta, 
    // No version number on a public page (issue 12): it tells viewers nothing and counts the marks.
    board ? `${t('board.updated')} ${timeOfDay(board.updatedAt)} · ` : '',
    h('a', { href: `../arena/?edition=${encodeURIComponent(editionId)}&occupation=${encodeURIComponent(code)}` }, t('board.openArena')),
    ' · ',
    h('a', { href: `./?edition=${encodeURIComponent(editionId)}` }, t('board.backToOverview')));
  renderBoardState(single.stateSlot, board);
}

// ---------------------------------------------------------------- overview

const overview = { cards: new Map() };

function setUpOverview() {
  document.title = `${t('board.overviewTitle')} · ${t('app.name')}`;
  overview.list = h('ul', { class: 'overview', id: 'overview' });
  fill($('#view'), 
    h('div', { class: 'board-head' }, h('h2', null, t('board.overviewTitle')),
      h('a', { href: `./?edition=${encodeURIComponent(editionId)}&screen=big` }, t('nav.bigScreen'))),
    overview.list);
  for (const occupation of state.occupations) {
    const link = h('a', { href: `./?edition=${encodeURIComponent(editionId)}&occupation=${encodeURIComponent(occupation.code)}` });
    const item = h('li', { dataset: { occupation: occupation.code } }, link);
    overview.cards.set(occupation.code, link);
    overview.list.append(item);
    showSummary(occupation.code);
  }
}

function showSummary(code) {
  if (mode !== 'overview') return;
  const link = overview.cards.get(code);
  const occupation = state.byCode.get(code);
  if (!link || !occupation) return;
  const s = state.summaries.get(code);
  const leader = s?.leader && s.leader.markCount > 0 ? s.leader : null;
  fill(link, 
    h('span', { class: 'occ' }, loc(occupation.name)),
    h('span', { class: 'occ-en' }, locOther(occupation.name)),
    h('span', { class: 'row' }, s ? phaseBadge(s.phase) : null,
      s ? h('span', { class: 'hint' }, `${s.contestantCount} ${t('board.contestants')}`) : null,
      s && isSettled(s.phase) && s.arena?.outcome !== 'pending' ? arenaBanner(s.arena) : null),
    h('span', { class: 'row leader' },
      leader
        ? [h('span', null, `${t(isSettled(s.phase) ? 'board.leader' : 'board.provisionalLeader')}：${leader.displayName}`), h('span', { class: `badge badge-${leader.role}` }, t(`role.${leader.role}`)), h('span', { class: 'score num' }, score(leader.composite))]
        : h('span', { class: 'hint' }, t('board.noLeader'))));
}

// ---------------------------------------------------------------- big screen

const bigScreen = { index: 0, paused: false, elapsed: 0, table: null, shownCode: null };

function setUpBig() {
  $('#topbar').hidden = true;
  const codes = followedCodes();
  bigScreen.codes = codes;
  bigScreen.headName = h('h1', { id: 'big-title' });
  bigScreen.headOther = h('span', { class: 'other' });
  bigScreen.headPhase = h('span');
  bigScreen.headArena = h('span');
  bigScreen.boardSlot = h('div', { class: 'big-board' });
  bigScreen.progress = h('span');
  bigScreen.dots = h('div', { class: 'dots', 'aria-hidden': 'true' });
  bigScreen.next = h('span', { class: 'next' });
  bigScreen.clock = h('span', { class: 'num' });
  const pause = h('button', { type: 'button', id: 'big-pause' });
  const prev = h('button', { type: 'button', 'aria-label': t('board.prev') }, '◀');
  const next = h('button', { type: 'button', 'aria-label': t('board.nextOcc') }, '▶');
  const full = h('button', { type: 'button', id: 'big-fullscreen' }, t('board.fullscreen'));
  const lang = $('#lang');
  bigScreen.pauseButton = pause;
  bigScreen.fullButton = full;

  const header = h('header', { class: 'big-head' },
    h('div', null, bigScreen.headName, bigScreen.headOther),
    bigScreen.headPhase, bigScreen.headArena,
    h('span', { class: 'spacer' }),
    h('span', { class: 'edition' }, loc(state.edition?.title)));
  const footer = h('footer', { class: 'big-foot' },
    bigScreen.dots,
    codes.length > 1 ? bigScreen.next : null,
    codes.length > 1 ? h('div', { class: 'rotation', 'aria-hidden': 'true' }, bigScreen.progress) : h('span', { class: 'spacer', style: { flex: '1' } }),
    bigScreen.clock,
    indicator,
    h('div', { class: 'big-controls' }, codes.length > 1 ? [prev, pause, next] : null, full, lang));
  // The standard header is hidden; the big screen is its own full-height grid.
  $('#topbar').after(header);
  document.body.append(footer);
  fill($('#view'), bigScreen.boardSlot);

  prev.addEventListener('click', () => go(-1));
  next.addEventListener('click', () => go(+1));
  pause.addEventListener('click', () => togglePause());
  full.addEventListener('click', () => toggleFullscreen());
  document.addEventListener('keydown', event => {
    if (event.target instanceof HTMLInputElement) return;
    if (event.key === 'ArrowRight') go(+1);
    else if (event.key === 'ArrowLeft') go(-1);
    else if (event.key === ' ' && event.target === document.body) { event.preventDefault(); togglePause(); }
    else if (event.key === 'f' || event.key === 'F') toggleFullscreen();
  });
  document.addEventListener('fullscreenchange', () => renderBigControls());

  renderBigControls();
  for (const code of codes) schemeModules(code);
  showBigOccupation(true);
  const tick = 200;
  setInterval(() => {
    bigScreen.clock.textContent = new Date().toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit', hour12: false });
    if (bigScreen.codes.length < 2 || bigScreen.paused) return;
    bigScreen.elapsed += tick;
    bigScreen.progress.style.width = `${Math.min(100, (bigScreen.elapsed / (intervalSeconds * 1000)) * 100)}%`;
    if (bigScreen.elapsed >= intervalSeconds * 1000) go(+1);
  }, tick);
}

function go(step) {
  const n = bigScreen.codes.length;
  if (n < 2) return;
  bigScreen.index = (bigScreen.index + step + n) % n;
  bigScreen.elapsed = 0;
  bigScreen.progress.style.width = '0%';
  showBigOccupation(true);
}

function togglePause() {
  bigScreen.paused = !bigScreen.paused;
  renderBigControls();
}

function toggleFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen?.();
  else document.documentElement.requestFullscreen?.().catch(() => {});
}

function renderBigControls() {
  bigScreen.pauseButton.textContent = bigScreen.paused ? '▶ ' + t('board.resume') : '❚❚ ' + t('board.pause');
  bigScreen.fullButton.hidden = !!document.fullscreenElement;
  bigScreen.fullButton.textContent = t('board.fullscreen');
}

function showBigOccupation(changed) {
  const code = bigScreen.codes[bigScreen.index];
  const occupation = state.byCode.get(code);
  if (!occupation) return;
  const board = state.boards.get(code);
  bigScreen.headName.textContent = loc(occupation.name);
  bigScreen.headOther.textContent = locOther(occupation.name);
  fill(bigScreen.headPhase, board ? phaseBadge(board.phase) : '');
  fill(bigScreen.headArena, boardArenaBanner(board));
  document.title = `${loc(occupation.name)} · ${t('nav.bigScreen')}`;

  if (changed || bigScreen.shownCode !== code) {
    // A new occupation: a fresh table (no sliding between unrelated boards), faded in.
    bigScreen.table = new StandingsTable();
    bigScreen.shownCode = code;
    const slot = clear(bigScreen.boardSlot);
    slot.dataset.occupation = code;
    slot.style.animation = 'none';
    void slot.offsetWidth;
    slot.style.animation = '';
    // FROZEN / REVEALING / BLIND: see renderBoardState; the ceremony's reveal presentation comes later.
    slot.append(h('div', { class: 'board-state-slot', role: 'status', hidden: true, dataset: { slot: 'frozen-revealing' } }));
    slot.append(bigScreen.table.table);
  }
  renderBoardState(bigScreen.boardSlot.querySelector('.board-state-slot'), board);
  if (board) {
    if (board.standings.length === 0) {
      bigScreen.table.table.hidden = true;
      if (!bigScreen.boardSlot.querySelector('.empty')) bigScreen.table.table.after(h('p', { class: 'empty' }, t('board.empty')));
    } else {
      bigScreen.table.table.hidden = false;
      bigScreen.boardSlot.querySelector('.empty')?.remove();
      bigScreen.table.update(board, { caption: loc(occupation.name), schemeModules: state.schemes.get(occupation.scheme) });
    }
  }
  fill(bigScreen.dots, bigScreen.codes.map((c, i) => h('span', { 'aria-current': i === bigScreen.index ? 'true' : null })));
  if (bigScreen.codes.length > 1) {
    const nextCode = bigScreen.codes[(bigScreen.index + 1) % bigScreen.codes.length];
    fill(bigScreen.next, `${t('board.next')}：`, h('strong', null, loc(state.byCode.get(nextCode)?.name)));
  }
}

/** Up to ten of the next occupations in the rotation: their leader and arena outcome at a glance. */
function renderOthers(currentCode) {
  const codes = bigScreen.codes;
  let strip = bigScreen.boardSlot.querySelector('.others');
  if (codes.length < 2) { strip?.remove(); return; }
  if (!strip) {
    strip = h('section', { class: 'others', 'aria-labelledby': 'others-title' },
      h('h2', { id: 'others-title' }, t('board.others')), h('ol'));
    bigScreen.boardSlot.append(strip);
  }
  const start = codes.indexOf(currentCode);
  const next = [];
  for (let i = 1; i < codes.length && next.length < 10; i++) next.push(codes[(start + i) % codes.length]);
  fill(strip.querySelector('ol'), next.map(code => {
    const board = state.boards.get(code);
    const leader = board?.withheld > 0 ? null : board?.standings?.[0];
    const scored = leader && leader.markCount > 0;
    return h('li', { dataset: { occupation: code } },
      h('span', { class: 'occ' }, loc(state.byCode.get(code)?.name)),
      h('span', { class: 'lead' },
        h('span', null, scored ? leader.displayName : t('board.noLeader')),
        scored ? h('span', { class: 'score num' }, score(leader.composite)) : null),
      boardArenaBanner(board));
  }));
}

// ---------------------------------------------------------------- shared

function showBoard(code) {
  if (mode === 'single' && code === occupationParam) {
    const board = state.boards.get(code);
    const occupation = state.byCode.get(code);
    renderSingleHead();
    if (board.standings.length === 0) single.table.table.hidden = true;
    const first = single.table.update(board, { caption: loc(occupation.name), schemeModules: state.schemes.get(occupation.scheme) });
    single.table.table.hidden = board.standings.length === 0;
    announceLeader(code, first);
  } else if (mode === 'big') {
    if (code === bigScreen.codes[bigScreen.index]) showBigOccupation(false);
    else renderOthers(bigScreen.codes[bigScreen.index]);
  }
}

function announceLeader(code, first) {
  if (!first || first.markCount === 0) return;
  const previous = state.leader.get(code);
  state.leader.set(code, first.contestantId);
  if (previous && previous !== first.contestantId)
    $('#announce').textContent = t('board.newLeader', { name: first.displayName });
}

function rerender() {
  if (mode === 'single') {
    const code = occupationParam;
    single.table.renderHead();
    single.table.rows.clear();
    clear(single.table.body);
    if (state.boards.has(code)) showBoard(code); else renderSingleHead();
  } else if (mode === 'overview') {
    overview.cards.clear();
    setUpOverview();
  } else if (mode === 'big') {
    renderBigControls();
    showBigOccupation(true);
  }
}
