// The paged lists: admissions (filtered by day, kiosk and kind) and the audit log. Both load
// newest first, 50 at a time; "load more" follows the server's `next`. A live change reloads
// what is shown, as many rows as were shown before.
import { get, getItems, query } from './api.js';
import { $, fill, fillRows, h, showError, td } from './dom.js';
import { isoDate } from './format.js';
import { t, tCode } from './i18n.js';
import { changed } from './overview.js';
import { admissionRow, subjectLink, timeCell } from './rows.js';
import { canAdmin, state } from './state.js';

const PAGE = 50;
const MAX_PAGE = 200;  // the API's limit

function pagedList({ path, params, body, more, error, render }) {
  const list = { items: [], next: null, request: null };

  // reset: the first page again (with as many rows as are shown now), else the next page. Only
  // the newest load counts: starting one aborts the one before, so an older answer (other
  // filters, fewer rows) never replaces a newer one.
  list.load = async ({ reset }) => {
    const limit = reset ? Math.min(MAX_PAGE, Math.max(PAGE, list.items.length)) : PAGE;
    const before = reset ? undefined : list.next;
    if (!reset && !before) return;
    list.request?.abort();
    const request = new AbortController();
    list.request = request;
    try {
      const reply = await get(`${path}${query({ ...params(), before, limit })}`,
                              { signal: request.signal });
      if (request.signal.aborted) return;
      const items = getItems(reply);
      const next = reply?.next ?? null;
      $(error).hidden = true;
      // A live reload that brings the same rows leaves the table (and its focus) alone.
      const same = reset && next === list.next && !changed(list.items, items);
      list.items = reset ? items : list.items.concat(items);
      list.next = next;
      if (!same || !$(body).hasChildNodes()) list.render();
    } catch (failure) {
      if (!request.signal.aborted) showError($(error), failure);
    }
  };
  list.render = () => {
    fillRows($(body), list.items.map(render), t('common.none'));
    $(more).hidden = !list.next;
  };
  list.reset = () => {
    list.items = [];
    list.next = null;
    fill($(body));
    $(more).hidden = true;
  };
  $(more).addEventListener('click', () => list.load({ reset: false }));
  return list;
}

export function auditRow(entry, { withSubject = true } = {}) {
  return h('tr', { 'data-action': entry.action },
    timeCell(t('audit.time'), entry.at),
    td(t('audit.who'), entry.who || ''),
    td(t('audit.action'), h('span', { class: 'action' }, tCode('action', entry.action))),
    withSubject ? td(t('audit.subject'), subjectLink(entry.subject)) : null,
    td(t('audit.why'), entry.why || ''));
}

export const admissions = pagedList({
  path: '/admissions',
  params: () => ({
    day: $('filter-day').value,
    kiosk: $('filter-kiosk').value,
    kind: $('filter-kind').value,
  }),
  body: 'admissions-body',
  more: 'admissions-more',
  error: 'admissions-error',
  render: (a) => admissionRow(a, {
    columns: ['time', 'ticket', 'name', 'organisation', 'category', 'kind', 'kiosk', 'staff'] }),
});

export const audit = pagedList({
  path: '/audit',
  params: () => ({}),
  body: 'audit-body',
  more: 'audit-more',
  error: 'audit-error',
  render: (entry) => auditRow(entry),
});

// Options of a select, keeping what is selected when it is still there.
function setOptions(select, options) {
  const chosen = select.value;
  fill(select, options.map(([value, label]) => h('option', { value }, label)));
  if (options.some(([value]) => value === chosen)) select.value = chosen;
}

export function renderAdmissionFilters() {
  const days = state.summary?.event?.days || [];
  setOptions($('filter-day'), [['', t('common.all')],
    ...days.map((d) => [String(d.day), t('admissions.day', { day: d.day, date: isoDate(d.date) })])]);
  setOptions($('filter-kiosk'), [['', t('common.all')],
    ...state.kiosks.map((k) => [k.id, k.id]), ['desk', t('admissions.desk')]]);
  setOptions($('filter-kind'), [['', t('common.all')],
    ...['entry', 'exit', 'manual_entry'].map((kind) => [kind, tCode('admission.kind', kind)])]);
  $('export-link').hidden = !canAdmin();
}

export function initLists() {
  $('admission-filters').addEventListener('change', () => {
    admissions.reset();
    admissions.load({ reset: true });
  });
  $('admission-filters').addEventListener('submit', (event) => event.preventDefault());
}
