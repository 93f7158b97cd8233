// Judge tablet: sign in with the access code, mark the contestants of one's own occupation, see
// each mark as saved, pending or rejected. Marks go through the outbox (localStorage) so a dropped
// connection or a reload loses nothing and a resend never double-counts (same idempotency key).
// The chief judge sees the panel's marks and flags instead, and resolves them: reopen for named
// judges, or confirm with a written reason; then signs the round off. The edition's officials
// (encryption officer, arbitration group) sign in here too and act on one occupation's round.
import { t, loc, lang, locale, mountLangSwitch, onLangChange } from '../js/i18n.js';
import { h, $, clear, fill, appUrl, delay } from '../js/dom.js';
import { api, occupations as fetchOccupations, definition as fetchDefinition } from '../js/api.js';
import { LiveConnection, indicatorMarkup, isClusterUnavailable, isServerRefusal, isUnexpectedServerError, hubErrorText, backoff } from '../js/hub.js';
import { Outbox } from '../js/outbox.js';
import { score, plain, checkMark, stepMark } from '../js/format.js';

const SESSION_KEY = 'craftsman.judge.session';
const SELECTED_KEY = 'craftsman.judge.selected';
const OCCUPATION_KEY = 'craftsman.official.occupation';
const MAX_UNEXPECTED_FAILURES = 5;
const PHASES = ['draft', 'checkIn', 'live', 'review', 'signedOff', 'published', 'final'];

const state = {
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
  official: null,         // officials' view, see startOfficials()
};

const cell = (contestantId, criterionId) => `${contestantId}|${criterionId}`;
const role = () => state.session?.role;
const isChief = () => role() === 'chief';
const isJudge = () => role() === 'judge';
const isOfficial = () => role() === 'officer' || role() === 'arbiter';
const phaseAtLeast = (phase, than) => PHASES.indexOf(phase) >= PHASES.indexOf(than);
/** Only in Review, or after publication when an appeal was upheld, can a criterion be open to a judge outside Live. */
const mayBeReopened = phase => phase === 'review' || phase === 'published';

// ---------------------------------------------------------------- boot

const indicator = indicatorMarkup();
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

function signOut(messageKey) {
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
}

// ---------------------------------------------------------------- session

function cacheKey() {
  return `craftsman.judge.cache.${state.session.editionId}.${state.session.judgeId}`;
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

  state.outbox = new Outbox(`craftsman.outbox.${s.editionId}.${s.judgeId}`);
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
    url: appUrl('/hubs/judging'),
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

function applyProgress(update) {
  state.phase = update.phase;
  state.panelVersion = update.version;
  state.progress.clear();
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
function refreshStatus() {
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
  const gap = state.panelVersion >= 0 && update.version > state.panelVersion + 1;
  applyProgress(update);
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

function onScoresheetChanged(sheet) {
  if (!isChief()) return;
  state.sheets.set(sheet.contestantId, sheet);
  state.sheetSeq++;
  renderChief();
  refreshStatus();
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
          state.outbox.update(entry.key, { state: 'rejected', rejection: { code: 'error', message: hubErrorText(error) } });
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
  state.outbox.add({ occupation: state.session.occupation, contestantId, criterionId: criterion.id, value: check.value });
  state.drafts.delete(cell(contestantId, criterion.id));
  card.input.value = check.value;
  updateCard(criterion);
  updateTabs();
  renderQueue();
  flush();
}

// ---------------------------------------------------------------- rendering

function criteria() {
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
function refresh() {
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
  const code = rejection.code ?? 'error';
  const known = t(`reject.${code}`);
  const label = known === `reject.${code}` ? t('reject.error') : known;
  return rejection.message ? `${label}（${rejection.message}）` : label;
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

// ---------------------------------------------------------------- chief judge

const panelJudges = () => state.contest?.panel?.filter(p => p.role === 'judge') ?? [];

function judgeName(id, panel = state.contest?.panel) {
  if (!id) return '';
  if (id === 'organiser') return t('role.organiser');
  if (id === state.session?.judgeId) return state.session.name;
  return panel?.find(p => p.id === id)?.name ?? id;
}

function dateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(locale(), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** One fact of a status list; a <div> groups its <dt> and <dd>, as HTML allows inside <dl>. */
function fact(key, label, ...value) {
  return h('div', { dataset: { fact: key } }, h('dt', null, label), h('dd', null, ...value));
}

function blindText(status) {
  return !status.blind ? t('judge.blindNo') : status.numbersDrawn ? t('judge.blindDrawn') : t('judge.blindNotDrawn');
}

function approvalsText(status) {
  const approvals = status.revealApprovals ?? [];
  return [['chief', 'role.chief'], ['encryptionOfficer', 'role.officer']]
    .map(([who, key]) => t('judge.approval', { role: t(key), state: approvals.includes(who) ? t('judge.approved') : t('judge.notApproved') }))
    .join(' · ');
}

function showMessage(el, message) {
  el.textContent = message ? message.text() : '';
  el.className = `action-message${message ? ` alert ${message.ok ? 'alert-ok' : 'alert-bad'}` : ''}`;
}

/** The status says which flags are still open; until it has caught up with the marks, every flag counts as open. */
function isOpenFlag(contestantId, criterionId) {
  const open = state.status?.openFlags;
  return !open || state.statusSeq < state.sheetSeq || open.some(f => f.contestantId === contestantId && f.criterionId === criterionId);
}

function reopenedEntry(contestantId, criterionId) {
  return (state.status?.reopened ?? []).find(r => r.contestantId === contestantId && r.criterionId === criterionId) ?? null;
}

/** After publication an upheld appeal hands its criterion back to the chief judge. */
function upheldAppeal(contestantId, criterionId) {
  return (state.status?.appeals ?? []).some(a => a.status === 'upheld' && a.contestantId === contestantId && a.criterionId === criterionId);
}

function renderChiefStatus() {
  const s = state.status;
  const facts = clear($('#chief-facts'));
  facts.hidden = !s;
  const phase = s?.phase ?? state.phase;
  if (s) {
    const contestants = state.contest?.contestants ?? [];
    const reopened = (s.reopened ?? []).map(r => {
      const criterion = criteria().find(c => c.id === r.criterionId);
      const who = contestants.find(c => c.id === r.contestantId)?.name ?? r.contestantId;
      return h('li', { dataset: { contestant: r.contestantId, criterion: r.criterionId } },
        `${who} · ${r.criterionId} ${criterion ? loc(criterion.name) : ''} → ${(r.judgeIds ?? []).map(id => judgeName(id)).join('、')}`);
    });
    fill(facts,
      fact('phase', t('phase.label'), t(`phase.${s.phase}`)),
      fact('flags', t('judge.statusFlags'), String(s.openFlags?.length ?? 0)),
      fact('reopened', t('judge.statusReopened'), reopened.length ? h('ul', { class: 'plain-list' }, reopened) : t('judge.none')),
      fact('blind', t('judge.statusBlind'), blindText(s)),
      s.blind ? fact('approvals', t('judge.statusApprovals'), approvalsText(s)) : null,
      fact('signedOff', t('judge.statusSignedOff'), s.signedOffBy ? `${judgeName(s.signedOffBy)} · ${dateTime(s.signedOffAt)}` : t('judge.notSignedOff')));
  }
  const openFlags = s?.openFlags?.length ?? 0;
  $('#chief-note').textContent = phase === 'live' && openFlags > 0 ? t('judge.flagsInReview') : '';

  const signOff = $('#sign-off');
  signOff.disabled = !s || s.phase !== 'review' || openFlags > 0 || signOff.dataset.busy === 'true';
  $('#sign-off-hint').hidden = !!phase && phaseAtLeast(phase, 'signedOff');

  const approve = $('#chief-approve');
  approve.hidden = !s?.blind;
  $('#chief-approve-hint').hidden = !s?.blind;
  approve.disabled = !s || s.phase !== 'signedOff' || (s.revealApprovals ?? []).includes('chief') || approve.dataset.busy === 'true';
  showMessage($('#chief-message'), state.chiefMessage);
}

function renderChief() {
  renderChiefStatus();
  const root = clear($('#sheets'));
  if (!state.contest) return;
  const judges = panelJudges();
  const phase = state.status?.phase ?? state.phase;
  for (const contestant of state.contest.contestants) {
    const sheet = state.sheets.get(contestant.id);
    const headingId = `sheet-${contestant.id}`;
    const table = h('table', { class: 'marks-table' },
      h('caption', { class: 'visually-hidden' }, contestant.name),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('judge.criteria')),
        judges.map(j => h('th', { scope: 'col' }, j.name)),
        h('th', { scope: 'col' }, t('judge.aggregate')),
        h('th', { scope: 'col' }, t('judge.count')),
        h('th', { scope: 'col' }, t('judge.spread')),
        h('th', { scope: 'col' }, t('judge.result')),
        h('th', { scope: 'col' }, t('judge.chiefActions')))));
    for (const module of state.contest.scheme.modules) {
      const body = h('tbody');
      table.append(body);
      body.append(h('tr', null, h('th', { scope: 'rowgroup', colspan: judges.length + 6, class: 'module-row' }, loc(module.name))));
      for (const criterion of module.criteria) body.append(chiefRow(contestant, criterion, sheet, judges, phase));
    }
    const modules = (sheet?.modules ?? []).map(m => {
      const module = state.contest.scheme.modules.find(x => x.id === m.moduleId);
      return `${module ? loc(module.name) : m.moduleId} ${score(m.score)}/${plain(m.max)}`;
    }).join(' · ');
    root.append(h('section', { class: 'card sheet', 'aria-labelledby': headingId, dataset: { contestant: contestant.id } },
      h('h3', { id: headingId, tabindex: '-1' }, contestant.name,
        h('span', { class: `badge badge-${contestant.role}` }, t(`role.${contestant.role}`)),
        h('span', { class: 'score' }, t('judge.compositeOf', { value: score(sheet?.composite ?? 0) })),
        h('span', { class: 'hint' }, modules)),
      table));
  }
}

function chiefRow(contestant, criterion, sheet, judges, phase) {
  const aggregate = sheet?.criteria?.find(c => c.criterionId === criterion.id);
  const flagged = !!aggregate?.flag && aggregate.flag !== 'none';
  const open = flagged && isOpenFlag(contestant.id, criterion.id);
  const upheld = upheldAppeal(contestant.id, criterion.id);
  const reopened = reopenedEntry(contestant.id, criterion.id);
  // The server is the judge of it; the buttons only say when asking makes sense.
  const canAct = (phase === 'review' && open) || (phase === 'published' && upheld);
  const row = h('tr', { class: open ? 'flagged' : flagged ? 'confirmed' : '', dataset: { criterion: criterion.id } },
    h('th', { scope: 'row' }, `${criterion.id} ${loc(criterion.name)}`));
  for (const judge of judges) {
    const mark = sheet?.marks?.find(m => m.judgeId === judge.id && m.criterionId === criterion.id);
    const dropped = aggregate?.droppedJudgeIds?.includes(judge.id);
    row.append(h('td', { class: `num${dropped ? ' dropped' : ''}`, title: dropped ? t('judge.dropped') : null, dataset: { judge: judge.id } },
      mark ? plain(mark.value) : '–'));
  }
  const result = h('td', { class: 'result' });
  if (flagged)
    result.append(h('span', { class: `badge ${open ? 'badge-flag' : 'badge-confirmed'}`, dataset: { flag: aggregate.flag } },
      `⚑ ${t(`flag.${aggregate.flag}`)}${open ? '' : ` · ${t('judge.flagConfirmed')}`}`));
  else if (aggregate?.isFinal) result.append(t('judge.final'));
  if (upheld) result.append(' ', h('span', { class: 'badge badge-remark' }, t('judge.appealUpheld')));
  if (reopened) result.append(' ', h('span', { class: 'badge badge-remark', dataset: { reopened: 'true' } },
    t('judge.remarking', { judges: (reopened.judgeIds ?? []).map(id => judgeName(id)).join('、') })));

  const key = cell(contestant.id, criterion.id);
  const note = state.chiefNotes.get(key);
  const where = `${contestant.name} · ${criterion.id} ${loc(criterion.name)}`;
  const actions = h('td', { class: 'actions' },
    open || upheld ? h('span', { class: `chief-actions${canAct ? ' ready' : ''}` },
      h('button', {
        type: 'button', class: 'btn-secondary', dataset: { action: 'reopen' }, disabled: !canAct,
        'aria-label': t('judge.reopenFor', { where }), onclick: () => openReopen(contestant, criterion),
      }, t('judge.reopen')),
      h('button', {
        type: 'button', class: 'btn-secondary', dataset: { action: 'confirm' }, disabled: !canAct,
        'aria-label': t('judge.confirmFor', { where }), onclick: () => openConfirm(contestant, criterion),
      }, t('judge.confirm'))) : '',
    note ? h('p', { class: `chief-row-note ${note.ok ? 'ok-text' : 'error-text'}`, dataset: { note: note.ok ? 'ok' : 'refused' } }, note.text()) : null);
  row.append(
    h('td', { class: 'num' }, aggregate?.value != null ? score(aggregate.value) : '–'),
    h('td', { class: 'num' }, String(aggregate?.markCount ?? 0)),
    h('td', { class: 'num' }, aggregate?.spread != null ? plain(aggregate.spread) : '–'),
    result,
    actions);
  return row;
}

function dialogContext(contestant, criterion) {
  const aggregate = state.sheets.get(contestant.id)?.criteria?.find(c => c.criterionId === criterion.id);
  const flag = aggregate?.flag && aggregate.flag !== 'none' ? ` · ⚑ ${t(`flag.${aggregate.flag}`)}` : '';
  const spread = aggregate?.spread != null ? ` · ${t('judge.spread')} ${plain(aggregate.spread)}` : '';
  const tolerance = criterion.tolerance != null ? ` · ${t('judge.tolerance', { tolerance: plain(criterion.tolerance) })}` : '';
  return `${contestant.name} · ${criterion.id} ${loc(criterion.name)}${flag}${spread}${tolerance}`;
}

/** Every judge who marked the criterion comes ticked: the chief unticks whoever need not re-mark. */
function openReopen(contestant, criterion) {
  const marks = (state.sheets.get(contestant.id)?.marks ?? []).filter(m => m.criterionId === criterion.id);
  const list = clear($('#reopen-judges'));
  for (const judge of panelJudges()) {
    const mark = marks.find(m => m.judgeId === judge.id);
    const id = `reopen-${judge.id}`;
    list.append(h('div', { class: 'tick' },
      h('input', { type: 'checkbox', id, value: judge.id, checked: marks.length ? !!mark : true }),
      h('label', { for: id }, judge.name, ' ',
        h('span', { class: 'hint' }, mark ? t('judge.markOf', { value: plain(mark.value) }) : t('judge.noMark')))));
  }
  $('#reopen-context').textContent = dialogContext(contestant, criterion);
  $('#reopen-error').textContent = '';
  state.dialog = { contestantId: contestant.id, criterionId: criterion.id, action: 'reopen' };
  $('#reopen-dialog').showModal();
  $('#reopen-judges input')?.focus();
}

function openConfirm(contestant, criterion) {
  $('#confirm-context').textContent = dialogContext(contestant, criterion);
  $('#confirm-error').textContent = '';
  const reason = $('#confirm-reason');
  reason.value = '';
  reason.removeAttribute('aria-invalid');
  state.dialog = { contestantId: contestant.id, criterionId: criterion.id, action: 'confirm' };
  $('#confirm-dialog').showModal();
  reason.focus();
}

/** A chief judge's command on the hub: { ok } or { ok: false, text() } with the server's own words. */
async function chiefCommand(method, ...args) {
  try {
    const result = await state.hub.invoke(method, ...args);
    if (result?.succeeded) return { ok: true };
    const message = result?.error ?? result?.code ?? '';
    return { ok: false, text: () => t('judge.refused', { message }) };
  } catch (error) {
    const message = hubErrorText(error);
    return { ok: false, text: () => isServerRefusal(error) ? t('judge.refused', { message }) : t('judge.notSent', { message }) };
  }
}

/** After the chief's own action: the marks, the status and the phase as they stand now. */
async function reloadChief() {
  const hub = state.hub;
  if (!hub) return;
  try {
    const sheets = await hub.invoke('GetPanelMarks');
    const seq = state.sheetSeq;
    const status = await hub.invoke('GetStatus');
    const progress = await hub.invoke('GetPanelProgress');
    if (hub !== state.hub) return;
    state.sheets = new Map(sheets.map(sheet => [sheet.contestantId, sheet]));
    state.status = status;
    state.statusSeq = seq;
    if (progress.version >= state.panelVersion) applyProgress(progress);
    refresh();
  } catch {
    // The pushes and the next reconnect bring it.
  }
}

function targetName(target) {
  const contestant = state.contest?.contestants?.find(c => c.id === target.contestantId);
  return { contestant: contestant?.name ?? target.contestantId, criterion: target.criterionId };
}

async function submitDialog(dialog, errorEl, submit, run) {
  const target = state.dialog;
  if (!target) return;
  submit.disabled = true;
  errorEl.textContent = t('judge.working');
  const outcome = await run(target);
  submit.disabled = false;
  const key = cell(target.contestantId, target.criterionId);
  if (outcome.ok) {
    state.chiefNotes.set(key, { ok: true, text: outcome.done });
    errorEl.textContent = '';
    dialog.close();
    renderChief();
    await reloadChief();
  } else {
    // Shown in the dialog to act on, and by the row once it is closed.
    state.chiefNotes.set(key, { ok: false, text: outcome.text });
    errorEl.textContent = outcome.text();
    renderChief();
  }
}

function wireChiefControls() {
  const reopenDialog = $('#reopen-dialog');
  const confirmDialog = $('#confirm-dialog');
  for (const dialog of [reopenDialog, confirmDialog]) {
    for (const button of dialog.querySelectorAll('[data-close]')) button.addEventListener('click', () => dialog.close());
    // The row's button was drawn again while the dialog was open: give focus back to its successor.
    dialog.addEventListener('close', () => {
      const target = state.dialog;
      state.dialog = null;
      if (!target) return;
      const sheet = [...document.querySelectorAll('#sheets section.sheet')].find(s => s.dataset.contestant === target.contestantId);
      const row = sheet && [...sheet.querySelectorAll('tr[data-criterion]')].find(r => r.dataset.criterion === target.criterionId);
      const button = row?.querySelector(`button[data-action="${target.action}"]`);
      if (button && !button.disabled) button.focus();
      else sheet?.querySelector('h3')?.focus();
    });
  }

  $('#reopen-form').addEventListener('submit', event => {
    event.preventDefault();
    const error = $('#reopen-error');
    const judgeIds = [...document.querySelectorAll('#reopen-judges input[type="checkbox"]')].filter(i => i.checked).map(i => i.value);
    if (!judgeIds.length) {
      error.textContent = t('judge.reopenNone');
      $('#reopen-judges input')?.focus();
      return;
    }
    submitDialog(reopenDialog, error, $('#reopen-submit'), async target => {
      const outcome = await chiefCommand('ReopenCriterion', target.contestantId, target.criterionId, judgeIds);
      const names = judgeIds.map(id => judgeName(id)).join('、');
      return outcome.ok ? { ok: true, done: () => t('judge.reopened', { judges: names, ...targetName(target) }) } : outcome;
    });
  });

  $('#confirm-form').addEventListener('submit', event => {
    event.preventDefault();
    const error = $('#confirm-error');
    const field = $('#confirm-reason');
    const reason = field.value.trim();
    if (!reason) {
      error.textContent = t('judge.reasonRequired');
      field.setAttribute('aria-invalid', 'true');
      field.focus();
      return;
    }
    field.removeAttribute('aria-invalid');
    submitDialog(confirmDialog, error, $('#confirm-submit'), async target => {
      const outcome = await chiefCommand('ConfirmCriterion', target.contestantId, target.criterionId, reason);
      return outcome.ok ? { ok: true, done: () => t('judge.confirmed', targetName(target)) } : outcome;
    });
  });
  $('#confirm-reason').addEventListener('input', () => {
    if ($('#confirm-reason').value.trim()) $('#confirm-reason').removeAttribute('aria-invalid');
  });

  $('#sign-off').addEventListener('click', () => {
    if (confirm(t('judge.signOffConfirm'))) roundCommand($('#sign-off'), 'SignOff', () => t('judge.signedOffDone'));
  });
  $('#chief-approve').addEventListener('click', () => roundCommand($('#chief-approve'), 'ApproveReveal', () => t('judge.revealApproved')));
}

async function roundCommand(button, method, done) {
  button.dataset.busy = 'true';
  button.disabled = true;
  state.chiefMessage = { ok: true, text: () => t('judge.working') };
  showMessage($('#chief-message'), state.chiefMessage);
  const outcome = await chiefCommand(method);
  button.dataset.busy = 'false';
  state.chiefMessage = outcome.ok ? { ok: true, text: done } : { ok: false, text: outcome.text };
  renderChiefStatus();
  if (outcome.ok) await reloadChief();
}

// ---------------------------------------------------------------- officials

function startOfficials() {
  $('#loading').hidden = true;
  $('#offline-note').hidden = true;
  $('#queue').hidden = true;
  $('#judge-panel').hidden = true;
  $('#chief-panel').hidden = true;
  $('#officials-panel').hidden = false;
  const o = state.official = {
    occupations: [],
    code: localStorage.getItem(OCCUPATION_KEY) || null,
    followed: null,          // the occupation whose public board the live hub follows
    definition: null,        // names of contestants, criteria and panel (anonymous; masked while blind)
    definitionPhase: null,
    status: null,
    error: null,
    message: null,           // { ok, text() } the answer to the last action
    busy: null,
    again: false,
    drafts: new Map(),       // appeal number → { decision, reason } as typed
    appealsKey: null,
    hub: null,
  };
  // The public board changes with every change to the round (draw, approvals, appeals): the anonymous
  // live hub says when, and the status is then read with the official's token.
  o.hub = new LiveConnection({
    url: appUrl('/hubs/live'),
    indicator,
    onReady: async () => {
      o.followed = null;
      if (o.code) {
        await o.hub.invoke('FollowOccupation', state.session.editionId, o.code);
        o.followed = o.code;
      }
      await refreshOfficial();
    },
  });
  o.hub.on('LeaderboardChanged', board => {
    if (board?.occupationCode === o.code) refreshOfficial();
  });
  renderOfficial();
  loadOccupations(o);
  o.hub.start();
}

async function loadOccupations(o) {
  for (let attempt = 0; o === state.official; attempt++) {
    try {
      o.occupations = await fetchOccupations(state.session.editionId);
      if (!o.occupations.some(x => x.code === o.code)) o.code = null;
      o.error = null;
      renderOccupationPicker();
      renderOfficial();
      return;
    } catch (error) {
      o.error = error;
      renderOfficial();
      await delay(backoff(attempt));
    }
  }
}

function renderOccupationPicker() {
  const o = state.official;
  const select = $('#official-occupation');
  fill(select,
    h('option', { value: '' }, t('official.chooseOccupation')),
    o.occupations.map(x => h('option', { value: x.code }, `${loc(x.name)}（${x.code}）`)));
  select.value = o.code ?? '';
}

function occupationBase() {
  const o = state.official;
  return `/api/editions/${encodeURIComponent(state.session.editionId)}/occupations/${encodeURIComponent(o.code)}`;
}

function problemText(error) {
  return error?.problem?.detail || error?.problem?.title || error?.message || String(error);
}

/** Reads the chosen occupation's status; a change announced meanwhile is read once more afterwards. */
function refreshOfficial() {
  const o = state.official;
  if (!o) return Promise.resolve();
  if (!o.code) { renderOfficial(); return Promise.resolve(); }
  if (o.busy) {
    o.again = true;
    return o.busy;
  }
  o.busy = (async () => {
    try {
      do {
        o.again = false;
        const code = o.code;
        if (!code) break;
        const status = await api(`${occupationBase()}/status`, { token: state.session.token });
        // The definition changes only when publication unmasks a blind round.
        const definition = o.definition && o.definitionPhase === status.phase && o.definition.occupation?.code === code
          ? o.definition
          : await fetchDefinition(state.session.editionId, code);
        if (o !== state.official || code !== o.code) continue;
        o.status = status;
        o.definition = definition;
        o.definitionPhase = status.phase;
        o.error = null;
        renderOfficial();
      } while (o.again && o === state.official);
    } catch (error) {
      if (error?.status === 401) { signOut('judge.sessionExpired'); return; }
      if (o === state.official) {
        o.error = error;
        renderOfficial();
      }
    } finally {
      o.busy = null;
    }
  })();
  return o.busy;
}

async function chooseOccupation(code) {
  const o = state.official;
  if (!o || code === o.code) return;
  o.code = code;
  o.status = null;
  o.definition = null;
  o.definitionPhase = null;
  o.message = null;
  o.drafts.clear();
  o.appealsKey = null;
  if (code) localStorage.setItem(OCCUPATION_KEY, code); else localStorage.removeItem(OCCUPATION_KEY);
  renderOfficial();
  if (o.hub.connected) {
    try {
      if (o.followed) await o.hub.invoke('UnfollowOccupation', state.session.editionId, o.followed);
      o.followed = null;
      if (code) {
        await o.hub.invoke('FollowOccupation', state.session.editionId, code);
        o.followed = code;
      }
    } catch {
      // The next reconnect follows the occupation chosen by then.
    }
  }
  await refreshOfficial();
}

function renderOfficial() {
  const o = state.official;
  if (!o) return;
  const s = o.status;
  const officer = role() === 'officer';
  const occupation = o.occupations.find(x => x.code === o.code);
  $('#officials-title').textContent = t(`role.${role()}`);
  const badge = $('#phase');
  badge.dataset.phase = s?.phase ?? '';
  badge.textContent = `${t('phase.label')}：${t(`phase.${s?.phase ?? 'unknown'}`)}`;
  badge.hidden = !s;
  $('#occupation-name').textContent = occupation ? loc(occupation.name) : '';
  $('#phase-note').textContent = '';
  $('#not-live').hidden = true;

  const error = $('#official-error');
  error.hidden = !o.error;
  error.textContent = o.error ? t('official.loadFailed', { message: problemText(o.error) }) : '';

  $('#official-status').hidden = !s;
  const facts = clear($('#official-facts'));
  if (s) {
    const total = o.definition?.contestants?.length;
    const checkedIn = s.checkedIn?.length ?? 0;
    fill(facts,
      fact('phase', t('phase.label'), t(`phase.${s.phase}`)),
      fact('blind', t('judge.statusBlind'), blindText(s)),
      fact('checkedIn', t('official.checkedIn'), total != null ? t('official.checkedInCount', { n: checkedIn, total }) : String(checkedIn)),
      s.blind ? fact('approvals', t('judge.statusApprovals'), approvalsText(s)) : null,
      fact('signedOff', t('judge.statusSignedOff'), s.signedOffBy ? `${judgeName(s.signedOffBy, o.definition?.panel)} · ${dateTime(s.signedOffAt)}` : t('judge.notSignedOff')),
      s.objectionWindowClosesAt ? fact('objectionWindow', t('official.objectionWindow'), dateTime(s.objectionWindowClosesAt)) : null);
  }

  $('#officer-actions').hidden = !officer || !s;
  if (officer && s) {
    const draw = $('#draw-numbers');
    draw.disabled = !s.blind || s.phase !== 'checkIn' || draw.dataset.busy === 'true';
    const approve = $('#officer-approve');
    approve.disabled = !s.blind || s.phase !== 'signedOff' || (s.revealApprovals ?? []).includes('encryptionOfficer') || approve.dataset.busy === 'true';
  }
  showMessage($('#official-message'), o.message);
  renderAppeals();
}

/** Appeals are drawn again only when they change, so a ruling being typed keeps its text and focus. */
function renderAppeals() {
  const o = state.official;
  const s = o.status;
  const section = $('#appeals-section');
  section.hidden = role() !== 'arbiter' || !s;
  if (section.hidden) return;
  const key = JSON.stringify([o.code, lang(), s.appeals, !!o.definition]);
  if (key === o.appealsKey) return;
  o.appealsKey = key;
  const focused = document.activeElement?.id;
  const root = clear($('#appeals'));
  if (!s.appeals?.length) root.append(h('p', { class: 'hint' }, t('official.noAppeals')));
  for (const appeal of s.appeals ?? []) root.append(appealCard(appeal));
  if (focused && root.contains(document.getElementById(focused))) document.getElementById(focused).focus();
}

function appealCard(appeal) {
  const o = state.official;
  const n = appeal.number;
  const contestant = o.definition?.contestants?.find(c => c.id === appeal.contestantId);
  const criterion = (o.definition?.scheme?.modules ?? []).flatMap(m => m.criteria).find(c => c.id === appeal.criterionId);
  const panel = o.definition?.panel;
  const card = h('article', { class: 'appeal-card', dataset: { appeal: String(n), status: appeal.status }, 'aria-labelledby': `appeal-${n}-title` },
    h('h4', { id: `appeal-${n}-title` }, t('official.appealNumber', { n }), ' ',
      h('span', { class: 'badge appeal-state', dataset: { status: appeal.status } }, t(`official.appeal.${appeal.status}`))),
    h('dl', { class: 'tablet-facts' },
      fact('contestant', t('official.contestant'), contestant ? `${contestant.name}（${contestant.id}）` : appeal.contestantId),
      fact('criterion', t('official.criterion'), criterion ? `${criterion.id} ${loc(criterion.name)}` : appeal.criterionId),
      fact('grounds', t('official.grounds'), appeal.grounds),
      fact('filed', t('official.filed'), `${judgeName(appeal.filedBy, panel)} · ${dateTime(appeal.filedAt)}`),
      appeal.status !== 'open' ? fact('ruling', t('official.ruling'),
        `${appeal.ruling ?? ''}（${judgeName(appeal.ruledBy, panel)} · ${dateTime(appeal.ruledAt)}）`) : null));
  if (appeal.status === 'open') card.append(rulingForm(appeal));
  return card;
}

function rulingForm(appeal) {
  const o = state.official;
  const n = appeal.number;
  const id = `ruling-${n}`;
  const draft = o.drafts.get(n) ?? { decision: null, reason: '' };
  o.drafts.set(n, draft);
  const choice = (value, key) => h('div', { class: 'tick' },
    h('input', { type: 'radio', name: `${id}-decision`, id: `${id}-${value}`, value, checked: draft.decision === value,
      onchange: () => { draft.decision = value; } }),
    h('label', { for: `${id}-${value}` }, t(key)));
  const reason = h('textarea', { id: `${id}-reason`, rows: 3, required: true, 'aria-describedby': `${id}-error` });
  reason.value = draft.reason;
  reason.addEventListener('input', () => {
    draft.reason = reason.value;
    if (reason.value.trim()) reason.removeAttribute('aria-invalid');
  });
  const error = h('p', { class: 'error-text', id: `${id}-error`, role: 'alert' });
  const submit = h('button', { type: 'submit', id: `${id}-submit` }, t('official.submitRuling'));
  const form = h('form', { class: 'ruling-form', novalidate: true, dataset: { appeal: String(n) } },
    h('fieldset', { class: 'tick-list' }, h('legend', null, t('official.decision')),
      choice('upheld', 'official.uphold'), choice('rejected', 'official.reject')),
    h('div', { class: 'field' }, h('label', { for: reason.id }, t('official.reason')), reason),
    error,
    h('div', { class: 'tablet-actions' }, submit));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!draft.decision) {
      error.textContent = t('official.chooseDecision');
      form.querySelector('input[type="radio"]').focus();
      return;
    }
    const text = reason.value.trim();
    if (!text) {
      error.textContent = t('official.reasonRequired');
      reason.setAttribute('aria-invalid', 'true');
      reason.focus();
      return;
    }
    submit.disabled = true;
    error.textContent = t('judge.working');
    try {
      await api(`${occupationBase()}/appeals/${n}/ruling`, {
        method: 'POST', token: state.session.token, body: { upheld: draft.decision === 'upheld', reason: text },
      });
      o.drafts.delete(n);
      o.message = { ok: true, text: () => t('official.ruled', { n }) };
      error.textContent = '';
    } catch (e) {
      if (e?.status === 401) { signOut('judge.sessionExpired'); return; }
      error.textContent = e?.status ? t('official.refused', { message: problemText(e) }) : t('official.failed', { message: problemText(e) });
      submit.disabled = false;
    }
    renderOfficial();
    await refreshOfficial();
  });
  return form;
}

async function officerCommand(button, path, done) {
  const o = state.official;
  if (!o?.code) return;
  button.dataset.busy = 'true';
  button.disabled = true;
  o.message = { ok: true, text: () => t('judge.working') };
  renderOfficial();
  try {
    await api(`${occupationBase()}/${path}`, { method: 'POST', token: state.session.token });
    o.message = { ok: true, text: done };
  } catch (e) {
    if (e?.status === 401) { signOut('judge.sessionExpired'); return; }
    const message = problemText(e);
    o.message = { ok: false, text: () => e?.status ? t('official.refused', { message }) : t('official.failed', { message }) };
  } finally {
    button.dataset.busy = 'false';
  }
  renderOfficial();
  await refreshOfficial();
}

function wireOfficialControls() {
  $('#official-occupation').addEventListener('change', event => chooseOccupation(event.target.value || null));
  $('#official-refresh').addEventListener('click', () => refreshOfficial());
  $('#draw-numbers').addEventListener('click', () => {
    const o = state.official;
    const s = o?.status;
    if (!s) return;
    const occupation = o.occupations.find(x => x.code === o.code);
    const question = s.numbersDrawn
      ? t('official.redrawConfirm')
      : t('official.drawConfirm', { n: o.definition?.contestants?.length ?? s.checkedIn?.length ?? 0, occupation: occupation ? loc(occupation.name) : o.code });
    if (confirm(question)) officerCommand($('#draw-numbers'), 'draw', () => t('official.drawnDone'));
  });
  $('#officer-approve').addEventListener('click', () => officerCommand($('#officer-approve'), 'reveal-approval', () => t('official.approved')));
}
