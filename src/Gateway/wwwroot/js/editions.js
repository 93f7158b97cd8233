// Which edition a page shows: the one in ?edition=, else the one the office marked current; and a
// picker in the header that opens the same page on another edition.
import { t, loc, onLangChange } from './i18n.js';
import { h, clear, delay } from './dom.js';
import { api } from './api.js';

/** The editions ({ current, editions: [{ id, title, year, imported }] }); anonymous. */
export function editions() {
  return api('/api/editions');
}

/**
 * The edition to open: the requested one, else the current one (null when there is none). Retries
 * while the server is starting or unreachable, like the pages' other first reads.
 */
export async function openingEdition(requested, backoff) {
  for (let attempt = 0; ; attempt++) {
    try {
      const list = await editions();
      return { id: requested || list.current || list.editions[0]?.id || null, list };
    } catch (error) {
      if (error.status && error.status < 500) return { id: requested || null, list: { current: null, editions: [] } };
      await delay(backoff ? backoff(attempt) : Math.min(1000 * 2 ** attempt, 10000));
    }
  }
}

/**
 * Fills a <select> with the editions (hidden when there is only one); choosing another reloads
 * this page on it, dropping the parameters that name the old edition's occupations.
 */
export function mountEditionPicker(select, list, editionId) {
  const render = () => {
    clear(select);
    for (const e of list.editions)
      select.append(h('option', { value: e.id, selected: e.id === editionId }, `${loc(e.title)} (${e.id})`));
    select.setAttribute('aria-label', t('editions.pick'));
    select.title = t('editions.pick');
  };
  select.hidden = list.editions.length < 2;
  render();
  onLangChange(render);
  select.addEventListener('change', () => {
    const url = new URL(location.href);
    url.searchParams.set('edition', select.value);
    url.searchParams.delete('occupation');
    url.searchParams.delete('occupations');
    location.href = url.toString();
  });
}
