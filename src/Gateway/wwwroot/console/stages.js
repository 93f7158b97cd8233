// Console section "Stages": one occupation's path (selection → final → review), each stage a round
// of its own. Per stage: its phase (moved one step here, as on the rounds tab), its standings, and —
// for a stage that sends contestants on — the advancement of its top N, shown (ties at the cut-off
// included) before the organiser confirms it. Below: the composite over the weighted stages.
import { t, loc } from '../js/i18n.js';
import { h, $, fill, appUrl } from '../js/dom.js';
import { phaseBadge } from '../js/standings.js';
import { score } from '../js/format.js';
import '../js/strings/stages.js';
import { stageName as scheduledStageName } from './schedule.js';

const CHOSEN_KEY = 'craftsman.console.stages';
const PHASES = ['draft', 'checkIn', 'live', 'review', 'signedOff', 'published', 'final'];

export class StagesPanel {
  constructor(context) {
    this.context = context;
    this.code = sessionStorage.getItem(CHOSEN_KEY);
    this.results = null;
    this.composite = null;
    this.boards = new Map();
    // stage id → the preview the organiser is looking at ({ count, advancement }), until confirmed or changed.
    this.previews = new Map();
    $('#stages-occupation').addEventListener('change', () => this.choose($('#stages-occupation').value));
    $('#stages-refresh').addEventListener('click', () => this.refresh());
  }

  edition() {
    return encodeURIComponent(this.context.editionId());
  }

  path(suffix) {
    return `/api/editions/${this.edition()}/occupations/${encodeURIComponent(this.code)}${suffix}`;
  }

  round(roundCode, suffix) {
    return `/api/editions/${this.edition()}/occupations/${encodeURIComponent(roundCode)}${suffix}`;
  }

  occupation() {
    return this.context.occupations().find(o => o.code === this.code) ?? null;
  }

  async load() {
    const staged = this.context.occupations().filter(o => o.stages?.length);
    const codes = this.context.occupations().map(o => o.code);
    if (!codes.includes(this.code)) this.code = staged[0]?.code ?? codes[0] ?? null;
    this.render();
    await this.refresh();
  }

  async choose(code) {
    this.code = code;
    sessionStorage.setItem(CHOSEN_KEY, code);
    this.previews.clear();
    this.message('');
    await this.refresh();
  }

  async refresh() {
    this.results = null;
    this.composite = null;
    this.boards.clear();
    if (!this.code || !this.occupation()?.stages?.length) { this.render(); return; }
    try {
      this.results = await this.context.authed(this.path('/stages/composite'));
      const boards = await Promise.all(this.results.stages.map(s => this.context.authed(this.round(s.roundCode, '/live-board')).catch(() => null)));
      this.results.stages.forEach((s, i) => this.boards.set(s.id, boards[i]));
    } catch (e) {
      if (e.status !== 401) this.message(this.context.refusal(e), 'bad');
    }
    this.render();
  }

  async movePhase(stage, phase, button) {
    button.disabled = true;
    try {
      await this.context.authed(this.round(stage.roundCode, '/phase'), { method: 'POST', body: { phase } });
      this.message(t('stages.moved', { stage: this.stageName(stage), phase: t(`phase.${phase}`) }));
      await this.refresh();
    } catch (e) {
      if (e.status !== 401) this.message(this.context.refusal(e), 'bad');
    } finally {
      button.disabled = false;
    }
  }

  async preview(stage, count, button) {
    button.disabled = true;
    this.previews.delete(stage.id);
    try {
      const advancement = await this.context.authed(this.path(`/stages/${encodeURIComponent(stage.id)}/advance-preview?count=${encodeURIComponent(count)}`));
      this.previews.set(stage.id, { count: advancement.count, advancement });
      this.message('');
    } catch (e) {
      if (e.status !== 401) this.message(this.context.refusal(e), 'bad');
    } finally {
      button.disabled = false;
    }
    this.render();
  }

  async advance(stage, count, button) {
    button.disabled = true;
    try {
      const advancement = await this.context.authed(this.path(`/stages/${encodeURIComponent(stage.id)}/advance`), { method: 'POST', body: { count } });
      this.previews.delete(stage.id);
      this.message(t('stages.advanced', { stage: this.stageName(stage), count: advancement.advanced.length }));
      await this.refresh();
    } catch (e) {
      if (e.status !== 401) this.message(this.context.refusal(e), 'bad');
      button.disabled = false;
    }
  }

  message(text, kind = 'ok') {
    const el = $('#stages-message');
    el.className = text ? `alert alert-${kind}` : '';
    el.textContent = text ?? '';
  }

  stageName(stage) {
    return loc(stage.name) || scheduledStageName(stage.id);
  }

  /** A contestant's name as the stage's board shows it, else from the composite, else the id. */
  nameOf(id) {
    for (const board of this.boards.values())
      for (const s of board?.standings ?? [])
        if (s.contestantId === id) return s.displayName;
    return this.results?.composite.find(l => l.contestantId === id)?.name ?? id;
  }

  render() {
    const select = $('#stages-occupation');
    fill(select, this.context.occupations().map(o => h('option', { value: o.code, selected: o.code === this.code },
      o.stages?.length ? `${loc(o.name)} · ${t('stages.count', { count: o.stages.length })}` : loc(o.name))));
    if (this.code) select.value = this.code;
    const occupation = this.occupation();
    const list = $('#stages-list');
    if (!occupation) { fill(list); this.renderComposite(); return; }
    if (!occupation.stages?.length) {
      fill(list, h('p', { class: 'hint', id: 'stages-none' }, t('stages.none', { occupation: loc(occupation.name) })));
      this.renderComposite();
      return;
    }
    const stages = this.results?.stages ?? [];
    fill(list, h('ol', { class: 'stage-path' }, stages.map((stage, i) => this.card(stage, stages[i + 1] ?? null))));
    this.renderComposite();
  }

  card(stage, next) {
    const board = this.boards.get(stage.id);
    const phase = stage.phase;
    const select = h('select', { 'aria-label': `${this.stageName(stage)} · ${t('console.moveTo')}` },
      PHASES.filter(p => p !== 'draft').map(p => h('option', { value: p }, t(`phase.${p}`))));
    const following = PHASES[Math.min(PHASES.indexOf(phase) + 1, PHASES.length - 1)];
    select.value = following === 'draft' ? 'checkIn' : following;
    const apply = h('button', { type: 'button', class: 'btn-secondary', dataset: { action: 'phase' } }, t('console.apply'));
    apply.addEventListener('click', () => this.movePhase(stage, select.value, apply));
    const advanced = new Set(stage.advancement?.advanced ?? []);
    const boardLink = appUrl(`/board/?edition=${this.edition()}&occupation=${encodeURIComponent(stage.roundCode)}`);
    const tablet = stage.roundCode.includes('~') ? appUrl(`/judge/?stage=${encodeURIComponent(stage.id)}`) : appUrl('/judge/');
    return h('li', { class: 'stage-card', dataset: { stage: stage.id, phase, round: stage.roundCode } },
      h('div', { class: 'stage-head' },
        h('h3', null, this.stageName(stage)),
        phaseBadge(phase),
        h('span', { class: 'hint mono' }, stage.roundCode),
        h('span', { class: 'hint' }, stage.weight > 0 ? t('stages.weight', { percent: Math.round(stage.weight * 100) }) : t('stages.qualifies')),
        stage.advance ? h('span', { class: 'hint' }, t('stages.advanceN', { count: stage.advance })) : null),
      h('div', { class: 'toolbar' },
        h('div', { class: 'inline' }, select, apply),
        h('a', { href: boardLink, target: '_blank', rel: 'noopener' }, t('stages.board')),
        h('a', { href: tablet, target: '_blank', rel: 'noopener' }, t('stages.tablet'))),
      this.standings(stage, board, advanced),
      next && stage.advance ? this.advanceForm(stage, next) : null);
  }

  standings(stage, board, advanced) {
    const rows = board?.standings ?? [];
    if (!rows.length) return h('p', { class: 'hint stage-empty' }, phaseOrder(stage.phase) < 1 ? t('stages.notStarted') : t('stages.noStandings'));
    return h('table', { class: 'data-table stage-standings' },
      h('caption', { class: 'visually-hidden' }, t('stages.standingsOf', { stage: this.stageName(stage) })),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col', class: 'num' }, t('stages.rank')),
        h('th', { scope: 'col' }, t('stages.contestant')),
        h('th', { scope: 'col', class: 'num' }, t('stages.composite')),
        h('th', { scope: 'col' }, t('stages.advancedCol')))),
      h('tbody', null, rows.map(s => h('tr', { dataset: { contestant: s.contestantId, advanced: String(advanced.has(s.contestantId)) } },
        h('td', { class: 'num' }, s.rank > 0 ? String(s.rank) : '—'),
        h('th', { scope: 'row' }, s.displayName, s.role === 'seed' ? h('span', { class: 'badge badge-seed' }, t('role.seed')) : null),
        h('td', { class: 'num' }, s.markCount > 0 ? score(s.composite) : '—'),
        h('td', null, advanced.has(s.contestantId) ? h('span', { class: 'badge badge-confirmed' }, t('stages.advancedMark')) : '')))));
  }

  advanceForm(stage, next) {
    const preview = this.previews.get(stage.id);
    const id = `advance-count-${stage.id}`;
    const count = h('input', { id, type: 'number', min: 1, step: 1, inputmode: 'numeric', value: preview?.count ?? stage.advancement?.count ?? stage.advance, class: 'advance-count' });
    const show = h('button', { type: 'button', class: 'btn-secondary', dataset: { action: 'preview' } }, t('stages.preview'));
    show.addEventListener('click', () => this.preview(stage, Number(count.value), show));
    count.addEventListener('input', () => { if (this.previews.delete(stage.id)) this.render(); });
    const done = stage.advancement
      ? h('p', { class: 'hint stage-advancement' }, t('stages.advancedAlready', {
        count: stage.advancement.advanced.length, names: this.names(stage.advancement.advanced), next: this.stageName(next),
      }))
      : null;
    return h('section', { class: 'stage-advance', 'aria-label': t('stages.advanceTitle', { stage: this.stageName(stage), next: this.stageName(next) }) },
      h('h4', null, t('stages.advanceTitle', { stage: this.stageName(stage), next: this.stageName(next) })),
      done,
      h('div', { class: 'toolbar' },
        h('div', { class: 'field' }, h('label', { for: id }, t('stages.topN')), count),
        show),
      preview ? this.previewList(stage, preview) : null);
  }

  previewList(stage, preview) {
    const { advancement } = preview;
    const tied = advancement.advanced.length - advancement.count;
    const confirm = h('button', { type: 'button', dataset: { action: 'confirm' } }, t('stages.confirm', { count: advancement.advanced.length }));
    confirm.addEventListener('click', () => this.advance(stage, advancement.count, confirm));
    const board = this.boards.get(stage.id);
    const scoreOf = id => board?.standings.find(s => s.contestantId === id)?.composite;
    return h('div', { class: 'stage-preview', role: 'status' },
      h('p', null, tied > 0
        ? t('stages.previewTied', { count: advancement.count, total: advancement.advanced.length, tied })
        : t('stages.previewExact', { count: advancement.advanced.length })),
      h('ol', { class: 'preview-list' }, advancement.advanced.map((id, i) => h('li', { dataset: { contestant: id, tied: String(i >= advancement.count) } },
        this.nameOf(id), ' ', h('span', { class: 'num hint' }, scoreOf(id) === undefined ? '' : score(scoreOf(id))),
        i >= advancement.count ? h('span', { class: 'badge badge-flag' }, t('stages.tiedAtCut')) : null))),
      confirm);
  }

  names(ids) {
    return ids.map(id => this.nameOf(id)).join(t('stages.separator'));
  }

  renderComposite() {
    const r = this.results;
    const staged = this.occupation()?.stages?.length;
    $('#stages-composite-section').hidden = !staged;
    if (!staged) return;
    $('#stages-composite-state').textContent = !r ? '' : r.settled
      ? t('stages.settled', { outcome: t(`stages.outcome.${r.arena.outcome}`) })
      : t('stages.provisional');
    const weighted = (r?.stages ?? []).filter(s => s.weight > 0);
    fill($('#stages-composite thead'), h('tr', null,
      h('th', { scope: 'col', class: 'num' }, t('stages.rank')),
      h('th', { scope: 'col' }, t('stages.contestant')),
      weighted.map(s => h('th', { scope: 'col', class: 'num' }, `${this.stageName(s)} ×${s.weight}`)),
      h('th', { scope: 'col', class: 'num' }, t('stages.composite'))));
    const lines = r?.composite ?? [];
    fill($('#stages-composite tbody'), lines.length === 0
      ? h('tr', null, h('td', { colspan: weighted.length + 3, class: 'hint' }, t('stages.noComposite')))
      : lines.map(line => h('tr', { dataset: { contestant: line.contestantId, candidate: String(r.arena.titleCandidateId === line.contestantId) } },
        h('td', { class: 'num' }, String(line.rank)),
        h('th', { scope: 'row' }, line.name, line.role === 'seed' ? h('span', { class: 'badge badge-seed' }, t('role.seed')) : null),
        weighted.map(s => h('td', { class: 'num' }, score(line.stages.find(x => x.stageId === s.id)?.composite ?? 0))),
        h('td', { class: 'num' }, score(line.composite)))));
  }
}

function phaseOrder(phase) {
  return PHASES.indexOf(phase);
}
