// Organiser console: sign in, import an edition, move rounds through their phases, issue, print
// and revoke access codes, run one round (check-in, blind numbers, freeze and reveal, publication,
// appeals), download results, result sheets and ledgers, and open the leaderboards. Phases and the
// chosen round's status update live (live hub).
import { t, loc, locale, refusalText, mountLangSwitch, onLangChange } from '../js/i18n.js';
import { h, $, clear, fill, appUrl } from '../js/dom.js';
import { api, download } from '../js/api.js';
import { editions } from '../js/editions.js';
import { LiveConnection, indicatorMarkup } from '../js/hub.js';
import { phaseBadge } from '../js/standings.js';
import { score, plain, timeOfDay } from '../js/format.js';
import '../js/strings/selection.js';
import { OpenCallPanel } from './open-call.js';
import { SchedulePanel } from './schedule.js';
import { ScreensPanel } from './screens.js';
import { StagesPanel } from './stages.js';

const TOKEN_KEY = 'craftsman.console.token';
const EDITION_KEY = 'craftsman.console.edition';
const TAB_KEY = 'craftsman.console.tab';
const PHASES = ['draft', 'checkIn', 'live', 'review', 'signedOff', 'published', 'final'];
const ROUND_KEY = 'craftsman.console.round';
// The codes tab lists the edition's officials (encryption officer, arbitration group) under this entry.
const OFFICIALS = '@officials';

const state = {
  token: sessionStorage.getItem(TOKEN_KEY),
  // The edition last worked on here, else (once signed in) the one marked current.
  editionId: localStorage.getItem(EDITION_KEY),
  editions: { current: null, editions: [] },
  venue: null,
  occupations: [],
  byCode: new Map(),
  summaries: new Map(),
  rows: new Map(),
  judges: [],
  officials: [],
  statuses: new Map(),
  contestants: [],
  // Occupations with stages: each stage's round code (GET /api/editions/{id}/stages), so the round tab runs a stage's round too.
  stageRounds: [],
  round: { code: sessionStorage.getItem(ROUND_KEY), status: null, definition: null, loading: 0 },
  issued: [],
  edition: null,
  hub: null,
};

const indicator = indicatorMarkup();
indicator.hidden = true;
$('#conn-slot').append(indicator);
mountLangSwitch($('#lang'));
let signInError = null;
onLangChange(() => {
  if (state.token) renderAll();
  $('#signin-error').textContent = signInError ? t(signInError) : '';
});

$('#signin-form').addEventListener('submit', event => { event.preventDefault(); signIn(); });
$('#sign-out').addEventListener('click', () => signOut());
$('#import-form').addEventListener('submit', event => { event.preventDefault(); importEdition(); });
$('#issue').addEventListener('click', () => issueCodes());
$('#print').addEventListener('click', () => printCards());
$('#codes-occupation').addEventListener('change', () => { state.issued = []; renderCards(); loadJudges(); });
$('#round-occupation').addEventListener('change', () => chooseRound($('#round-occupation').value));
$('#round-refresh').addEventListener('click', () => loadRound());
$('#round-blind-apply').addEventListener('click', event => roundCommand(event.currentTarget, 'blind', { blind: $('#round-blind').checked }));
$('#round-checkin-all').addEventListener('click', event => checkInAll(event.currentTarget));
$('#round-freeze').addEventListener('click', event => roundCommand(event.currentTarget, 'freeze'));
$('#round-reveal-step').addEventListener('click', event => roundCommand(event.currentTarget, 'reveal', { oneRankFromBottom: true }));
$('#round-reveal-all').addEventListener('click', event => roundCommand(event.currentTarget, 'reveal', { oneRankFromBottom: false }));
$('#round-publish').addEventListener('click', event => {
  if (window.confirm(t('console.publishConfirm', { occupation: roundName() }))) roundCommand(event.currentTarget, 'phase', { phase: 'published' });
});
$('#round-final').addEventListener('click', event => roundCommand(event.currentTarget, 'phase', { phase: 'final' }));
$('#appeal-form').addEventListener('submit', event => { event.preventDefault(); fileAppeal(); });
$('#appeal-contestant').addEventListener('change', () => renderAppealCriteria());
for (const button of document.querySelectorAll('[data-download]'))
  button.addEventListener('click', () => downloadRoundFile(button));
for (const button of document.querySelectorAll('[data-edition-download]'))
  button.addEventListener('click', () => downloadEditionFile(button));
$('#analytics-load').addEventListener('click', () => loadAnalytics());
$('#edition').value = state.editionId ?? '';
$('#edition').addEventListener('change', () => {
  const chosen = $('#edition').value.trim();
  if (!chosen) { $('#edition').value = state.editionId ?? ''; return; }
  state.editionId = chosen;
  localStorage.setItem(EDITION_KEY, state.editionId);
  loadEdition();
});
$('#edition-make-current').addEventListener('click', () => makeCurrent());
$('#create-edition-form').addEventListener('submit', event => { event.preventDefault(); createEdition(); });
setUpTabs();

// The selection's sections own their state; they get the edition, its occupations and the signed-in calls from here.
const sectionContext = { authed: (path, options) => authed(path, options), editionId: () => state.editionId, occupations: () => state.occupations, refusal: e => refusal(e) };
const sections = [new OpenCallPanel(sectionContext), new SchedulePanel(sectionContext), new ScreensPanel(sectionContext), new StagesPanel(sectionContext)];

if (state.token) showConsole(); else showSignIn();

// ---------------------------------------------------------------- sign-in

function showSignIn(messageKey) {
  $('#signin-view').hidden = false;
  $('#console-view').hidden = true;
  $('#sign-out').hidden = true;
  indicator.hidden = true;
  signInError = messageKey ?? null;
  $('#signin-error').textContent = messageKey ? t(messageKey) : '';
  $('#password').focus();
}

async function signIn() {
  const input = $('#password');
  const button = $('#signin-submit');
  button.disabled = true;
  signInError = null;
  $('#signin-error').textContent = '';
  try {
    const answer = await api('/api/auth/organiser', { method: 'POST', body: { password: input.value } });
    state.token = answer.token;
    sessionStorage.setItem(TOKEN_KEY, answer.token);
    input.value = '';
    input.removeAttribute('aria-invalid');
    showConsole();
  } catch (e) {
    signInError = e.status === 401 ? 'console.badPassword' : e.status === 429 ? 'console.throttled' : null;
    $('#signin-error').textContent = signInError ? t(signInError) : t('console.error', { message: e.message });
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  } finally {
    button.disabled = false;
  }
}

function signOut(messageKey) {
  sessionStorage.removeItem(TOKEN_KEY);
  state.token = null;
  state.hub?.stop();
  state.hub = null;
  showSignIn(messageKey);
}

/** An organiser call; an expired token sends the organiser back to sign-in. */
async function authed(path, options = {}) {
  try {
    return await api(path, { ...options, token: state.token });
  } catch (e) {
    if (e.status === 401) signOut('console.sessionExpired');
    throw e;
  }
}

function showConsole() {
  $('#signin-view').hidden = true;
  $('#console-view').hidden = false;
  $('#sign-out').hidden = false;
  indicator.hidden = false;
  loadEditions().then(() => loadEdition());
  loadVenue();
}

// ---------------------------------------------------------------- editions

async function loadEditions() {
  try {
    state.editions = await editions();
  } catch (e) {
    message(t('console.error', { message: e.message }), 'bad');
  }
  if (!state.editionId) {
    state.editionId = state.editions.current ?? state.editions.editions[0]?.id ?? '';
    $('#edition').value = state.editionId;
  }
  renderEditions();
}

function renderEditions() {
  fill($('#edition-options'), state.editions.editions.map(e => h('option', { value: e.id }, `${loc(e.title)} · ${e.year}`)));
  const listed = state.editions.editions.some(e => e.id === state.editionId);
  const current = state.editions.current === state.editionId;
  $('#edition-current-note').textContent = !state.editionId ? '' : current ? t('editions.isCurrent') : listed ? t('editions.notCurrent') : t('editions.notListed');
  $('#edition-make-current').hidden = !listed || current;
  $('#workbook-template').href = `../api/editions/${encodeURIComponent(state.editionId || 'new')}/workbook-template.xlsx`;
}

async function makeCurrent() {
  try {
    state.editions = await authed(`/api/editions/${encodeURIComponent(state.editionId)}/current`, { method: 'POST' });
    renderEditions();
  } catch (e) {
    if (e.status !== 401) message(refusal(e), 'bad');
  }
}

async function createEdition() {
  const out = $('#create-edition-result');
  const body = {
    id: $('#new-edition-id').value.trim(),
    title: { zh: $('#new-edition-zh').value.trim(), en: $('#new-edition-en').value.trim() },
    year: Number($('#new-edition-year').value) || null,
  };
  try {
    await authed('/api/editions', { method: 'POST', body });
    out.textContent = t('editions.created', { id: body.id });
    out.className = 'alert alert-ok';
    state.editionId = body.id;
    $('#edition').value = body.id;
    localStorage.setItem(EDITION_KEY, body.id);
    await loadEditions();
    loadEdition();
  } catch (e) {
    if (e.status === 401) return;
    out.textContent = refusal(e);
    out.className = 'alert alert-bad';
  }
}

/** Where the code cards will point: shown before anyone prints them. */
async function loadVenue() {
  try {
    state.venue = await authed('/api/venue');
  } catch {
    state.venue = null;
  }
  renderVenue();
}

function renderVenue() {
  const v = state.venue;
  $('#codes-public-url').textContent = !v ? ''
    : t(v.publicUrlConfigured ? 'venue.publicUrl' : 'venue.publicUrlGuessed', { url: v.publicUrl, addresses: v.addresses.join(' · ') || '—' });
}

// ---------------------------------------------------------------- tabs

function setUpTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  const select = tab => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      $(`#${other.getAttribute('aria-controls')}`).hidden = !selected;
    }
    sessionStorage.setItem(TAB_KEY, tab.id);
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', event => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (event.key === 'Home' || event.key === 'End') {
        const target = event.key === 'Home' ? tabs[0] : tabs[tabs.length - 1];
        select(target); target.focus(); event.preventDefault();
      } else if (step) {
        const target = tabs[(i + step + tabs.length) % tabs.length];
        select(target); target.focus(); event.preventDefault();
      }
    });
  });
  select($(`#${sessionStorage.getItem(TAB_KEY)}`) ?? tabs[0]);
}

// ---------------------------------------------------------------- edition

function message(text, kind = 'ok') {
  const el = $('#console-message');
  el.className = text ? `alert alert-${kind}` : '';
  el.textContent = text ?? '';
}

async function loadEdition() {
  message('');
  state.occupations = [];
  state.byCode.clear();
  state.summaries.clear();
  state.edition = null;
  try {
    if (!state.editionId) throw Object.assign(new Error('no edition'), { status: 404 });
    [state.edition, state.occupations, state.contestants, state.stageRounds] = await Promise.all([
      api(`/api/editions/${encodeURIComponent(state.editionId)}`),
      api(`/api/editions/${encodeURIComponent(state.editionId)}/occupations`),
      api(`/api/editions/${encodeURIComponent(state.editionId)}/contestants`),
      api(`/api/editions/${encodeURIComponent(state.editionId)}/stages`).catch(() => []),
    ]);
  } catch (e) {
    state.occupations = [];
    state.contestants = [];
    state.stageRounds = [];
    if (e.status !== 404) message(t('console.error', { message: e.message }), 'bad');
  }
  for (const o of state.occupations) state.byCode.set(o.code, o);
  renderAll();
  followOverview();
  loadJudges();
  chooseRound(state.round.code);
  for (const section of sections) section.load();
}

function renderAll() {
  renderEditions();
  renderVenue();
  renderRounds();
  renderCodeOccupations();
  renderJudges();
  renderCards();
  renderBoardLinks();
  renderRound();
  for (const section of sections) section.render();
}

function followOverview() {
  state.hub?.stop();
  state.hub = null;
  if (!state.occupations.length) { indicator.hidden = true; return; }
  indicator.hidden = false;
  const editionId = state.editionId;
  const hub = new LiveConnection({
    url: appUrl('/hubs/live'),
    indicator,
    onReady: async () => {
      const summaries = await hub.invoke('FollowOverview', editionId);
      for (const s of summaries) receiveSummary(s, true);
    },
  });
  hub.on('OverviewChanged', summary => receiveSummary(summary, false));
  hub.on('LeaderboardChanged', () => {});
  state.hub = hub;
  hub.start();
}

function receiveSummary(summary, force) {
  if (summary.editionId !== state.editionId) return;
  const last = state.summaries.get(summary.occupationCode);
  if (!force && last && summary.version <= last.version) return;
  state.summaries.set(summary.occupationCode, summary);
  updateRound(summary.occupationCode);
  // Every change of the chosen round (a mark, a flag, a ruling) grows its version: read its status
  // again — once more after the read in flight, however many changes arrive meanwhile.
  if (summary.occupationCode === state.round.code && (state.round.status?.version ?? -1) < summary.version) {
    if (state.round.reading) state.round.again = true;
    else loadRound();
  }
}

// ---------------------------------------------------------------- import

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function importEdition() {
  const file = $('#import-file').files?.[0];
  const result = clear($('#import-result'));
  if (!file) { result.append(h('p', { class: 'alert alert-bad' }, t('console.noFile'))); return; }
  const workbook = /\.xlsx$/i.test(file.name);
  let document_ = null;
  if (!workbook) {
    try {
      document_ = JSON.parse(await file.text());
    } catch (e) {
      result.append(h('p', { class: 'alert alert-bad' }, t('console.badJson', { error: e.message })));
      return;
    }
  }
  // A workbook names its edition inside; the console imports it into the edition chosen above.
  const editionId = String(document_?.edition?.id ?? ($('#edition').value || state.editionId));
  const button = $('#import-submit');
  button.disabled = true;
  button.textContent = t('console.importing');
  try {
    const path = `/api/editions/${encodeURIComponent(editionId)}/${workbook ? 'import-workbook' : 'import'}`;
    await authed(path, workbook ? { method: 'POST', body: file, contentType: XLSX } : { method: 'POST', body: document_ });
    result.append(h('p', { class: 'alert alert-ok', dataset: { result: 'imported' } }, workbook
      ? t('console.importedWorkbook', { id: editionId })
      : t('console.imported', {
        id: editionId,
        occupations: document_.occupations?.length ?? 0,
        contestants: document_.contestants?.length ?? 0,
        judges: document_.judges?.length ?? 0,
      })));
    state.editionId = editionId;
    $('#edition').value = editionId;
    localStorage.setItem(EDITION_KEY, editionId);
    await loadEditions();
    loadEdition();
  } catch (e) {
    const errors = Array.isArray(e.problem?.errors) ? e.problem.errors : [];
    const describe = err => typeof err === 'object' && err !== null
      ? workbookError(err)
      : String(err);
    result.append(h('div', { class: 'alert alert-bad', dataset: { result: 'failed' } },
      errors.length ? t('console.importFailed') : t('console.error', { message: e.message }),
      errors.length ? h('ul', null, errors.map(err => h('li', null, describe(err)))) : null));
  } finally {
    button.disabled = false;
    button.textContent = t('console.import');
  }
}

/**
 * A workbook error in the console's language: where (sheet, row, column; row 0 is the sheet as a
 * whole) and what, translated from its code and parameters; the server's English when the code is new.
 */
function workbookError(err) {
  const key = `workbook.${err.code}`;
  const what = err.code && t(key, err.parameters ?? {}) !== key ? t(key, err.parameters ?? {}) : err.message;
  if (!err.sheet) return what;
  if (!err.row) return t(err.column ? 'console.sheetColumnError' : 'console.sheetError', { sheet: err.sheet, column: err.column, message: what });
  return t(err.column ? 'console.cellError' : 'console.rowError', { sheet: err.sheet, row: err.row, column: err.column, message: what });
}

// ---------------------------------------------------------------- rounds

function renderRounds() {
  const body = clear($('#rounds tbody'));
  state.rows.clear();
  for (const o of state.occupations) {
    const selectId = `phase-${o.code}`;
    const select = h('select', { id: selectId, 'aria-label': `${loc(o.name)} · ${t('console.moveTo')}` },
      PHASES.filter(p => p !== 'draft').map(p => h('option', { value: p }, t(`phase.${p}`))));
    const apply = h('button', { type: 'button', class: 'btn-secondary', dataset: { action: 'apply' } }, t('console.apply'));
    const note = h('p', { class: 'row-message', role: 'status', 'aria-live': 'polite' });
    const row = {
      tr: h('tr', { dataset: { occupation: o.code } }),
      phase: h('td', { class: 'phase' }),
      count: h('td', { class: 'num' }),
      leader: h('td'),
      select, note,
    };
    row.tr.append(
      h('th', { scope: 'row' }, loc(o.name), h('div', { class: 'hint' }, o.code)),
      row.phase, row.count, row.leader,
      h('td', null, h('div', { class: 'inline' }, select, apply), note));
    apply.addEventListener('click', () => movePhase(o.code, select.value, apply));
    state.rows.set(o.code, row);
    body.append(row.tr);
    updateRound(o.code, true);
  }
}

function updateRound(code, resetSelect = false) {
  const row = state.rows.get(code);
  if (!row) return;
  const s = state.summaries.get(code);
  const phase = s?.phase;
  const previous = row.phase.dataset.phase;
  row.phase.dataset.phase = phase ?? '';
  fill(row.phase, phase ? phaseBadge(phase) : '–');
  row.count.textContent = s ? String(s.contestantCount) : '';
  const leader = s?.leader && s.leader.markCount > 0 ? s.leader : null;
  row.leader.textContent = leader ? `${leader.displayName} ${score(leader.composite)}` : '';
  if (phase && (resetSelect || previous !== phase)) {
    const next = PHASES[Math.min(PHASES.indexOf(phase) + 1, PHASES.length - 1)];
    row.select.value = next === 'draft' ? 'checkIn' : next;
  }
}

async function movePhase(code, phase, button) {
  const row = state.rows.get(code);
  button.disabled = true;
  row.note.className = 'row-message';
  row.note.textContent = '';
  try {
    const change = await authed(`/api/editions/${encodeURIComponent(state.editionId)}/occupations/${encodeURIComponent(code)}/phase`,
      { method: 'POST', body: { phase } });
    // The answer says the command was done at a version; the round is now in the phase asked for.
    const moved = change?.phase ?? phase;
    const current = state.summaries.get(code);
    if (!current || (change?.version ?? 0) > current.version)
      state.summaries.set(code, { ...(current ?? { editionId: state.editionId, occupationCode: code, contestantCount: 0, leader: null, arena: null }), phase: moved, version: change?.version ?? 0 });
    updateRound(code);
    row.note.className = 'row-message alert alert-ok';
    row.note.textContent = t('console.moved', { occupation: loc(state.byCode.get(code)?.name), phase: t(`phase.${moved}`) });
  } catch (e) {
    row.note.className = 'row-message alert alert-bad';
    row.note.textContent = refusal(e);
  } finally {
    button.disabled = false;
  }
}

// ---------------------------------------------------------------- access codes

function renderCodeOccupations() {
  const select = $('#codes-occupation');
  const chosen = select.value;
  fill(select, state.occupations.map(o => h('option', { value: o.code }, `${loc(o.name)} (${o.code})`)),
    state.occupations.length ? h('option', { value: OFFICIALS }, t('console.officials')) : null);
  if (state.byCode.has(chosen) || chosen === OFFICIALS) select.value = chosen;
  $('#issue').disabled = !state.occupations.length;
}

async function loadJudges() {
  state.judges = [];
  state.statuses.clear();
  if (!state.occupations.length) { renderJudges(); return; }
  try {
    const [judges, officials, statuses] = await Promise.all([
      authed(`/api/editions/${encodeURIComponent(state.editionId)}/judges`),
      authed(`/api/editions/${encodeURIComponent(state.editionId)}/officials`),
      authed(`/api/editions/${encodeURIComponent(state.editionId)}/access-codes`),
    ]);
    state.judges = judges;
    state.officials = officials.map(o => ({ ...o, role: o.role === 'encryptionOfficer' ? 'officer' : 'arbiter', occupation: OFFICIALS }));
    for (const s of statuses) state.statuses.set(s.judgeId, s);
  } catch (e) {
    if (e.status !== 401) codesMessage(t('console.error', { message: e.message }), 'bad');
  }
  renderJudges();
}

function codesMessage(text, kind = 'ok') {
  const el = $('#codes-message');
  el.className = text ? `alert alert-${kind}` : '';
  el.textContent = text ?? '';
}

function renderJudges() {
  const body = clear($('#judges tbody'));
  const occupation = $('#codes-occupation').value;
  const fmt = iso => new Date(iso).toLocaleString(locale(), { hour12: false });
  const holders = occupation === OFFICIALS ? state.officials : state.judges.filter(j => j.occupation === occupation);
  if (occupation === OFFICIALS && !holders.length)
    body.append(h('tr', null, h('td', { colspan: 4, class: 'hint' }, t('console.noOfficials'))));
  for (const judge of holders) {
    const status = state.statuses.get(judge.id);
    const text = !status ? t('console.codeNone')
      : status.revokedAt ? t('console.codeRevoked', { time: fmt(status.revokedAt) })
      : t('console.codeLive', { time: fmt(status.issuedAt) });
    const live = status && !status.revokedAt;
    body.append(h('tr', { dataset: { judge: judge.id } },
      h('th', { scope: 'row' }, judge.name, h('div', { class: 'hint' }, judge.id)),
      h('td', null, judge.role === 'chief' ? h('span', { class: 'badge badge-role-chief' }, t('role.chief')) : t(`role.${judge.role}`)),
      h('td', { class: 'code-status' }, text),
      h('td', null, live ? h('button', { type: 'button', class: 'btn-danger', dataset: { action: 'revoke' },
        'aria-label': `${t('console.revoke')} ${judge.name}`, onclick: () => revoke(judge) }, t('console.revoke')) : '')));
  }
}

async function issueCodes() {
  const occupation = $('#codes-occupation').value;
  const button = $('#issue');
  button.disabled = true;
  codesMessage('');
  try {
    const body = occupation === OFFICIALS ? { judgeIds: state.officials.map(o => o.id) } : { occupation };
    if (occupation === OFFICIALS && !body.judgeIds.length) { codesMessage(t('console.noOfficials'), 'bad'); return; }
    state.issued = await authed(`/api/editions/${encodeURIComponent(state.editionId)}/access-codes`, { method: 'POST', body });
    renderCards();
    await loadJudges();
  } catch (e) {
    if (e.status !== 401) codesMessage(refusal(e), 'bad');
  } finally {
    button.disabled = false;
  }
}

async function revoke(judge) {
  if (!window.confirm(t('console.revokeConfirm', { name: judge.name }))) return;
  try {
    await authed(`/api/editions/${encodeURIComponent(state.editionId)}/access-codes/${encodeURIComponent(judge.id)}`, { method: 'DELETE' });
    const card = state.issued.find(c => c.judgeId === judge.id);
    if (card) card.revoked = true;
    codesMessage(`${judge.name} · ${t('console.revoked')}`);
    renderCards();
    await loadJudges();
  } catch (e) {
    if (e.status !== 401) codesMessage(refusal(e), 'bad');
  }
}

function renderCards() {
  const root = clear($('#code-cards'));
  $('#print').disabled = !state.issued.some(c => !c.revoked);
  for (const card of state.issued) {
    const occupation = state.byCode.get(card.occupation);
    const qr = h('div', { class: 'qr', role: 'img', 'aria-label': `QR: ${card.signInUrl}` });
    // The SVG is made by our own gateway (QRCoder) for this card.
    qr.innerHTML = card.qrSvg;
    const origin = new URL(card.signInUrl).origin;
    root.append(h('article', { class: `code-card${card.revoked ? ' revoked' : ''}`, dataset: { judge: card.judgeId } },
      h('div', { class: 'card-title' }, `${loc(state.edition?.title) || t('app.name')} · ${t('console.card')}`),
      h('div', { class: 'card-name' }, card.name),
      h('div', { class: 'card-occ' }, occupation ? `${loc(occupation.name)} · ${t(`role.${card.role}`)}` : t(`role.${card.role}`)),
      h('div', { class: 'card-code' }, card.code),
      qr,
      h('div', { class: 'card-url' }, t('console.cardHint', { url: `${origin}/judge/` })),
      card.revoked ? h('strong', null, t('console.revoked')) : null));
  }
}

function printCards() {
  document.body.classList.add('printing-codes');
  const done = () => { document.body.classList.remove('printing-codes'); window.removeEventListener('afterprint', done); };
  window.addEventListener('afterprint', done);
  window.print();
}

// ---------------------------------------------------------------- boards

function renderBoardLinks() {
  const e = encodeURIComponent(state.editionId);
  $('#overview-link').href = `../board/?edition=${e}`;
  $('#big-link').href = `../board/?edition=${e}&screen=big`;
  fill($('#board-links'), state.occupations.map(o => h('li', null,
    h('a', { href: `../board/?edition=${e}&occupation=${encodeURIComponent(o.code)}` }, `${loc(o.name)} · ${t('board.openBoard')}`),
    ' · ',
    h('a', { href: `../arena/?edition=${e}&occupation=${encodeURIComponent(o.code)}` }, t('board.openArena')))));
}

// ---------------------------------------------------------------- one round

const roundPath = (suffix = '') =>
  `/api/editions/${encodeURIComponent(state.editionId)}/occupations/${encodeURIComponent(state.round.code)}${suffix}`;

function roundName() {
  const label = roundChoices().find(r => r.code === state.round.code)?.label;
  return label ?? (loc(state.byCode.get(state.round.code)?.name) || state.round.code || '');
}

/** The rounds the console runs: each occupation's (its main stage), then each of its other stages' ("{occupation}~{stage}"). */
function roundChoices() {
  return state.occupations.flatMap(o => [
    { code: o.code, label: loc(o.name), option: `${loc(o.name)} (${o.code})` },
    ...(state.stageRounds.find(s => s.occupationCode === o.code)?.stages ?? [])
      .filter(s => s.roundCode !== o.code)
      .map(s => ({ code: s.roundCode, label: `${loc(o.name)} · ${loc(s.name)}`, option: `${loc(o.name)} · ${loc(s.name)} (${s.roundCode})` })),
  ]);
}

function roundMessage(text, kind = 'ok') {
  const el = $('#round-message');
  el.className = text ? `alert alert-${kind}` : '';
  el.textContent = text ?? '';
}

function chooseRound(code) {
  const known = roundChoices().some(r => r.code === code) ? code : state.occupations[0]?.code ?? null;
  if (known !== state.round.code) roundMessage('');
  // The read counter carries on, so an answer for the previous choice is never taken for this one.
  state.round = { code: known, status: null, definition: null, loading: state.round.loading };
  if (known) sessionStorage.setItem(ROUND_KEY, known);
  renderRound();
  loadRound();
}

/** Reads the chosen round's status and scheme; an answer for an earlier choice or an older request is dropped. */
async function loadRound() {
  const code = state.round.code;
  if (!code || !state.token) return;
  const ticket = ++state.round.loading;
  state.round.reading = true;
  try {
    const [status, definition] = await Promise.all([
      authed(roundPath('/status')),
      state.round.definition ? Promise.resolve(state.round.definition) : api(roundPath('/definition')),
    ]);
    if (code !== state.round.code || ticket !== state.round.loading) return;
    state.round.status = status;
    state.round.definition = definition;
    renderRound();
  } catch (e) {
    if (code === state.round.code && e.status !== 401) roundMessage(t('console.error', { message: e.message }), 'bad');
  } finally {
    if (ticket === state.round.loading) {
      state.round.reading = false;
      if (state.round.again) { state.round.again = false; loadRound(); }
    }
  }
}

function contestantName(id) {
  const c = state.contestants.find(x => x.id === id) ?? state.round.definition?.contestants?.find(x => x.id === id);
  return c ? `${c.name}（${id}）` : id;
}

function criterionName(id) {
  const criterion = state.round.definition?.scheme?.modules?.flatMap(m => m.criteria).find(c => c.id === id);
  return criterion ? `${id} ${loc(criterion.name)}` : id;
}

function renderRound() {
  const select = $('#round-occupation');
  fill(select, roundChoices().map(r => h('option', { value: r.code }, r.option)));
  if (state.round.code) select.value = state.round.code;
  const status = state.round.status;
  const phase = status?.phase;
  const at = iso => iso ? new Date(iso).toLocaleString(locale(), { hour12: false }) : '';

  const facts = status ? [
    ['console.phase', phaseBadge(phase)],
    ['console.version', String(status.version)],
    ['console.blind', status.blind ? t(status.numbersDrawn ? 'console.blindDrawn' : 'console.blindNotDrawn') : t('console.no')],
    ['console.checkedIn', t('console.checkedInCount', { n: status.checkedIn.length, total: roundContestants().length })],
    ['console.publicBoard', !status.frozen ? t('console.boardLive')
      : status.revealedFromBottom != null ? t('console.boardRevealing', { n: status.revealedFromBottom }) : t('console.boardFrozen')],
    ['console.openFlags', String(status.openFlags.length)],
    ['console.signedOff', status.signedOffBy ? t('console.signedOffBy', { who: status.signedOffBy, time: at(status.signedOffAt) }) : t('console.no')],
    ['console.revealApprovals', status.blind ? approvals(status) : '–'],
    ['console.objectionWindow', status.objectionWindowClosesAt ? t('console.closesAt', { time: at(status.objectionWindowClosesAt) }) : '–'],
    ['console.titleHolder', status.titleHolderId ? contestantName(status.titleHolderId) : '–'],
    ['console.ledgerHead', h('code', { class: 'hash', title: status.ledgerHead }, status.ledgerHead.slice(0, 16) + '…')],
  ] : [];
  fill($('#round-status'), facts.flatMap(([key, value]) => [h('dt', null, t(key)), h('dd', { dataset: { fact: key.split('.')[1] } }, value)]));
  $('#round-status').dataset.phase = phase ?? '';

  $('#round-blind').checked = !!status?.blind;
  const inPhase = (...phases) => !!status && phases.includes(phase);
  $('#round-blind').disabled = !inPhase('draft', 'checkIn');
  $('#round-blind-apply').disabled = !inPhase('draft', 'checkIn');
  $('#round-checkin-all').disabled = !inPhase('checkIn') || roundContestants().every(c => status.checkedIn.includes(c.id));
  $('#round-freeze').disabled = !inPhase('live', 'review', 'signedOff') || status.frozen;
  $('#round-reveal-step').disabled = !status?.frozen;
  $('#round-reveal-all').disabled = !status?.frozen;
  $('#round-publish').disabled = !inPhase('signedOff');
  $('#round-final').disabled = !inPhase('published');
  $('#appeal-submit').disabled = !inPhase('published');
  for (const button of document.querySelectorAll('[data-download]')) button.disabled = !state.round.code;

  renderCheckIn(status);
  renderAppealChoices();
  renderAppeals(status);
}

function approvals(status) {
  const has = role => status.revealApprovals.includes(role);
  return [
    `${t('role.officer')} ${has('encryptionOfficer') ? '✓' : '✗'}`,
    `${t('role.chief')} ${has('chief') ? '✓' : '✗'}`,
  ].join(' · ');
}

function roundContestants() {
  // A stage's round has its own competitors (accepted entrants, those advanced), fixed in its definition.
  if (state.round.code?.includes('~')) return state.round.definition?.contestants ?? [];
  return state.contestants.filter(c => c.occupation === state.round.code);
}

function renderCheckIn(status) {
  const list = clear($('#round-contestants'));
  const open = status?.phase === 'checkIn';
  for (const c of roundContestants()) {
    const checkedIn = !!status?.checkedIn.includes(c.id);
    list.append(h('li', { dataset: { contestant: c.id, checkedIn: String(checkedIn) } },
      h('span', null, `${c.name} `, h('span', { class: `badge badge-${c.role}` }, t(`role.${c.role}`))),
      checkedIn
        ? h('span', { class: 'badge badge-ok' }, `✓ ${t('console.checkedInDone')}`)
        : h('button', { type: 'button', class: 'btn-secondary', disabled: !open, 'aria-label': `${t('console.checkIn')} ${c.name}`,
          onclick: event => roundCommand(event.currentTarget, 'check-in', { contestantId: c.id }) }, t('console.checkIn'))));
  }
}

/** Sends one organiser command for the chosen round; the server decides whether it is allowed now. */
async function roundCommand(button, command, body = {}) {
  const code = state.round.code;
  if (!code) return false;
  button.disabled = true;
  try {
    const result = await authed(roundPath(`/${command}`), { method: 'POST', body });
    roundMessage(t('console.done', { occupation: roundName(), version: result?.version ?? '' }));
    await loadRound();
    return true;
  } catch (e) {
    if (e.status !== 401) roundMessage(refusal(e), 'bad');
    renderRound();
    return false;
  }
}

function refusal(e) {
  return refusalText(e.problem?.code, e.problem?.params) || t('console.error', { message: t('refusal.InternalError') });
}

async function checkInAll(button) {
  const pending = roundContestants().filter(c => !state.round.status?.checkedIn.includes(c.id));
  for (const c of pending)
    if (!await roundCommand(button, 'check-in', { contestantId: c.id })) return;
}

// ---------------------------------------------------------------- appeals

function renderAppealChoices() {
  const select = $('#appeal-contestant');
  const chosen = select.value;
  fill(select, roundContestants().map(c => h('option', { value: c.id }, contestantName(c.id))));
  if (roundContestants().some(c => c.id === chosen)) select.value = chosen;
  renderAppealCriteria();
}

function renderAppealCriteria() {
  const select = $('#appeal-criterion');
  const chosen = select.value;
  const criteria = state.round.definition?.scheme?.modules?.flatMap(m => m.criteria) ?? [];
  fill(select, criteria.map(c => h('option', { value: c.id }, `${c.id} ${loc(c.name)}`)));
  if (criteria.some(c => c.id === chosen)) select.value = chosen;
}

async function fileAppeal() {
  const grounds = $('#appeal-grounds');
  const error = $('#appeal-error');
  error.textContent = '';
  grounds.removeAttribute('aria-invalid');
  if (!grounds.value.trim()) {
    error.textContent = t('console.groundsRequired');
    grounds.setAttribute('aria-invalid', 'true');
    grounds.focus();
    return;
  }
  const filed = await roundCommand($('#appeal-submit'), 'appeals', {
    contestantId: $('#appeal-contestant').value,
    criterionId: $('#appeal-criterion').value,
    grounds: grounds.value.trim(),
  });
  if (filed) grounds.value = '';
}

function renderAppeals(status) {
  const body = clear($('#appeals tbody'));
  const appeals = status?.appeals ?? [];
  if (!appeals.length) {
    body.append(h('tr', null, h('td', { colspan: 6, class: 'hint' }, t('console.noAppeals'))));
    return;
  }
  for (const a of appeals) {
    body.append(h('tr', { dataset: { appeal: String(a.number), status: a.status } },
      h('th', { scope: 'row', class: 'num' }, String(a.number)),
      h('td', null, contestantName(a.contestantId)),
      h('td', null, criterionName(a.criterionId)),
      h('td', null, a.grounds, h('div', { class: 'hint' }, `${a.filedBy} · ${timeOfDay(a.filedAt)}`)),
      h('td', null, h('span', { class: `badge badge-appeal-${a.status}` }, t(`appeal.${a.status}`))),
      h('td', null, a.ruling ?? t('console.awaitingRuling'), a.ruledBy ? h('div', { class: 'hint' }, `${a.ruledBy} · ${timeOfDay(a.ruledAt)}`) : null)));
  }
}

// ---------------------------------------------------------------- files and analytics

async function downloadRoundFile(button) {
  const file = button.dataset.download;
  button.disabled = true;
  try {
    const name = await download(file === 'ledger'
      ? roundPath('/ledger')
      : `/api/editions/${encodeURIComponent(state.editionId)}/occupations/${encodeURIComponent(state.round.code)}/${file}`,
    { token: state.token, fallbackName: file });
    roundMessage(t('console.downloaded', { name }));
  } catch (e) {
    if (e.status === 401) signOut('console.sessionExpired');
    else roundMessage(refusal(e), 'bad');
  } finally {
    button.disabled = false;
  }
}

async function downloadEditionFile(button) {
  const el = $('#exports-message');
  button.disabled = true;
  try {
    const name = await download(`/api/editions/${encodeURIComponent(state.editionId)}/${button.dataset.editionDownload}`,
      { token: state.token, fallbackName: button.dataset.editionDownload });
    el.className = 'alert alert-ok';
    el.textContent = t('console.downloaded', { name });
  } catch (e) {
    if (e.status === 401) { signOut('console.sessionExpired'); return; }
    el.className = 'alert alert-bad';
    el.textContent = refusal(e);
  } finally {
    button.disabled = false;
  }
}

async function loadAnalytics() {
  const table = $('#analytics');
  const el = $('#exports-message');
  try {
    const analytics = await authed(`/api/editions/${encodeURIComponent(state.editionId)}/judge-analytics`);
    const names = new Map(state.judges.map(j => [j.id, j.name]));
    const rows = analytics.mostLenientFirst.filter(j => j.marks > 0);
    fill(table.tBodies[0], rows.length ? rows.map(j => h('tr', { dataset: { judge: j.judgeId } },
      h('th', { scope: 'row' }, names.get(j.judgeId) ?? j.judgeId, h('div', { class: 'hint' }, j.judgeId)),
      h('td', null, loc(state.byCode.get(j.occupationCode)?.name) || j.occupationCode),
      h('td', { class: 'num' }, j.leniency == null ? '—' : signed(j.leniency)),
      h('td', { class: 'num' }, j.spread == null ? '—' : plain(j.spread)),
      h('td', { class: 'num' }, `${score(j.flagRate * 100)} %`),
      h('td', { class: 'num' }, String(j.marks))))
      : h('tr', null, h('td', { colspan: 6, class: 'hint' }, t('console.noMarksYet'))));
    table.hidden = false;
  } catch (e) {
    if (e.status === 401) return;
    el.className = 'alert alert-bad';
    el.textContent = t('console.error', { message: e.message });
  }
}

function signed(value) {
  const text = score(value);
  return value > 0 ? `+${text}` : text;
}
