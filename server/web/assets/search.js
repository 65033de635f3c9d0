// Search as you type: 150 ms after the last key the query goes to the server, which forgives case
// and accents ("muller" finds "Müller"). An older answer never replaces a newer one. Enter opens
// the first match; arrow keys walk the list; Escape closes it.
import { get, getItems, query } from './api.js';
import { $, attendeeHref, fill, h, showError } from './dom.js';
import { t } from './i18n.js';
import { statusBadges } from './rows.js';

const DEBOUNCE_MS = 150;
const LIMIT = 20;

let timer = null;
let controller = null;
let results = null;  // the last answer's items, or null while none
let lastQuery = '';

function panelOpen(open) {
  $('search-panel').hidden = !open;
  $('search-input').setAttribute('aria-expanded', String(open));
}

function renderResults() {
  const list = $('search-results');
  const status = $('search-status');
  if (results === null) {
    fill(list);
    status.textContent = lastQuery ? t('search.searching') : '';
    status.hidden = !lastQuery;
    return;
  }
  status.textContent = results.length ? '' : t('search.none');
  status.hidden = results.length > 0;
  fill(list, results.map((r) => h('li', {},
    h('a', { href: attendeeHref(r.ticket_code), class: 'result', 'data-testid': 'search-result',
             'data-ticket': r.ticket_code },
      h('span', { class: 'result-name' }, r.name || r.ticket_code),
      h('span', { class: 'result-meta' },
        [r.organisation, r.category, r.ticket_code].filter(Boolean).join(' · ')),
      h('span', { class: 'result-badges' }, statusBadges(r))))));
}

async function run(text) {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  try {
    const reply = await get(`/attendees${query({ q: text, limit: LIMIT })}`, { signal });
    if (signal.aborted || text !== lastQuery) return;
    results = getItems(reply);
  } catch (error) {
    if (error?.name === 'AbortError' || text !== lastQuery) return;
    results = [];
    showError($('search-status'), error);
    fill($('search-results'));
    return;
  }
  renderResults();
}

function onInput() {
  const text = $('search-input').value.trim();
  clearTimeout(timer);
  lastQuery = text;
  if (!text) {
    controller?.abort();
    results = null;
    panelOpen(false);
    return;
  }
  results = null;
  renderResults();
  panelOpen(true);
  timer = setTimeout(() => run(text), DEBOUNCE_MS);
}

function links() {
  return [...$('search-results').querySelectorAll('a.result')];
}

function onKey(event) {
  if (event.key === 'Escape') {
    panelOpen(false);
  } else if (event.key === 'ArrowDown' && !$('search-panel').hidden) {
    event.preventDefault();
    links()[0]?.focus();
  } else if (event.key === 'Enter') {
    event.preventDefault();
    const first = links()[0];
    if (first) first.click();
  }
}

function onListKey(event) {
  const all = links();
  const at = all.indexOf(document.activeElement);
  if (event.key === 'ArrowDown' && at >= 0) {
    event.preventDefault();
    all[Math.min(all.length - 1, at + 1)].focus();
  } else if (event.key === 'ArrowUp' && at >= 0) {
    event.preventDefault();
    if (at === 0) $('search-input').focus();
    else all[at - 1].focus();
  } else if (event.key === 'Escape') {
    panelOpen(false);
    $('search-input').focus();
  }
}

export function closeSearch() {
  panelOpen(false);
}

export function renderSearch() {
  if (!$('search-panel').hidden) renderResults();
}

export function resetSearch() {
  clearTimeout(timer);
  controller?.abort();
  results = null;
  lastQuery = '';
  $('search-input').value = '';
  fill($('search-results'));
  panelOpen(false);
}

export function initSearch() {
  const input = $('search-input');
  input.addEventListener('input', onInput);
  input.addEventListener('keydown', onKey);
  input.addEventListener('focus', () => {
    if (input.value.trim() && results !== null) panelOpen(true);
  });
  $('search-results').addEventListener('keydown', onListKey);
  // A chosen result opens its page; the box is emptied for the next person at the desk.
  $('search-results').addEventListener('click', (event) => {
    if (event.target.closest('a.result')) setTimeout(resetSearch, 0);
  });
  document.addEventListener('click', (event) => {
    if (!event.target.closest('.search')) panelOpen(false);
  });
}
