// Judge tablet, the officials' part: the edition's encryption officer and arbitration group sign in
// with codes too and act on one occupation's round at a time (they do not mark): the officer draws
// the numbers of a blind round and approves their reveal, the arbitration group rules on appeals.
// judge.js imports this module and this module imports judge.js back: nothing here runs on import,
// so judge.js's bindings are read only once the page is running.
import { t, loc, lang, refusalText } from '../js/i18n.js';
import { h, $, clear, fill, appUrl, delay } from '../js/dom.js';
import { api, occupations as fetchOccupations, definition as fetchDefinition } from '../js/api.js';
import { LiveConnection, backoff } from '../js/hub.js';
import { state, role, indicator, signOut } from './judge.js';
import { judgeName, dateTime, fact, blindText, approvalsText, showMessage } from './shared.js';

// Per edition: an official of another edition on the same tablet starts from that edition's list.
const occupationKey = () => `craftsman.official.occupation.${state.session.editionId}`;

export function startOfficials() {
  $('#loading').hidden = true;
  $('#offline-note').hidden = true;
  $('#queue').hidden = true;
  $('#judge-panel').hidden = true;
  $('#chief-panel').hidden = true;
  $('#officials-panel').hidden = false;
  const o = state.official = {
    occupations: [],
    code: localStorage.getItem(occupationKey()) || null,
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
  return refusalText(error?.problem?.code, error?.problem?.params) || t('refusal.InternalError');
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
  if (code) localStorage.setItem(occupationKey(), code); else localStorage.removeItem(occupationKey());
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

export function renderOfficial() {
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

export function wireOfficialControls() {
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
