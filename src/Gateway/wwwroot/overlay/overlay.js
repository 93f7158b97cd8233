// The broadcast's lower third (OBS browser source, transparent background): an occupation's
// leader, or the contestant named in ?contestant=, from the public board and its live pushes — so
// it never shows more than any viewer may see (draw numbers in a blind round, the frozen board).
import { t, loc, locOther, onLangChange } from '../js/i18n.js';
import '../js/strings/selection.js';
import { $, params, appUrl } from '../js/dom.js';
import { occupations as fetchOccupations } from '../js/api.js';
import { LiveConnection, indicatorMarkup } from '../js/hub.js';
import { isNewer } from '../js/standings.js';
import { score } from '../js/format.js';

const query = params();
const editionId = query.get('edition') || (await fetch('/api/editions').then(r => r.json()).catch(() => ({}))).current;
const code = query.get('occupation');
const contestant = query.get('contestant');
const state = { occupation: null, board: null };

const indicator = indicatorMarkup();
$('#conn-slot').append(indicator);
onLangChange(() => render());
start();

async function start() {
  const occupations = await fetchOccupations(editionId).catch(() => []);
  state.occupation = occupations.find(o => o.code === code) ?? null;
  if (!state.occupation) return;
  const hub = new LiveConnection({
    url: appUrl('/hubs/live'),
    indicator,
    onReady: async () => receive(await hub.invoke('FollowOccupation', editionId, code), true),
  });
  hub.on('LeaderboardChanged', board => receive(board, false));
  hub.start();
}

function receive(board, isSnapshot) {
  if (!board || board.occupationCode !== code) return;
  if (!isSnapshot && !isNewer(board, state.board)) return;
  state.board = board;
  render();
}

function render() {
  const box = $('#lower-third');
  if (!state.occupation) return;
  box.hidden = false;
  $('#lt-occupation').textContent = loc(state.occupation.name);
  $('#lt-occupation-other').textContent = locOther(state.occupation.name);
  const standings = state.board?.standings ?? [];
  const shown = contestant ? standings.find(s => s.contestantId === contestant) : standings.find(s => s.rank === 1);
  box.dataset.contestant = shown?.contestantId ?? '';
  $('#lt-label').textContent = shown ? (contestant ? t('overlay.current') : t('overlay.leader')) : '';
  $('#lt-name').textContent = shown ? shown.displayName : t('overlay.noStandings');
  $('#lt-role').textContent = shown && shown.role !== 'undisclosed' ? t(`role.${shown.role}`) : '';
  $('#lt-score').textContent = shown && shown.markCount > 0 ? score(shown.composite) : '';
}
