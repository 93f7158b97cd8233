// Console section "Screens": every named screen of the hall and what it shows; a switch is pushed
// to that screen at once (the screen follows its name over the live hub).
import { t, loc, locale } from '../js/i18n.js';
import { h, $, fill, appUrl } from '../js/dom.js';

const CONTENTS = ['welcome', 'board', 'arena', 'overview', 'ceremony', 'rotation'];
const ONE_OCCUPATION = new Set(['board', 'arena', 'ceremony']);

export class ScreensPanel {
  constructor(context) {
    this.context = context;
    this.screens = [];
  }

  base() {
    return `/api/editions/${encodeURIComponent(this.context.editionId())}/screens`;
  }

  async load() {
    this.render();
    await this.refresh();
  }

  async refresh() {
    try {
      this.screens = await this.context.authed(this.base());
    } catch (e) {
      this.screens = [];
      if (e.status !== 401 && e.status !== 404) this.message(this.context.refusal(e), 'bad');
    }
    this.render();
  }

  async direct(name, row, button) {
    const content = row.querySelector('select.content').value;
    const occupationCode = ONE_OCCUPATION.has(content) ? row.querySelector('select.occupation').value : null;
    const intervalSeconds = content === 'rotation' ? Number(row.querySelector('input.interval').value) || null : null;
    button.disabled = true;
    try {
      const directed = await this.context.authed(`${this.base()}/${encodeURIComponent(name)}`, { method: 'PUT', body: { content, occupationCode, intervalSeconds } });
      this.message(t('console.directed', { screen: directed.screenName, show: t(`show.${directed.show.content}`) }));
      await this.refresh();
    } catch (e) {
      if (e.status !== 401) this.message(this.context.refusal(e), 'bad');
    } finally {
      button.disabled = false;
    }
  }

  message(text, kind = 'ok') {
    const el = $('#screens-message');
    el.className = text ? `alert alert-${kind}` : '';
    el.textContent = text ?? '';
  }

  render() {
    const rows = this.screens.map(screen => this.row(screen.screenName, screen));
    rows.push(this.row(null, null));
    fill($('#screens tbody'), rows);
  }

  row(name, screen) {
    const show = screen?.show ?? { content: 'welcome' };
    const nameCell = name
      ? h('th', { scope: 'row' }, name,
        h('div', { class: 'hint' }, screen.lastRegisteredAt ? t('console.lastSeen', { at: when(screen.lastRegisteredAt) }) : t('console.neverSeen')),
        h('a', { href: appUrl(`/board/?edition=${encodeURIComponent(this.context.editionId())}&screen=${encodeURIComponent(name)}`), target: '_blank', rel: 'noopener' }, t('console.openScreen')))
      : h('td', null, h('input', { class: 'new-name', 'aria-label': t('console.addScreen'), placeholder: t('console.addScreen'), maxlength: 40 }));
    const label = name ?? t('console.addScreen');
    const content = h('select', { class: 'content', 'aria-label': `${t('console.show')} ${label}` },
      CONTENTS.map(c => h('option', { value: c, selected: c === show.content }, t(`show.${c}`))));
    const occupation = h('select', { class: 'occupation', 'aria-label': `${t('console.occupation')} ${label}` },
      this.context.occupations().map(o => h('option', { value: o.code, selected: o.code === show.occupationCode }, loc(o.name))));
    const interval = h('input', { class: 'interval', type: 'number', min: 5, max: 600, size: 5, value: show.intervalSeconds ?? 15, 'aria-label': `${t('console.interval')} ${label}` });
    const sync = () => {
      occupation.disabled = !ONE_OCCUPATION.has(content.value);
      interval.disabled = content.value !== 'rotation';
    };
    content.addEventListener('change', sync);
    sync();
    const row = h('tr', { dataset: { screen: name ?? '' } }, nameCell, h('td', null, content), h('td', null, occupation), h('td', null, interval));
    row.append(h('td', null, h('button', { type: 'button', dataset: { action: 'direct' }, onclick: event => {
      const target = name ?? row.querySelector('input.new-name').value.trim();
      if (target) this.direct(target, row, event.currentTarget);
    } }, t('console.direct'))));
    return row;
  }
}

function when(value) {
  return new Date(value).toLocaleString(locale(), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}
