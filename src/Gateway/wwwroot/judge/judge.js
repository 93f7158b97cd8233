// Judge tablet: sign in with the access code, mark the contestants of one's own occupation, see
// each mark as saved, pending or rejected. Marks go through the outbox (localStorage) so a dropped
// connection or a reload loses nothing and a resend never double-counts (same idempotency key).
// The chief judge (chief.js) and the edition's officials (officials.js) sign in here too; this
// module boots the page, holds the state they share and dispatches the rendering to them.
import { t, loc, mountLangSwitch, onLangChange, refusalText, rejectionText } from '../js/i18n.js';
import { h, $, clear, appUrl } from '../js/dom.js';
import { api } from '../js/api.js';
import { LiveConnection, indicatorMarkup, isClusterUnavailable, isServerRefusal, isUnexpectedServerError, hubRefusal, backoff } from '../js/hub.js';
import { Outbox } from '../js/outbox.js';
import { plain, checkMark, stepMark } from '../js/format.js';
import { renderChief, wireChiefControls, onScoresheetChanged } from './chief.js';
import { startOfficials, renderOfficial, wireOfficialControls } from './officials.js';

const SESSION_KEY = 'craftsman.judge.session';
// A stage other than the occupation's main round (/judge/?stage=selection): its own round, queue and cache.
const STAGE = new URLSearchParams(location.search).get('stage')?.trim() || null;
const STAGE_SUFFIX = STAGE ? `.${STAGE}` : '';
const SELECTED_KEY = 'craftsman.judge.selected';
const MAX_UNEXPECTED_FAILURES = 5;

export const state = {
  session: null,          // { token, role, name, judgeId, editionId, occupation }
  contest: null,          // GetContest(): { edition, occupation, scheme, contestants, panel }
  contestJson: '',
  myMarks: new Map(),     // "contestant|criterion" → { value, idempotencyKey }
  progress: new Map(),    // "contestant|criterion" → { markCount, isFinal, flag }
  phase: null,
  panelVersion: -1,
  sheets: new Map(),      // chief only: contestantId → scoresheet
  selected: null,
  drafts: new Map(),      // "contestant|criterion" → text typed but not submitted
  outbox: null,
  hub: null,
  fromCache: false,
  cards: new Map(),       // criterionId → { root, input, minus, plus, submit, chip, error, progress }
  tabs: new Map(),        // contestantId → { button, meta }
  flushing: false,
  retryTimer: 0,
  retryAttempt: 0,
  signInError: null,     // message key shown under the sign-in form
  status: null,           // GetStatus(): the chief always; a judge while the chief may have reopened something
  statusBusy: null,       // the GetStatus request in flight
  statusAgain: false,     // a push came while it was in flight: ask once more
  sheetSeq: 0,            // chief: counts scoresheet pushes …
  statusSeq: 0,           // … and the count the status was asked for after, so a stale status never hides a new flag
  chiefNotes: new Map(),  // "contestant|criterion" → { ok, text() }: the answer to the chief's last action on it
  chiefMessage: null,     // { ok, text() } the answer to sign-off / approve reveal
  dialog: null,           // { contestantId, criterionId, action } what the open dialog acts on
  official: null,         // officials' view, see startOfficials() in officials.js
};

export const cell = (contestantId, criterionId) => `${contestantId}|${criterionId}`;
export const role = () => state.session?.role;
export const isChief = () => role() === 'chief';
const isJudge = () => role() === 'judge';
const isOfficial = () => role() === 'officer' || role() === 'arbiter';
/** Only in Review, or after publication when an appeal was upheld, can a criterion be open to a judge outside Live. */
const mayBeReopened = phase => phase === 'review' || phase === 'published';

// ---------------------------------------------------------------- boot

export const indicator = indicatorMarkup();
$('#conn-slot').append(indicator);
indicator.hidden = true;
mountLangSwitch($('#lang'));
onLangChange(() => {
  if (state.contest) renderAll();
  if (state.official) renderOfficial();
  if (state.session && !$('#not-panel').hidden) $('#not-panel').textContent = t('judge.notPanel', { role: t(`role.${state.session.role}`) });
  renderWho();
  showSignInError(state.signInError);
});

$('#signin-form').addEventListener('submit', event => {
  event.preventDefault();
  signIn($('#code').value);
});
$('#sign-out').addEventListener('click', () => signOut());
wireChiefControls();
wireOfficialControls();

// The page's own files are kept on the device, so a reload without a network still shows the queue.
// Browsers allow that only on HTTPS or localhost: elsewhere the judge is told, before it matters.
if (window.isSecureContext && 'serviceWorker' in navigator) navigator.serviceWorker.register('./sw.js').catch(() => { $('#offline-shell-note').hidden = false; });
else $('#offline-shell-note').hidden = false;

boot();

function boot() {
  if (signInFromFragment()) return;
  state.session = loadJson(SESSION_KEY);
  if (state.session?.token) startSession();
  else showSignIn();
}

// A QR code opened while the page is already showing changes only the fragment.
window.addEventListener('hashchange', () => signInFromFragment());

/** The QR code's link carries the code in the fragment (never sent to a server); it is taken and dropped from the address bar. */
function signInFromFragment() {
  const code = codeFromFragment();
  if (!code) return false;
  history.replaceState(null, '', location.pathname + location.search);
  if (state.session) signOut();
  $('#code').value = code;
  showSignIn();
  signIn(code);
  return true;
}

function codeFromFragment() {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  return fragment.get('code')?.trim() || null;
}

function loadJson(key) {
  try { return JSON.parse(localStorage.getItem(key) ?? 'null'); } catch { return null; }
}

function saveJson(key, value) {
  try { localStorage.setItem(key, JSON.stringify(value)); } catch { /* full or blocked */ }
}

// ---------------------------------------------------------------- sign-in

function showSignIn(messageKey) {
  $('#signin-view').hidden = false;
  $('#contest-view').hidden = true;
  $('#sign-out').hidden = true;
  indicator.hidden = true;
  showSignInError(messageKey);
  renderWho();
  $('#code').focus();
}

/** The sign-in message is kept as a key so that it follows a language switch. */
function showSignInError(key) {
  state.signInError = key ?? null;
  $('#signin-error').textContent = key ? t(key) : '';
}

async function signIn(rawCode) {
  const code = String(rawCode ?? '').trim();
  const input = $('#code');
  if (!code) {
    showSignInError('judge.emptyCode');
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  const button = $('#signin-submit');
  button.disabled = true;
  button.textContent = t('judge.signingIn');
  showSignInError(null);
  input.removeAttribute('aria-invalid');
  try {
    const session = await api('/api/auth/judge', { method: 'POST', body: { accessCode: code } });
    state.session = session;
    saveJson(SESSION_KEY, session);
    input.value = '';
    startSession();
  } catch (e) {
    showSignInError(e.status === 401 ? 'judge.badCode' : e.status === 429 ? 'judge.throttled' : 'judge.signInFailed');
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  } finally {
    button.disabled = false;
    button.textContent = t('judge.signIn');
  }
}

export function signOut(messageKey) {
  state.hub?.stop();
  state.hub = null;
  state.official?.hub?.stop();
  state.official = null;
  for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close();
  state.dialog = null;
  state.status = null;
  state.chiefNotes.clear();
  state.chiefMessage = null;
  $('#officials-panel').hidden = true;
  $('#chief-panel').hidden = true;
  $('#judge-panel').hidden = true;
  localStorage.removeItem(SESSION_KEY);
  // The outbox stays: unsent marks are never thrown away; they go when this judge signs in again.
  state.session = null;
  state.contest = null;
  state.contestJson = '';
  state.sheets.clear();
  state.myMarks.clear();
  state.progress.clear();
  state.drafts.clear();
  clearTimeout(state.retryTimer);
  state.phase = null;
  state.panelVersion = -1;
  showSignIn(messageKey);
}

function renderWho() {
  const s = state.session;
  $('#who').textContent = s ? `${s.name} · ${t(`role.${s.role}`)}` : '';
  // The officials use this page too; its heading says whose page it is.
  const heading = $('h1');
  heading.dataset.i18n = s?.role === 'officer' || s?.role === 'arbiter' ? 'official.heading' : 'judge.title';
  heading.textContent = t(heading.dataset.i18n);
  document.title = `${heading.textContent} · ${t('app.name')}`;
}

// ---------------------------------------------------------------- session

function cacheKey() {
  return `craftsman.judge.cache.${state.session.editionId}.${state.session.judgeId}${STAGE_SUFFIX}`;
}

/** The round this tablet marks, as the server names it: the occupation, or "{occupation}~{stage}". */
function roundCode() {
  return STAGE ? `${state.session.occupation}~${STAGE}` : state.session.occupation;
}

function startSession() {
  const s = state.session;
  state.hub?.stop();
  $('#signin-view').hidden = true;
  $('#contest-view').hidden = false;
  $('#sign-out').hidden = false;
  indicator.hidden = false;
  renderWho();

  // Officials (encryption officer, arbitration group) sign in with codes too; they do not mark.
  const notPanel = $('#not-panel');
  notPanel.hidden = isJudge() || isChief() || isOfficial();
  if (!notPanel.hidden) {
    notPanel.textContent = t('judge.notPanel', { role: t(`role.${s.role}`) });
    $('#loading').hidden = true;
    indicator.hidden = true;
    return;
  }
  $('#officials-panel').hidden = true;
  if (isOfficial()) {
    startOfficials();
    return;
  }
  $('#loading').hidden = !!state.contest;

  state.outbox = new Outbox(`craftsman.outbox.${s.editionId}.${s.judgeId}${STAGE_SUFFIX}`);
  state.selected = sessionStorage.getItem(SELECTED_KEY);

  // What this device last knew, so a reload without a connection still shows the contest and the queue.
  const cached = loadJson(cacheKey());
  if (cached?.contest) {
    state.fromCache = true;
    setContest(cached.contest);
    state.phase = cached.phase ?? null;
    state.status = cached.status ?? null;
    for (const [k, v] of cached.myMarks ?? []) state.myMarks.set(k, v);
    renderAll();
  }

  state.hub = new LiveConnection({
    url: appUrl(STAGE ? `/hubs/judging?stage=${encodeURIComponent(STAGE)}` : '/hubs/judging'),
    accessTokenFactory: () => state.session?.token ?? '',
    indicator,
    onReady: resync,
    onUnauthorized: () => signOut('judge.sessionExpired'),
    onState: connectionState => {
      renderQueue();
      if (connectionState === 'connected') flush();
    },
  });
  state.hub.on('PanelChanged', onPanelChanged);
  state.hub.on('ScoresheetChanged', onScoresheetChanged);
  state.hub.start();
  renderQueue();
}

/** After every (re)connect: the contest, the panel's progress and this judge's marks (or the panel's, for the chief). */
async function resync() {
  const hub = state.hub;
  const contest = await hub.invoke('GetContest');
  const progress = await hub.invoke('GetPanelProgress');
  if (isChief()) {
    const sheets = await hub.invoke('GetPanelMarks');
    state.sheets = new Map(sheets.map(sheet => [sheet.contestantId, sheet]));
  } else {
    applyMyMarks(await hub.invoke('GetMyMarks'));
  }
  // The chief always needs the status; a judge only when the chief may have reopened a criterion for them.
  const seq = state.sheetSeq;
  const status = isChief() || mayBeReopened(progress.phase) ? await hub.invoke('GetStatus') : null;
  state.fromCache = false;
  state.status = status;
  state.statusSeq = seq;
  const changed = setContest(contest);
  applyProgress(progress);
  saveCache();
  if (changed) renderAll(); else refresh();
}

function setContest(contest) {
  if (!contest) return false;
  const json = JSON.stringify(contest);
  const changed = json !== state.contestJson;
  state.contest = contest;
  state.contestJson = json;
  if (!state.selected || !contest.contestants.some(c => c.id === state.selected))
    state.selected = contest.contestants[0]?.id ?? null;
  return changed;
}

function applyMyMarks(marks) {
  state.myMarks.clear();
  for (const mark of marks ?? []) {
    // Marks name their contestant; for a server that does not, the outbox knows which contestant a key was for.
    const contestantId = mark.contestantId ?? state.outbox.byKey(mark.idempotencyKey)?.contestantId;
    if (!contestantId) continue;
    state.myMarks.set(cell(contestantId, mark.criterionId), { value: String(mark.value), idempotencyKey: mark.idempotencyKey });
  }
}

/** A snapshot replaces the panel's progress; a push (merge) brings the contestants changed since the version it follows. */
export function applyProgress(update, { merge = false } = {}) {
  state.phase = update.phase;
  state.panelVersion = update.version;
  if (!merge) state.progress.clear();
  for (const contestant of update.contestants ?? [])
    for (const c of contestant.criteria ?? [])
      state.progress.set(cell(contestant.contestantId, c.criterionId), c);
}

function saveCache() {
  if (!state.session || !state.contest) return;
  saveJson(cacheKey(), { contest: state.contest, phase: state.phase, status: isJudge() ? state.status : null, myMarks: [...state.myMarks] });
}

/**
 * Asks for the round's status (flags, reopened criteria, sign-off, blind draw). A push that comes
 * while a request is in flight is answered by one more request after it, not by one each.
 */
export function refreshStatus() {
  if (state.statusBusy) {
    state.statusAgain = true;
    return state.statusBusy;
  }
  const hub = state.hub;
  if (!hub) return Promise.resolve();
  state.statusBusy = (async () => {
    try {
      do {
        state.statusAgain = false;
        const seq = state.sheetSeq;
        const status = await hub.invoke('GetStatus');
        if (hub !== state.hub) return;
        state.status = status;
        state.statusSeq = seq;
        saveCache();
        refresh();
      } while (state.statusAgain);
    } catch {
      // The next push or reconnect asks again.
    } finally {
      state.statusBusy = null;
    }
  })();
  return state.statusBusy;
}

/** After a push: the chief always follows the status; a judge only where a criterion can be reopened. */
function followStatus() {
  if (isChief() || mayBeReopened(state.phase)) {
    refreshStatus();
  } else if (state.status) {
    state.status = null;
    saveCache();
    refresh();
  }
}

async function onPanelChanged(update) {
  if (update.version <= state.panelVersion) return;
  // A push holds every contestant changed since the version it follows: a tablet that has that
  // version (or a newer one) misses nothing; one that has an older version asks for the whole picture.
  const gap = state.panelVersion >= 0 && update.follows > state.panelVersion;
  applyProgress(update, { merge: !gap });
  refresh();
  followStatus();
  if (gap) {
    // Missed an update: ask for the whole picture rather than trust the pieces.
    try {
      const snapshot = await state.hub.invoke('GetPanelProgress');
      if (snapshot.version >= state.panelVersion) { applyProgress(snapshot); refresh(); }
    } catch { /* the next reconnect resyncs */ }
  }
  saveCache();
}

// ---------------------------------------------------------------- sending

function scheduleFlush() {
  clearTimeout(state.retryTimer);
  state.retryTimer = setTimeout(flush, backoff(state.retryAttempt++));
}

/** Sends queued marks one at a time, oldest first, each with the key it was given when entered. */
async function flush() {
  if (state.flushing || !state.hub || !state.outbox) return;
  state.flushing = true;
  try {
    while (state.hub?.connected && navigator.onLine !== false) {
      const entry = state.outbox.nextQueued();
      if (!entry) break;
      state.outbox.update(entry.key, { state: 'sending' });
      showEntry(entry);
      let outcome;
      try {
        outcome = await state.hub.invoke('SubmitMark', {
          occupation: entry.occupation,
          idempotencyKey: entry.key,
          contestantId: entry.contestantId,
          criterionId: entry.criterionId,
          value: Number(entry.value),
        });
      } catch (error) {
        const attempts = (entry.attempts ?? 0) + 1;
        if (isClusterUnavailable(error) || (isUnexpectedServerError(error) && attempts < MAX_UNEXPECTED_FAILURES)) {
          // The cluster is away for now, or the server stumbled: keep the mark and try again with the same key.
          state.outbox.update(entry.key, { state: 'queued', attempts });
          showEntry(entry);
          scheduleFlush();
          break;
        }
        if (isServerRefusal(error) || isUnexpectedServerError(error)) {
          // Refused on purpose (or failing every time): show why, and let the queue move on.
          const refusal = hubRefusal(error);
          state.outbox.update(entry.key, { state: 'rejected', rejection: { code: refusal?.code ?? 'error', params: refusal?.params ?? {}, hub: true } });
          showEntry(entry);
          continue;
        }
        // The connection went: the reconnect sends it again, same key.
        state.outbox.update(entry.key, { state: 'queued' });
        showEntry(entry);
        break;
      }
      state.retryAttempt = 0;
      if (outcome.accepted) {
        state.outbox.update(entry.key, { state: 'saved', version: outcome.version, isCorrection: outcome.isCorrection, savedAt: Date.now() });
        state.myMarks.set(cell(entry.contestantId, entry.criterionId), { value: entry.value, idempotencyKey: entry.key });
        saveCache();
      } else {
        state.outbox.update(entry.key, { state: 'rejected', rejection: outcome.rejection });
      }
      showEntry(entry);
    }
  } finally {
    state.flushing = false;
    state.outbox?.prune();
    state.outbox?.save();
    renderQueue();
  }
}

function submitMark(criterion) {
  const contestantId = state.selected;
  const card = state.cards.get(criterion.id);
  const check = checkMark(card.input.value, criterion.max, criterion.step);
  if (!check.ok) {
    showInputError(criterion, check.error);
    card.input.focus();
    return;
  }
  state.outbox.add({ occupation: roundCode(), contestantId, criterionId: criterion.id, value: check.value });
  state.drafts.delete(cell(contestantId, criterion.id));
  card.input.value = check.value;
  updateCard(criterion);
  updateTabs();
  renderQueue();
  flush();
}

// ---------------------------------------------------------------- rendering

export function criteria() {
  return state.contest?.scheme?.modules?.flatMap(m => m.criteria) ?? [];
}

function renderAll() {
  $('#loading').hidden = !!state.contest;
  $('#offline-note').hidden = !state.fromCache;
  renderPhase();
  if (isChief()) {
    $('#judge-panel').hidden = true;
    $('#chief-panel').hidden = !state.contest;
    renderChief();
  } else {
    $('#chief-panel').hidden = true;
    $('#judge-panel').hidden = !state.contest;
    renderTabs();
    renderCriteria();
  }
  renderQueue();
}

/** In-place updates that keep focus and what the judge is typing. */
export function refresh() {
  $('#loading').hidden = !!state.contest;
  $('#offline-note').hidden = !state.fromCache;
  renderPhase();
  if (isChief()) { renderChief(); return; }
  for (const criterion of criteria()) updateCard(criterion);
  updateTabs();
  renderQueue();
}

function renderPhase() {
  const phase = state.phase;
  const badge = $('#phase');
  badge.hidden = false;
  badge.dataset.phase = phase ?? '';
  badge.textContent = `${t('phase.label')}：${t(`phase.${phase ?? 'unknown'}`)}`;
  $('#occupation-name').textContent = state.contest ? loc(state.contest.occupation.name) : '';
  const notLive = $('#not-live');
  const closed = isJudge() && phase && phase !== 'live';
  notLive.hidden = !closed;
  notLive.textContent = !closed ? ''
    : anyReopenedForMe() ? t('judge.notLiveRemark', { phase: t(`phase.${phase}`) })
    : t('judge.notLive', { phase: t(`phase.${phase}`) });
  $('#phase-note').textContent = isJudge() && phase === 'live' ? t('judge.live') : '';
}

/** The chief judge reopened this criterion of this contestant for the signed-in judge (ids as the tablet knows them). */
function reopenedForMe(contestantId, criterionId) {
  if (!isJudge() || !mayBeReopened(state.phase)) return false;
  const me = state.session.judgeId;
  return (state.status?.reopened ?? []).some(r =>
    r.contestantId === contestantId && r.criterionId === criterionId && (r.judgeIds ?? []).includes(me));
}

function anyReopenedForMe() {
  return (state.status?.reopened ?? []).some(r => reopenedForMe(r.contestantId, r.criterionId));
}

/** A judge enters marks while the round is live, and outside it only what the chief judge reopened for them. */
function entryOpen(contestantId, criterionId) {
  if (!isJudge()) return false;
  return state.phase === null || state.phase === 'live' || reopenedForMe(contestantId, criterionId);
}

function renderTabs() {
  const list = clear($('#contestants'));
  state.tabs.clear();
  for (const contestant of state.contest.contestants) {
    const meta = h('span', { class: 'meta' });
    const remark = h('span', { class: 'badge badge-remark', hidden: true }, t('judge.remarkRequested'));
    const button = h('button', {
      type: 'button', class: 'contestant-tab', dataset: { contestant: contestant.id },
      onclick: () => select(contestant.id),
    },
      h('span', { class: 'name' }, contestant.name),
      h('span', { class: 'tab-badges' }, h('span', { class: `badge badge-${contestant.role}` }, t(`role.${contestant.role}`)), remark),
      meta);
    state.tabs.set(contestant.id, { button, meta, remark });
    list.append(button);
  }
  updateTabs();
}

function updateTabs() {
  const all = criteria();
  for (const [id, tab] of state.tabs) {
    tab.button.setAttribute('aria-current', String(id === state.selected));
    const marked = all.filter(c => state.myMarks.has(cell(id, c.id))).length;
    const waiting = state.outbox.unsent().filter(e => e.contestantId === id).length;
    tab.meta.textContent = t('judge.markedCount', { n: marked, total: all.length }) + (waiting ? ` · ${t('judge.pending')} ${waiting}` : '');
    const remark = all.some(c => reopenedForMe(id, c.id));
    tab.remark.hidden = !remark;
    tab.button.dataset.remark = String(remark);
  }
}

function select(contestantId) {
  state.selected = contestantId;
  sessionStorage.setItem(SELECTED_KEY, contestantId);
  updateTabs();
  renderCriteria();
}

function renderCriteria() {
  const root = clear($('#criteria'));
  state.cards.clear();
  const contestant = state.contest.contestants.find(c => c.id === state.selected);
  if (!contestant) return;
  root.append(h('h2', { class: 'contestant-heading' }, contestant.name, ' ',
    h('span', { class: `badge badge-${contestant.role}` }, t(`role.${contestant.role}`))));
  for (const module of state.contest.scheme.modules) {
    const headingId = `module-${module.id}`;
    const grid = h('div', { class: 'criteria' });
    root.append(h('section', { class: 'module', 'aria-labelledby': headingId },
      h('h3', { id: headingId }, loc(module.name)), grid));
    for (const criterion of module.criteria) grid.append(criterionCard(criterion));
  }
  for (const criterion of criteria()) updateCard(criterion);
}

function criterionCard(criterion) {
  const id = `mark-${criterion.id}`;
  const key = cell(state.selected, criterion.id);
  const step = plain(criterion.step);
  const input = h('input', {
    id, type: 'text', inputmode: 'decimal', autocomplete: 'off', enterkeyhint: 'done',
    'aria-describedby': `${id}-remark ${id}-rules ${id}-error ${id}-state`,
  });
  const remark = h('span', { class: 'badge badge-remark', id: `${id}-remark`, hidden: true }, t('judge.remarkRequested'));
  const error = h('p', { class: 'error-text', id: `${id}-error`, 'aria-live': 'polite' });
  const chip = h('span', { class: 'chip', 'data-state': 'none' });
  const progress = h('span', { class: 'progress' });
  const minus = h('button', { type: 'button', class: 'btn-secondary step-down', 'aria-label': t('judge.decrease', { step }) }, '−');
  const plus = h('button', { type: 'button', class: 'btn-secondary step-up', 'aria-label': t('judge.increase', { step }) }, '+');
  const submit = h('button', { type: 'submit', class: 'submit-mark' }, t('judge.submit'));
  const form = h('form', { class: 'card criterion', dataset: { criterion: criterion.id }, novalidate: true },
    h('header', null,
      h('h4', null, h('span', { class: 'cid' }, criterion.id), h('label', { for: id }, loc(criterion.name))),
      h('span', { class: 'card-badges' }, remark,
        h('span', { class: 'badge badge-phase', title: t(`kind.${criterion.kind}Hint`) }, t(`kind.${criterion.kind}`)))),
    h('p', { class: 'rules', id: `${id}-rules` },
      t('judge.range', { max: plain(criterion.max), step }),
      criterion.tolerance != null ? ` · ${t('judge.tolerance', { tolerance: plain(criterion.tolerance) })}` : '',
      ` · ${t(`kind.${criterion.kind}Hint`)}`),
    h('div', { class: 'entry' }, minus, input, plus, submit),
    error,
    h('div', { class: 'mark-state', id: `${id}-state`, 'aria-live': 'polite' }, chip, progress));

  const initial = state.drafts.get(key) ?? currentValue(state.selected, criterion.id);
  input.value = initial ?? '';

  const onEdit = () => {
    state.drafts.set(cell(state.selected, criterion.id), input.value);
    validate(criterion);
  };
  input.addEventListener('input', onEdit);
  minus.addEventListener('click', () => { input.value = stepMark(input.value, criterion.max, criterion.step, -1); onEdit(); });
  plus.addEventListener('click', () => { input.value = stepMark(input.value, criterion.max, criterion.step, +1); onEdit(); });
  form.addEventListener('submit', event => { event.preventDefault(); submitMark(criterion); });

  state.cards.set(criterion.id, { root: form, input, minus, plus, submit, chip, error, progress, remark });
  validate(criterion);
  return form;
}

/** The value the judge last entered for a criterion: pending, else saved. */
function currentValue(contestantId, criterionId) {
  const latest = state.outbox.latestFor(contestantId, criterionId);
  if (latest && (latest.state === 'queued' || latest.state === 'sending')) return latest.value;
  return state.myMarks.get(cell(contestantId, criterionId))?.value ?? latest?.value ?? null;
}

function validate(criterion) {
  const card = state.cards.get(criterion.id);
  if (!card) return false;
  const text = card.input.value.trim();
  if (!text) {
    showInputError(criterion, null);
    card.submit.disabled = true;
    return false;
  }
  const check = checkMark(text, criterion.max, criterion.step);
  showInputError(criterion, check.ok ? null : check.error);
  // Nothing to send when the value is the one that already stands (unless it was refused).
  const latest = state.outbox.latestFor(state.selected, criterion.id);
  const unchanged = check.ok && latest?.state !== 'rejected' && check.value === currentValue(state.selected, criterion.id);
  card.submit.disabled = !check.ok || !entryOpen(state.selected, criterion.id) || unchanged;
  return check.ok;
}

function showInputError(criterion, error) {
  const card = state.cards.get(criterion.id);
  if (!card) return;
  const step = plain(criterion.step), max = plain(criterion.max);
  card.error.textContent = error === 'number' ? t('judge.errNumber')
    : error === 'range' ? t('judge.errRange', { max })
    : error === 'step' ? t('judge.errStep', { step })
    : '';
  if (error) card.input.setAttribute('aria-invalid', 'true'); else card.input.removeAttribute('aria-invalid');
}

function rejectionReason(rejection) {
  if (!rejection) return '';
  // A hub refusal (InvalidNumber, WrongOccupation …) reads like any refusal; a rejected mark by its own code.
  if (rejection.hub && !t(`reject.${rejection.code}`).startsWith('reject.')) return rejectionText(rejection.code, rejection.params);
  return rejection.hub ? refusalText(rejection.code, rejection.params) : rejectionText(rejection.code, rejection.params);
}

function updateCard(criterion) {
  const card = state.cards.get(criterion.id);
  if (!card) return;
  const contestantId = state.selected;
  const key = cell(contestantId, criterion.id);
  const latest = state.outbox.latestFor(contestantId, criterion.id);
  const saved = state.myMarks.get(key);

  let chipState = 'none', text = t('judge.notMarked');
  if (latest?.state === 'queued') { chipState = 'pending'; text = t('judge.pendingValue', { value: plain(latest.value) }); }
  else if (latest?.state === 'sending') { chipState = 'sending'; text = t('judge.sending', { value: plain(latest.value) }); }
  else if (latest?.state === 'rejected') {
    chipState = 'rejected';
    text = t('judge.rejectedValue', { value: plain(latest.value), reason: rejectionReason(latest.rejection) });
    if (saved) text += ` · ${t('judge.stillSaved', { value: plain(saved.value) })}`;
  } else if (saved) {
    chipState = 'saved';
    text = t('judge.savedValue', { value: plain(saved.value) });
    if (latest?.key === saved.idempotencyKey && latest.isCorrection) text += ` ${t('judge.correction')}`;
  }
  card.chip.dataset.state = chipState;
  card.root.dataset.state = chipState;
  card.chip.textContent = text;

  const p = state.progress.get(key);
  clear(card.progress);
  if (p) {
    card.progress.append(t('judge.panelMarks', { n: p.markCount }));
    if (p.isFinal) card.progress.append(` · ${t('judge.final')}`);
    if (p.flag && p.flag !== 'none')
      card.progress.append(' ', h('span', { class: 'badge badge-flag', dataset: { flag: p.flag } }, `⚑ ${t(`flag.${p.flag}`)}`));
  }

  // Keep what is typed; otherwise show the value that stands now.
  if (!state.drafts.has(key) && document.activeElement !== card.input) {
    const value = currentValue(contestantId, criterion.id);
    if (value !== null && card.input.value !== value) card.input.value = value;
  }
  const remark = reopenedForMe(contestantId, criterion.id);
  card.remark.hidden = !remark;
  card.root.dataset.remark = String(remark);
  const open = entryOpen(contestantId, criterion.id);
  card.input.disabled = !open;
  card.minus.disabled = !open;
  card.plus.disabled = !open;
  validate(criterion);
}

/** Shows an outbox entry's new state if its contestant is on screen. */
function showEntry(entry) {
  if (entry.contestantId === state.selected) {
    const criterion = criteria().find(c => c.id === entry.criterionId);
    if (criterion) updateCard(criterion);
  }
  updateTabs();
  renderQueue();
}

function renderQueue() {
  const bar = $('#queue');
  if (!state.outbox || !isJudge()) { bar.hidden = true; return; }
  const n = state.outbox.unsent().length;
  bar.hidden = n === 0;
  bar.className = 'alert alert-warn';
  bar.textContent = n ? t('judge.queued', { n }) : '';
  bar.dataset.count = String(n);
}
