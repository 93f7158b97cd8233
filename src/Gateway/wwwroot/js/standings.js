// A leaderboard table that updates in place: rows are keyed by contestant, re-ordered with a FLIP
// animation when ranks change, and changed scores flash briefly. Shared by the board and big screen.
import { t, loc } from './i18n.js';
import { h, clear, fill } from './dom.js';
import { score, plain } from './format.js';
import { flip, pulse } from './flip.js';

/** Module display names: from the occupation's scheme when known, else the common module ids. */
export function moduleName(moduleId, schemeModules) {
  const module = schemeModules?.find(m => m.id === moduleId);
  if (module) return loc(module.name);
  const key = `module.${moduleId}`;
  const known = t(key);
  return known === key ? moduleId : known;
}

export class StandingsTable {
  constructor({ showMarks = false } = {}) {
    this.showMarks = showMarks;
    this.rows = new Map();
    this.table = h('table', { class: 'standings' });
    this.caption = h('caption', { class: 'visually-hidden' });
    this.head = h('thead');
    this.body = h('tbody');
    this.table.append(this.caption, this.head, this.body);
    this.moduleIds = [];
    this.schemeModules = null;
  }

  /** Renders a PublicLeaderboard; returns the contestant now first, to announce a new leader. */
  update(board, { caption, schemeModules } = {}) {
    this.schemeModules = schemeModules ?? this.schemeModules;
    this.caption.textContent = caption ?? '';
    const moduleIds = board.standings[0]?.modules?.map(m => m.moduleId)
      ?? this.schemeModules?.map(m => m.id) ?? [];
    if (moduleIds.join() !== this.moduleIds.join() || !this.head.firstChild) {
      this.moduleIds = moduleIds;
      this.renderHead();
      // Column set changed: rebuild the rows.
      this.rows.clear();
      clear(this.body);
    }
    // 推荐人选 only once the round is signed off: before that one judge's marks could name it and then take it back.
    const candidate = isSettled(board.phase) ? board.arena?.titleCandidateId : null;
    // During a bottom-up reveal the top places are still to come: a sealed row holds each place.
    const sealed = Array.from({ length: board.withheld ?? 0 }, (_, i) => this.sealedRow(i + 1));
    const ordered = [...sealed, ...board.standings.map(standing => this.row(standing, candidate))];
    flip(this.body, () => {
      const keep = new Set(ordered);
      for (const row of [...this.body.children]) if (!keep.has(row)) row.remove();
      for (const row of ordered) this.body.append(row);
    });
    for (const [id, row] of this.rows) if (!row.isConnected) this.rows.delete(id);
    // While places are sealed, the first row shown is not the leader.
    return board.withheld > 0 ? null : board.standings[0] ?? null;
  }

  renderHead() {
    fill(this.head, h('tr', null,
      h('th', { scope: 'col', class: 'rank-col' }, t('board.rank')),
      h('th', { scope: 'col' }, t('board.contestant')),
      h('th', { scope: 'col', class: 'num' }, t('board.composite')),
      this.moduleIds.map(id => h('th', { scope: 'col', class: 'num module-col' }, moduleName(id, this.schemeModules))),
      this.showMarks ? h('th', { scope: 'col', class: 'num module-col' }, t('board.marks')) : null,
      h('th', { scope: 'col' }, t('board.status'))));
  }

  sealedRow(rank) {
    const columns = 3 + this.moduleIds.length + (this.showMarks ? 1 : 0);
    return h('tr', { class: 'sealed', dataset: { key: `sealed-${rank}`, sealedRank: String(rank) } },
      h('td', { class: 'rank num' }, String(rank)),
      h('td', { colspan: columns, class: 'sealed-note' }, t('board.sealed')));
  }

  row(standing, candidateId) {
    let row = this.rows.get(standing.contestantId);
    if (!row) {
      row = h('tr', { dataset: { key: standing.contestantId, contestant: standing.contestantId } });
      row.cells_ = {
        rank: h('td', { class: 'rank num' }),
        who: h('td', { class: 'who' }),
        composite: h('td', { class: 'composite num' }),
        modules: this.moduleIds.map(() => h('td', { class: 'num module-col' })),
        marks: this.showMarks ? h('td', { class: 'num module-col' }) : null,
        status: h('td', { class: 'status' }),
      };
      const c = row.cells_;
      row.append(c.rank, c.who, c.composite, ...c.modules, ...(c.marks ? [c.marks] : []), c.status);
      this.rows.set(standing.contestantId, row);
    }
    const c = row.cells_;
    row.dataset.rank = String(standing.rank);
    row.classList.toggle('candidate', standing.contestantId === candidateId);

    setText(c.rank, standing.markCount > 0 ? String(standing.rank) : UNRANKED);
    fill(c.who, 
      h('span', { class: 'name' }, standing.displayName),
      h('span', { class: `badge badge-${standing.role}` }, t(`role.${standing.role}`)),
      // No ⚑ review flag on a public board: the panel's review is not the public's business.
      standing.contestantId === candidateId ? [' ', h('span', { class: 'badge badge-status-official' }, t('arena.candidate'))] : null);
    if (setText(c.composite, score(standing.composite))) pulse(c.composite);
    this.moduleIds.forEach((id, i) => {
      const m = standing.modules.find(x => x.moduleId === id);
      const cellEl = c.modules[i];
      const text = m ? score(m.score) : '–';
      if (cellEl.dataset.value !== text) {
        cellEl.dataset.value = text;
        fill(cellEl, text, m ? h('span', { class: 'module-max' }, ` / ${plain(m.max)}`) : '');
      }
    });
    if (c.marks) setText(c.marks, String(standing.markCount));
    fill(c.status, h('span', { class: `badge badge-status-${standing.status}` }, t(`status.${standing.status}`)));
    return row;
  }
}

/** Sets text if it changed; true when it did (and it had a value before). */
function setText(el, text) {
  if (el.textContent === text) return false;
  const had = el.textContent !== '';
  el.textContent = text;
  return had;
}

/** What a public page shows in the rank column for a contestant with no marks yet: unranked, not tied first. */
export const UNRANKED = '—';

const SETTLED = new Set(['signedOff', 'published', 'final']);

/**
 * Whether a round's outcome may be shown to the public: once it is signed off. Before that the
 * arena outcome (守擂成功 / 攻擂成功) and 推荐人选 are not shown, only a provisional leader, so no
 * screen announces what the next marks may take back.
 */
export function isSettled(phase) {
  return SETTLED.has(phase);
}

/** The arena outcome as a banner (攻擂成功 / 守擂成功 / …) once the round is signed off; "pending" before; nothing while a reveal still withholds places. */
export function boardArenaBanner(board) {
  if (!board || (board.frozen && board.withheld > 0)) return null;
  return arenaBanner(isSettled(board.phase) ? board.arena : null);
}

export function arenaBanner(arena) {
  const outcome = arena?.outcome ?? 'pending';
  return h('span', { class: 'arena-banner', dataset: { outcome } }, t(`arena.${outcome}`));
}

export function phaseBadge(phase) {
  return h('span', { class: 'badge badge-phase', dataset: { phase: phase ?? '' } }, t(`phase.${phase ?? 'unknown'}`));
}

/**
 * FROZEN / REVEALING / BLIND — the public board says whether it is frozen (viewers keep the
 * standing of the moment of freezing), how many places a rank-by-rank reveal still withholds (the
 * table shows them as sealed rows), and whether identities are draw numbers.
 */
export function renderBoardState(slot, board) {
  const notes = [];
  if (board?.blind) notes.push(t('board.blind'));
  if (board?.frozen) notes.push(board.withheld > 0 ? t('board.revealing', { n: board.withheld }) : t('board.frozen'));
  slot.hidden = notes.length === 0;
  slot.dataset.state = board?.frozen ? (board.withheld > 0 ? 'revealing' : 'frozen') : board?.blind ? 'blind' : '';
  slot.textContent = notes.join(' · ');
}

/**
 * Whether a received board should replace the shown one: a newer version, or the same version in
 * another state. (A board frozen at version v is pushed with version v even though it is news.)
 */
export function isNewer(board, shown) {
  if (!shown) return true;
  if (board.version !== shown.version) return board.version > shown.version;
  return `${!!board.frozen}|${board.withheld ?? 0}|${!!board.blind}` !== `${!!shown.frozen}|${shown.withheld ?? 0}|${!!shown.blind}`;
}
