// The overview: today's counts, the per-minute chart, categories, the kiosk table with every
// problem in red, alerts to acknowledge, recent refusals and the latest admissions.
import { get, getItems, post, query } from './api.js';
import { perMinuteChart } from './chart.js';
import { $, fill, fillRows, h, td } from './dom.js';
import { ago, clockTime, decimal, fullDateTime, isoDate, number } from './format.js';
import { t, tCode } from './i18n.js';
import { admissionRow, personLink, problemLabel, ticketLink } from './rows.js';
import { canDesk, state } from './state.js';

const LATEST_COUNT = 10;

const data = { alerts: [], alertsAll: false, latest: [] };
let alertsRequest = null;  // the AbortController of the alerts' newest load

export function renderSummary() {
  const s = state.summary;
  if (!s) return;
  $('event-name').textContent = s.event?.name || '';
  $('today').textContent = s.today
    ? t('overview.today', { day: s.today.day, date: isoDate(s.today.date) })
    : t('overview.notToday');
  $('stat-admitted').textContent = number(s.admitted);
  $('stat-expected').textContent = t('overview.ofExpected', { n: number(s.expected) });
  const share = s.expected > 0 ? Math.min(1, s.admitted / s.expected) : 0;
  // The fill's width through the CSSOM: allowed under a CSP without 'unsafe-inline'.
  $('stat-meter').style.width = `${(share * 100).toFixed(1)}%`;
  $('stat-on-site').textContent = number(s.on_site);

  const online = s.kiosks?.online ?? 0;
  const total = s.kiosks?.total ?? 0;
  $('stat-kiosks').textContent = `${number(online)} / ${number(total)}`;
  $('card-kiosks').classList.toggle('problem', online < total);

  $('stat-alerts').textContent = number(s.open_alerts);
  $('card-alerts').classList.toggle('problem', (s.open_alerts || 0) > 0);

  const refusals = s.refusals || {};
  const refusalTotal = Object.values(refusals).reduce((a, b) => a + (Number(b) || 0), 0);
  $('stat-refusals').textContent = number(refusalTotal);
  fill($('refusal-counts'), Object.entries(refusals)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, count]) => h('span', { class: 'tag neutral', 'data-reason': reason },
                                `${tCode('reason', reason)}: ${number(count)}`)));

  fill($('chart'), perMinuteChart(s.per_minute));

  fillRows($('categories-body'), (s.by_category || []).map((c) => h('tr', {},
    td(t('overview.category'), c.category),
    h('td', { class: 'num', 'data-label': t('overview.admittedShort') }, number(c.admitted)),
    h('td', { class: 'num', 'data-label': t('overview.expected') }, number(c.expected)))),
  t('common.none'));

  fillRows($('refusals-body'), (s.recent_refusals || []).map((r) => h('tr', {},
    td(t('refusal.time'), clockTime(r.time)),
    td(t('admission.kiosk'), r.kiosk || ''),
    td(t('refusal.who'), r.ticket_code ? personLink(r)
                                        : h('span', { class: 'muted' }, t('refusal.unknownCode'))),
    td(t('refusal.why'), h('span', { class: 'reason', 'data-reason': r.reason },
                           tCode('reason', r.reason))))),
  t('refusal.none'));
}

function problemList(problems) {
  if (!problems.length) return h('span', { class: 'ok' }, t('kiosk.allWell'));
  return h('ul', { class: 'problems' }, problems.map((p) =>
    h('li', { class: 'problem', 'data-testid': 'kiosk-problem' }, problemLabel(), p)));
}

// A state word in red when it is not "ready".
function deviceState(prefix, value, extra) {
  const bad = value !== 'ready';
  return h('span', { class: bad ? 'problem' : 'ok', 'data-state': value },
           bad ? problemLabel() : null, tCode(prefix, value || 'unknown'), extra);
}

function clockSkew(ms) {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '–';
  const seconds = decimal(Math.abs(ms) / 1000);
  if (Math.abs(ms) < 50) return `±${decimal(0)} s`;
  return t(ms > 0 ? 'kiosk.clockAhead' : 'kiosk.clockBehind', { s: seconds });
}

export function renderKiosks() {
  fillRows($('kiosks-body'), state.kiosks.map((k) => {
    const problems = Array.isArray(k.problems) ? k.problems : [];
    const queued = k.print_jobs?.queued || 0;
    return h('tr', { class: problems.length ? 'has-problem' : '', 'data-kiosk': k.id },
      h('th', { scope: 'row', 'data-label': t('kiosk.id') }, k.id),
      td(t('kiosk.state'),
         h('span', { class: k.online ? 'ok' : 'problem' }, k.online ? null : problemLabel(),
           t(k.online ? 'kiosk.online' : 'kiosk.offline')),
         k.paused ? h('span', { class: 'tag problem' }, t('kiosk.paused')) : null),
      h('td', { 'data-label': t('kiosk.lastSeen'), title: fullDateTime(k.last_seen) },
        ago(k.last_seen)),
      td(t('kiosk.software'), k.software || '–'),
      h('td', { class: ['num', k.unsynced > 0 ? 'warn' : ''], 'data-label': t('kiosk.unsynced') },
        number(k.unsynced ?? 0)),
      td(t('kiosk.printer'), deviceState('printer', k.printer,
         queued > 0 ? h('span', { class: 'muted' }, ` · ${t('kiosk.queued', { n: number(queued) })}`)
                    : null)),
      td(t('kiosk.scanner'), deviceState('scanner', k.scanner)),
      td(t('kiosk.clock'), clockSkew(k.clock_skew_ms)),
      td(t('kiosk.problems'), problemList(problems)));
  }), t('kiosk.none'));
}

function alertItem(alert, onError) {
  const acknowledged = alert.acknowledged_at !== null && alert.acknowledged_at !== undefined;
  const button = !acknowledged && canDesk()
    ? h('button', {
      type: 'button',
      class: 'secondary small',
      'data-testid': 'alert-acknowledge',
      onclick: async (event) => {
        const clicked = event.currentTarget;
        clicked.disabled = true;
        try {
          await post(`/alerts/${encodeURIComponent(alert.id)}/acknowledge`);
          await loadAlerts();
        } catch (error) {
          onError(error);
          clicked.disabled = false;
        }
      },
    }, t('alert.acknowledge'))
    : null;
  return h('li', { class: ['alert', acknowledged ? 'done' : 'open'], 'data-kind': alert.kind,
                   'data-testid': 'alert' },
    h('div', { class: 'alert-head' },
      h('strong', { class: acknowledged ? '' : 'problem' }, acknowledged ? null : problemLabel(),
        tCode('alert.kind', alert.kind)),
      alert.kiosk ? h('span', { class: 'tag neutral' }, alert.kiosk) : null,
      alert.ticket_code ? ticketLink(alert.ticket_code) : null,
      h('time', { class: 'muted', title: fullDateTime(alert.raised_at) }, clockTime(alert.raised_at))),
    alert.detail ? h('p', { class: 'alert-detail' }, alert.detail) : null,
    acknowledged ? h('p', { class: 'muted' }, t('alert.acknowledged', {
      who: alert.acknowledged_by || '–', time: clockTime(alert.acknowledged_at) })) : null,
    button);
}

let reportError = () => {};

export function onOverviewError(callback) {
  reportError = callback;
}

export function renderAlerts() {
  const list = $('alerts-list');
  if (!data.alerts.length) {
    fill(list, h('li', { class: 'empty' }, t('alert.none')));
    return;
  }
  fill(list, data.alerts.map((a) => alertItem(a, reportError)));
}

export function renderLatest() {
  fillRows($('latest-body'), data.latest.map((a) => admissionRow(a, {
    columns: ['clock', 'name', 'organisation', 'kind', 'kiosk'] })), t('admission.none'));
}

export async function loadKiosks() {
  const reply = await get('/kiosks');
  state.kiosks = getItems(reply);
  renderKiosks();
}

// Whether a reload brought anything new: if not, the list keeps its DOM (and focus).
export function changed(before, after) {
  return JSON.stringify(before) !== JSON.stringify(after);
}

// Only the newest load counts: an older answer (the checkbox was flipped meanwhile) is dropped.
export async function loadAlerts() {
  alertsRequest?.abort();
  const request = new AbortController();
  alertsRequest = request;
  const all = $('alerts-all').checked;
  let items;
  try {
    items = getItems(await get(`/alerts${all ? '?all=1' : ''}`, { signal: request.signal }));
  } catch (error) {
    if (request.signal.aborted) return;
    throw error;
  }
  if (request.signal.aborted) return;
  const render = changed(data.alerts, items) || data.alertsAll !== all ||
                 !$('alerts-list').hasChildNodes();
  data.alerts = items;
  data.alertsAll = all;
  if (render) renderAlerts();
}

export async function loadLatest() {
  const items = getItems(await get(`/admissions${query({ limit: LATEST_COUNT })}`));
  const render = changed(data.latest, items) || !$('latest-body').hasChildNodes();
  data.latest = items;
  if (render) renderLatest();
}

export function loadOverview() {
  return Promise.all([loadKiosks(), loadAlerts(), loadLatest()]);
}

export function renderOverview() {
  renderSummary();
  renderKiosks();
  renderAlerts();
  renderLatest();
}

export function resetOverview() {
  data.alerts = [];
  data.latest = [];
}

export function initOverview() {
  $('alerts-all').addEventListener('change', () => {
    loadAlerts().catch((error) => reportError(error));
  });
}
