// Console section "Open call": one occupation at a time — its registration window, every entry with
// its personal data (the office alone reads this), the likely duplicates, and the vetting decision.
import { t, loc, locale } from '../js/i18n.js';
import { h, $, fill, appUrl } from '../js/dom.js';
import { fromLocalInput, toLocalInput } from './local-time.js';

const CHOSEN_KEY = 'craftsman.console.openCall';

export class OpenCallPanel {
  constructor(context) {
    this.context = context;
    this.code = sessionStorage.getItem(CHOSEN_KEY);
    this.summary = null;
    this.entries = [];
    this.challengers = [];
    $('#call-occupation').addEventListener('change', () => this.choose($('#call-occupation').value));
    $('#call-save').addEventListener('click', () => this.saveWindow());
  }

  path(suffix) {
    return `/api/editions/${encodeURIComponent(this.context.editionId())}/occupations/${encodeURIComponent(this.code)}${suffix}`;
  }

  async load() {
    const codes = this.context.occupations().map(o => o.code);
    if (!codes.includes(this.code)) this.code = codes[0] ?? null;
    this.render();
    await this.refresh();
  }

  async choose(code) {
    this.code = code;
    sessionStorage.setItem(CHOSEN_KEY, code);
    this.message('');
    await this.refresh();
  }

  async refresh() {
    if (!this.code) { this.entries = []; this.summary = null; this.render(); return; }
    try {
      [this.summary, this.entries, this.challengers] = await Promise.all([
        this.context.authed(this.path('/open-call')),
        this.context.authed(this.path('/registrations')),
        this.context.authed(this.path('/challengers')),
      ]);
      const w = this.summary.window;
      $('#call-opens').value = toLocalInput(w?.opens);
      $('#call-closes').value = toLocalInput(w?.closes);
    } catch (e) {
      if (e.status !== 401) this.message(this.context.refusal(e), 'bad');
    }
    this.render();
  }

  async saveWindow() {
    const button = $('#call-save');
    button.disabled = true;
    try {
      await this.context.authed(this.path('/open-call'), { method: 'PUT', body: { opens: fromLocalInput($('#call-opens').value), closes: fromLocalInput($('#call-closes').value) } });
      this.message(t('console.windowSaved', { occupation: this.name() }));
      await this.refresh();
    } catch (e) {
      if (e.status !== 401) this.message(this.context.refusal(e), 'bad');
    } finally {
      button.disabled = false;
    }
  }

  async vet(entry, accept, reason, button) {
    button.disabled = true;
    try {
      const decided = await this.context.authed(this.path(`/registrations/${encodeURIComponent(entry.receiptNumber)}/vetting`), { method: 'POST', body: { accept, reason } });
      this.message(t('console.vetted', { receipt: decided.receiptNumber, status: t(`console.status.${decided.status}`) }));
      await this.refresh();
    } catch (e) {
      if (e.status !== 401) this.message(this.context.refusal(e), 'bad');
      button.disabled = false;
    }
  }

  name() {
    return loc(this.context.occupations().find(o => o.code === this.code)?.name) || this.code;
  }

  message(text, kind = 'ok') {
    const el = $('#call-message');
    el.className = text ? `alert alert-${kind}` : '';
    el.textContent = text ?? '';
  }

  render() {
    const select = $('#call-occupation');
    fill(select, this.context.occupations().map(o => h('option', { value: o.code, selected: o.code === this.code }, loc(o.name))));
    if (this.code) select.value = this.code;
    const link = $('#call-page');
    link.href = appUrl(`/register/?edition=${encodeURIComponent(this.context.editionId())}&occupation=${encodeURIComponent(this.code ?? '')}`);
    const s = this.summary;
    $('#call-summary').textContent = s ? `${s.isOpen ? t('register.open') : s.window ? t('register.closed', { closes: when(s.window.closes) }) : t('register.notOpen')} · ${t('register.counts', { received: s.received, accepted: s.accepted })}` : '';
    $('#call-entries-title').textContent = t('console.entries', { count: this.entries.length });
    const body = $('#call-entries tbody');
    fill(body, this.entries.length === 0
      ? h('tr', null, h('td', { colspan: 8, class: 'hint' }, t('console.noEntries')))
      : this.entries.map(entry => this.row(entry)));
    $('#call-challengers').textContent = this.challengers.length
      ? t('console.challengers', { names: this.challengers.map(c => `${c.name} (${c.id})`).join(locale() === 'zh-CN' ? '、' : ', ') })
      : '';
  }

  row(entry) {
    const reason = h('input', { class: 'reason', 'aria-label': `${t('console.rejectReason')} ${entry.form.name}`, maxlength: 500, placeholder: t('console.rejectReason'), value: entry.rejectionReason ?? '' });
    return h('tr', { dataset: { receipt: entry.receiptNumber, status: entry.status }, class: entry.duplicates.length ? 'duplicate' : null },
      h('td', { class: 'mono' }, entry.receiptNumber),
      h('td', null, entry.form.name,
        entry.duplicates.length ? h('div', { class: 'badge badge-flag duplicates' }, t('console.duplicates', { receipts: entry.duplicates.join(', ') })) : null),
      h('td', null, entry.form.employer),
      h('td', null, entry.form.contact),
      h('td', { class: 'mono' }, entry.form.idLast4),
      h('td', { class: 'statement' }, entry.form.statement),
      h('td', null, h('span', { class: `badge entry-status entry-${entry.status}` }, t(`console.status.${entry.status}`)),
        entry.rejectionReason ? h('div', { class: 'hint' }, entry.rejectionReason) : null,
        entry.contestantId ? h('div', { class: 'hint mono' }, entry.contestantId) : null),
      h('td', { class: 'vetting' },
        h('button', { type: 'button', class: 'btn-secondary', dataset: { action: 'accept' }, disabled: entry.status === 'accepted',
          onclick: event => this.vet(entry, true, null, event.currentTarget) }, t('console.accept')),
        reason,
        h('button', { type: 'button', class: 'btn-danger', dataset: { action: 'reject' },
          onclick: event => this.vet(entry, false, reason.value, event.currentTarget) }, t('console.reject'))));
  }
}

function when(value) {
  return new Date(value).toLocaleString(locale(), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
}
