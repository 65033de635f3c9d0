// The staff dashboard: sign-in, the views (#/ overview, #/admissions, #/audit,
// #/attendee/T000042, #/staff for admins), the live feed and the language switch. Plain ES
// modules, no framework, nothing from outside the server; all data is put into the page as text
// (see dom.js).
import { get, post, setCsrfToken, whenUnauthenticated } from './api.js';
import { loadAttendee, renderAttendee, resetAttendee } from './attendee.js';
import { $, errorText, fill, showError } from './dom.js';
import { setEventTimeZone, setServerNow } from './format.js';
import { applyStatic, initialLanguage, language, setLanguage, t } from './i18n.js';
import { admissions, audit, initLists, renderAdmissionFilters } from './lists.js';
import { connectLive } from './live.js';
import { initOverview, loadKiosks, loadOverview, onOverviewError, renderKiosks, renderOverview,
         renderSummary, resetOverview } from './overview.js';
import { closeSearch, initSearch, renderSearch, resetSearch } from './search.js';
import { enterStaff, initStaff, loadStaff, renderStaff, resetStaff } from './staff.js';
import { canAdmin, state } from './state.js';

const VIEWS = ['overview', 'admissions', 'audit', 'attendee', 'staff'];

let live = null;
let liveState = 'connecting';
let signedIn = false;

// ---- notices --------------------------------------------------------------------------------

function notice(text) {
  const element = $('notice');
  element.textContent = text || '';
  element.hidden = !text;
}

function reportError(error) {
  if (error?.status === 401) return;  // the sign-in form takes over
  notice(errorText(error));
}

// ---- routing --------------------------------------------------------------------------------

function parseRoute() {
  const parts = location.hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'attendee' && parts[1]) {
    let ticket = parts[1];
    try {
      ticket = decodeURIComponent(parts[1]);
    } catch {
      // a malformed escape: used as it is, and the server answers 404
    }
    return { view: 'attendee', ticket };
  }
  if (parts[0] === 'admissions' || parts[0] === 'audit' || parts[0] === 'staff') {
    return { view: parts[0] };
  }
  return { view: 'overview' };
}

function showView(view) {
  document.body.dataset.view = view;
  for (const name of VIEWS) $(`view-${name}`).hidden = name !== view;
  for (const link of document.querySelectorAll('.nav a')) {
    if (link.dataset.route === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function loadView({ fresh }) {
  const route = state.route;
  if (route.view === 'overview') {
    await loadOverview();
  } else if (route.view === 'admissions') {
    // The kiosk filter's choices; the admissions load without them.
    if (fresh || !state.kiosks.length) await loadKiosks().catch(reportError);
    renderAdmissionFilters();
    await admissions.load({ reset: true });
  } else if (route.view === 'audit') {
    await audit.load({ reset: true });
  } else if (route.view === 'attendee') {
    await loadAttendee(route.ticket);
  } else if (route.view === 'staff') {
    await loadStaff();
  }
}

async function loadSummary() {
  const summary = await get('/summary');
  takeSummary(summary);
}

function takeSummary(summary) {
  if (!summary || typeof summary !== 'object') return;
  state.summary = summary;
  setEventTimeZone(summary.event?.time_zone);
  setServerNow(summary.now);
  renderSummary();
  if (state.route.view === 'admissions') renderAdmissionFilters();
}

// Reloads what is on screen. Calls that come while a reload runs make one more reload after it,
// not one each: a busy entrance sends many changes a second.
// Reloads start at least this far apart: heartbeats of many kiosks change something every
// moment, and one reload covers them all.
const RELOAD_SPACING_MS = 500;
let reloading = null;
let again = false;
let summaryFresh = false;

function refresh() {
  if (!signedIn) return Promise.resolve();
  if (reloading) {
    again = true;
    return reloading;
  }
  reloading = (async () => {
    do {
      again = false;
      const started = Date.now();
      const withSummary = !summaryFresh;
      summaryFresh = false;
      try {
        await Promise.all([withSummary ? loadSummary() : null, loadView({ fresh: false })]);
        notice('');
      } catch (error) {
        reportError(error);
      }
      const wait = started + RELOAD_SPACING_MS - Date.now();
      if (again && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    } while (again && signedIn);
  })().finally(() => {
    reloading = null;
  });
  return reloading;
}

function route() {
  if (!signedIn) return;
  state.route = parseRoute();
  showView(state.route.view);
  closeSearch();
  if (state.route.view !== 'attendee') resetAttendee();
  if (state.route.view === 'admissions') admissions.reset();
  if (state.route.view === 'audit') audit.reset();
  if (state.route.view === 'staff') enterStaff();
  window.scrollTo(0, 0);
  loadView({ fresh: true }).catch(reportError);
}

// ---- live -----------------------------------------------------------------------------------

function setLive(next) {
  liveState = next;
  const element = $('live');
  element.dataset.state = next;
  element.textContent = t(`live.${next}`);
}

function startLive() {
  live?.stop();
  live = connectLive({
    onState: setLive,
    onOpen: () => refresh(),
    onChanged: (summary) => {
      if (summary) {
        takeSummary(summary);
        summaryFresh = true;
      }
      refresh();
    },
    // A socket that closes may mean the session ended: ask, and stop if it did (the 401 brings
    // the sign-in form back).
    onClosed: async () => {
      if (!signedIn) return false;
      try {
        await get('/session');
        return true;
      } catch (error) {
        return error.status !== 401;
      }
    },
  });
}

// ---- session --------------------------------------------------------------------------------

function showLogin(note) {
  signedIn = false;
  live?.stop();
  live = null;
  state.session = null;
  state.summary = null;
  state.kiosks = [];
  setCsrfToken('');
  resetOverview();
  resetAttendee();
  resetSearch();
  admissions.reset();
  audit.reset();
  resetStaff();
  // Nothing of the last session's data stays in the page.
  for (const id of ['kiosks-body', 'alerts-list', 'refusals-body', 'latest-body', 'categories-body',
                    'chart', 'refusal-counts']) fill($(id));
  document.body.dataset.screen = 'login';
  $('loading').hidden = true;
  $('app').hidden = true;
  $('login-view').hidden = false;
  $('login-note').textContent = note || '';
  $('login-note').hidden = !note;
  $('login-password').value = '';
  $('login-name').focus();
}

function enterApp(session) {
  state.session = session;
  setCsrfToken(session.csrf_token);
  signedIn = true;
  document.body.dataset.screen = 'app';
  document.body.dataset.role = session.role || '';
  $('loading').hidden = true;
  $('login-view').hidden = true;
  $('login-error').hidden = true;
  $('app').hidden = false;
  renderUser();
  setLive('connecting');
  loadSummary().catch(reportError);
  route();
  startLive();
}

function renderUser() {
  const session = state.session;
  if (!session) return;
  $('user').textContent = `${session.login} · ${t(`role.${session.role}`)}`;
  // Only a courtesy: the server refuses /staff to every other role.
  $('nav-staff').hidden = !canAdmin();
}

async function signIn(event) {
  event.preventDefault();
  const login = $('login-name').value.trim();
  const password = $('login-password').value;
  const error = $('login-error');
  if (!login || !password) {
    error.textContent = t('error.bad_credentials');
    error.hidden = false;
    return;
  }
  const button = $('login-submit');
  button.disabled = true;
  button.textContent = t('login.busy');
  try {
    const session = await post('/login', { login, password });
    $('login-password').value = '';
    enterApp(session);
  } catch (failure) {
    showError(error, failure);
    $('login-password').select();
  } finally {
    button.disabled = false;
    button.textContent = t('login.submit');
  }
}

async function signOut() {
  try {
    await post('/logout');
  } catch {
    // the session may be gone already; the page forgets it either way
  }
  showLogin('');
}

// ---- language -------------------------------------------------------------------------------

function switchLanguage(lang) {
  setLanguage(lang);
  applyStatic();
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === language()));
  }
  if (!$('login-error').hidden && $('login-error').textContent) $('login-error').hidden = true;
  setLive(liveState);
  if (!signedIn) return;
  renderUser();
  renderOverview();
  renderAdmissionFilters();
  admissions.render();
  audit.render();
  renderAttendee();
  renderStaff();
  renderSearch();
}

// ---- start ----------------------------------------------------------------------------------

async function start() {
  switchLanguage(initialLanguage());
  initOverview();
  onOverviewError(reportError);
  initLists();
  initSearch();
  initStaff();
  $('login-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => switchLanguage(button.dataset.lang));
  }
  window.addEventListener('hashchange', route);
  whenUnauthenticated(() => {
    if (signedIn) showLogin(t('login.expired'));
  });
  // The kiosks' "last seen" ("vor 12 s") ages even when nothing changes.
  setInterval(() => {
    if (signedIn && state.route.view === 'overview' && !document.hidden) renderKiosks();
  }, 15000);
  try {
    enterApp(await get('/session'));
  } catch (error) {
    showLogin(error.status === 401 || !error.text ? '' : error.text);
  }
}

start();
