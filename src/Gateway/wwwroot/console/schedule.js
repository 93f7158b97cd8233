// Console section "Schedule": each stage's date, time and venue; the public overview and the big
// screens read the same schedule.
import { t, loc, locale } from '../js/i18n.js';
import { h, $, fill } from '../js/dom.js';
import { fromLocalInput } from './local-time.js';

export class SchedulePanel {
  constructor(context) {
    this.context = context;
    this.items = [];
    $('#slot-form').addEventListener('submit', event => { event.preventDefault(); this.save(); });
  }

  base() {
    return `/api/editions/${encodeURIComponent(this.context.editionId())}/schedule`;
  }

  async load() {
    this.render();
    await this.refresh();
  }

  async refresh() {
    try {
      this.items = (await this.context.authed(this.base())).items.map(i => i.slot);
    } catch (e) {
      this.items = [];
      if (e.status !== 401 && e.status !== 404) this.message(this.context.refusal(e), 'bad');
    }
    this.render();
  }

  async save() {
    const button = $('#slot-save');
    button.disabled = true;
    try {
      const code = $('#slot-occupation').value;
      const stage = $('#slot-stage').value;
      await this.context.authed(`${this.base()}/${encodeURIComponent(code)}/${encodeURIComponent(stage)}`, {
        method: 'PUT',
        body: { start: fromLocalInput($('#slot-start').value), end: fromLocalInput($('#slot-end').value), venue: $('#slot-venue').value },
      });
      this.message(t('console.slotSaved'));
      await this.refresh();
    } catch (e) {
      if (e.status !== 401) this.message(this.context.refusal(e), 'bad');
    } finally {
      button.disabled = false;
    }
  }

  async remove(slot, button) {
    button.disabled = true;
    try {
      await this.context.authed(`${this.base()}/${encodeURIComponent(slot.occupationCode)}/${encodeURIComponent(slot.stage)}`, { method: 'DELETE' });
      await this.refresh();
    } catch (e) {
      if (e.status !== 401) this.message(this.context.refusal(e), 'bad');
      button.disabled = false;
    }
  }

  message(text, kind = 'ok') {
    const el = $('#slot-message');
    el.className = text ? `alert alert-${kind}` : '';
    el.textContent = text ?? '';
  }

  render() {
    const select = $('#slot-occupation');
    const chosen = select.value;
    fill(select, this.context.occupations().map(o => h('option', { value: o.code, selected: o.code === chosen }, loc(o.name))));
    const names = new Map(this.context.occupations().map(o => [o.code, loc(o.name)]));
    const sorted = [...this.items].sort((a, b) => new Date(a.start) - new Date(b.start));
    fill($('#slots tbody'), sorted.length === 0
      ? h('tr', null, h('td', { colspan: 6, class: 'hint' }, t('console.noSlots')))
      : sorted.map(slot => h('tr', { dataset: { occupation: slot.occupationCode, stage: slot.stage } },
        h('td', null, names.get(slot.occupationCode) ?? slot.occupationCode),
        h('td', null, stageName(slot.stage)),
        h('td', { class: 'num' }, when(slot.start)),
        h('td', { class: 'num' }, when(slot.end)),
        h('td', null, slot.venue),
        h('td', null, h('button', { type: 'button', class: 'btn-danger', onclick: event => this.remove(slot, event.currentTarget) }, t('console.removeSlot'))))));
  }
}

export function stageName(stage) {
  const key = `stage.${stage}`;
  const name = t(key);
  return name === key ? stage : name;
}

function when(value) {
  return new Date(value).toLocaleString(locale(), { month: 'short', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false });
}
