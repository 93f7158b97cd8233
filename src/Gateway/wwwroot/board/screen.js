// A named hall screen (?screen=Hall-A). It registers under its name on the live hub and shows what
// the office directs — the welcome, one occupation's board, the arena, the overview, the ceremony
// reveal or a rotation of what the schedule says is live — each change pushed to this screen's
// group the moment it is made (nothing polls). The boards themselves are the existing pages in a
// frame, so every show behaves exactly as it does on its own.
import { t, lang, loc } from '../js/i18n.js';
import '../js/strings/selection.js';
import { h, $, fill, appUrl } from '../js/dom.js';
import { api, edition as fetchEdition, occupations as fetchOccupations } from '../js/api.js';
import { LiveConnection } from '../js/hub.js';

const SCHEDULE_REFRESH_MS = 60_000;

const state = { editionId: null, name: null, direction: null, edition: null, occupations: [], programme: null, src: null };

export async function run(editionId, screenName, indicator) {
  state.editionId = editionId;
  state.name = screenName;
  document.body.classList.add('stage', 'big', 'named-screen');
  $('#topbar').hidden = true;
  $('#status').hidden = true;
  document.title = `${screenName} · ${t('app.name')}`;

  const frame = h('iframe', { id: 'screen-frame', title: t('screen.frame'), hidden: true });
  const welcome = h('section', { id: 'screen-welcome', class: 'screen-welcome', hidden: true });
  const ribbon = h('div', { id: 'screen-ribbon', class: 'screen-ribbon', hidden: true });
  const tag = h('div', { class: 'screen-tag' }, screenName, ' ', indicator);
  fill($('#view'), h('div', { id: 'screen', dataset: { screen: screenName, show: '' } }, welcome, frame, ribbon, tag));

  [state.edition, state.occupations] = await Promise.all([fetchEdition(editionId).catch(() => null), fetchOccupations(editionId).catch(() => [])]);
  await loadProgramme();
  setInterval(async () => { await loadProgramme(); render(false); }, SCHEDULE_REFRESH_MS);

  const hub = new LiveConnection({
    url: appUrl('/hubs/live'),
    indicator,
    onReady: async () => apply(await hub.invoke('FollowScreen', editionId, screenName), true),
  });
  hub.on('ScreenDirected', direction => apply(direction, false));
  hub.start();
}

async function loadProgramme() {
  try {
    state.programme = await api(`/api/editions/${encodeURIComponent(state.editionId)}/schedule`);
  } catch { /* keep the last programme */ }
}

/** Shows a direction unless a later one is already shown; a (re)connect's answer always wins. */
function apply(direction, isSnapshot) {
  if (!direction || direction.screenName.toUpperCase() !== state.name.toUpperCase()) return;
  if (!isSnapshot && state.direction && direction.version <= state.direction.version) return;
  state.direction = direction;
  render(true);
}

function liveCodes() {
  const codes = (state.programme?.items ?? []).filter(i => i.timing === 'live').map(i => i.slot.occupationCode);
  return [...new Set(codes)];
}

function sourceFor(show) {
  const e = encodeURIComponent(state.editionId);
  const o = encodeURIComponent(show.occupationCode ?? '');
  const l = `&lang=${lang()}`;
  switch (show.content) {
    case 'board':
    case 'ceremony': return appUrl(`/board/?edition=${e}&occupation=${o}&screen=big${l}`);
    case 'arena': return appUrl(`/arena/?edition=${e}&occupation=${o}${l}`);
    case 'overview': return appUrl(`/board/?edition=${e}${l}`);
    case 'rotation': {
      const live = liveCodes();
      return appUrl(`/board/?edition=${e}&screen=big&interval=${show.intervalSeconds ?? 15}${live.length ? `&occupations=${live.map(encodeURIComponent).join(',')}` : ''}${l}`);
    }
    default: return null;
  }
}

/** Puts the direction on the screen; a frame is reloaded only when what it shows changes. */
function render(directed) {
  const show = state.direction?.show ?? { content: 'welcome' };
  const screen = $('#screen');
  screen.dataset.show = show.content;
  screen.dataset.occupation = show.occupationCode ?? '';
  screen.dataset.version = String(state.direction?.version ?? '');
  const src = sourceFor(show);
  const frame = $('#screen-frame');
  frame.hidden = !src;
  if (src && src !== state.src) frame.src = src;
  if (!src) frame.removeAttribute('src');
  state.src = src;
  const ribbon = $('#screen-ribbon');
  ribbon.hidden = show.content !== 'ceremony';
  ribbon.textContent = t('screen.ceremony');
  const welcome = $('#screen-welcome');
  welcome.hidden = !!src;
  if (!src) renderWelcome(welcome);
  if (directed) screen.dataset.directedAt = String(Date.now());
}

function renderWelcome(el) {
  const names = new Map(state.occupations.map(o => [o.code, o]));
  const live = (state.programme?.items ?? []).filter(i => i.timing === 'live');
  fill(el,
    h('p', { class: 'welcome-edition' }, loc(state.edition?.title)),
    h('h1', null, t('screen.welcome')),
    h('p', { class: 'welcome-sub' }, t('screen.welcomeSub')),
    live.length
      ? h('div', { class: 'welcome-live' }, h('h2', null, t('screen.liveNow')),
        h('ul', null, live.map(i => h('li', null, loc(names.get(i.slot.occupationCode)?.name) || i.slot.occupationCode, ' · ', i.slot.venue))))
      : h('p', { class: 'welcome-live hint' }, t('screen.nothingLive')));
}
