// Judge tablet, the chief judge's part: the panel's marks and flags instead of criteria cards, and
// what to do about them: reopen a flagged criterion for named judges, or confirm it with a written
// reason; then sign the round off and, in a blind round, approve the reveal of the numbers.
// judge.js imports this module and this module imports judge.js back: nothing here runs on import,
// so judge.js's bindings are read only once the page is running.
import { t, loc, refusalText } from '../js/i18n.js';
import { h, $, clear, fill } from '../js/dom.js';
import { isServerRefusal, hubRefusal } from '../js/hub.js';
import { score, plain } from '../js/format.js';
import { state, cell, isChief, criteria, applyProgress, refresh, refreshStatus } from './judge.js';
import { judgeName, dateTime, fact, blindText, approvalsText, showMessage } from './shared.js';

const PHASES = ['draft', 'checkIn', 'live', 'review', 'signedOff', 'published', 'final'];

const phaseAtLeast = (phase, than) => PHASES.indexOf(phase) >= PHASES.indexOf(than);

const panelJudges = () => state.contest?.panel?.filter(p => p.role === 'judge') ?? [];

/** The status says which flags are still open; until it has caught up with the marks, every flag counts as open. */
function isOpenFlag(contestantId, criterionId) {
  const open = state.status?.openFlags;
  return !open || state.statusSeq < state.sheetSeq || open.some(f => f.contestantId === contestantId && f.criterionId === criterionId);
}

function reopenedEntry(contestantId, criterionId) {
  return (state.status?.reopened ?? []).find(r => r.contestantId === contestantId && r.criterionId === criterionId) ?? null;
}

/** After publication an upheld appeal hands its criterion back to the chief judge, until confirmed. */
function upheldAppeal(contestantId, criterionId) {
  return (state.status?.awaitingConfirmation ?? []).some(a => a.contestantId === contestantId && a.criterionId === criterionId);
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

export function renderChief() {
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
    return { ok: false, text: () => t('judge.refused', { message: refusalText(result?.code || 'Refused') }) };
  } catch (error) {
    const refusal = hubRefusal(error);
    const message = () => refusal ? refusalText(refusal.code, refusal.params) : t('refusal.InternalError');
    return { ok: false, text: () => isServerRefusal(error) ? t('judge.refused', { message: message() }) : t('judge.notSent', { message: message() }) };
  }
}

/** A push from the judging hub: until the status asked for after it arrives, every flag counts as open (isOpenFlag). */
export function onScoresheetChanged(sheet) {
  if (!isChief()) return;
  state.sheets.set(sheet.contestantId, sheet);
  state.sheetSeq++;
  renderChief();
  refreshStatus();
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

export function wireChiefControls() {
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
