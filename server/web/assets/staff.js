// Staff accounts (#/staff), for admins only: the list (login, role, created, active or
// disabled), a form to add an account and a "disable" per active account after a confirmation.
// Other roles get no nav entry and a plain "not allowed" here; the server refuses them anyway.
// The page never checks a password's strength itself: the server's rule and its message count.
import { get, getItems, post } from './api.js';
import { $, errorText, fill, fillRows, h, setMessage, showError, td } from './dom.js';
import { dateTime, fullDateTime } from './format.js';
import { t, tCode } from './i18n.js';
import { changed } from './overview.js';
import { timeCell } from './rows.js';
import { canAdmin, state } from './state.js';

const view = { items: [], loaded: false, confirming: '', message: null, addMessage: null };

function ownLogin() {
  return state.session?.login || '';
}

// A message is kept as a function that words it, so a language switch rewords it too.
function keepMessage(id, slot, words, kind) {
  view[slot] = words ? { words, kind } : null;
  setMessage($(id), words ? words() : '', kind);
}

const listMessage = (words, kind) => keepMessage('staff-message', 'message', words, kind);
const addMessage = (words, kind) => keepMessage('staff-add-message', 'addMessage', words, kind);
const errorWords = (error) => () => errorText(error);

function stateCell(member) {
  if (member.disabled_at) {
    return h('span', { class: 'tag neutral', 'data-testid': 'staff-state',
                       title: fullDateTime(member.disabled_at) },
             t('staff.disabledAt', { time: dateTime(member.disabled_at) }));
  }
  return h('span', { class: 'tag ok', 'data-testid': 'staff-state' }, t('staff.active'));
}

async function disable(member, buttons) {
  for (const button of buttons) button.disabled = true;
  try {
    await post(`/staff/${encodeURIComponent(member.login)}/disable`);
    view.confirming = '';
    listMessage(() => t('staff.disableDone', { login: member.login }), 'success');
    await loadStaff();
  } catch (error) {
    listMessage(errorWords(error), 'error');
    for (const button of buttons) button.disabled = false;
  }
}

function focusInRow(login, testid) {
  $('staff-body').querySelector(`tr[data-login="${CSS.escape(login)}"] [data-testid=${testid}]`)
    ?.focus();
}

// The first button only opens the confirmation; its "yes" disables. The own row has no button:
// disabling oneself would end this session at once, which is einlass-admin's business.
function actionCell(member) {
  if (member.disabled_at) return h('span', { class: 'muted' }, '–');
  if (member.login === ownLogin()) return h('span', { class: 'muted' }, t('staff.you'));
  if (view.confirming !== member.login) {
    return h('button', {
      type: 'button', class: 'danger-outline small', 'data-testid': 'staff-disable-start',
      onclick: () => {
        view.confirming = member.login;
        renderRows();
        focusInRow(member.login, 'staff-disable-confirm');
      },
    }, t('staff.disable'));
  }
  const yes = h('button', { type: 'button', class: 'danger small',
                            'data-testid': 'staff-disable-confirm' }, t('staff.disableYes'));
  const no = h('button', {
    type: 'button', class: 'secondary small', 'data-testid': 'staff-disable-abort',
    onclick: () => {
      view.confirming = '';
      renderRows();
      focusInRow(member.login, 'staff-disable-start');
    },
  }, t('common.cancel'));
  yes.addEventListener('click', () => disable(member, [yes, no]));
  return h('div', { class: 'confirm staff-confirm' },
    h('p', { class: 'confirm-text' }, t('staff.disableConfirm', { login: member.login })),
    h('div', { class: 'action-row' }, yes, no));
}

function memberRow(member) {
  const disabled = Boolean(member.disabled_at);
  return h('tr', { 'data-login': member.login, 'data-state': disabled ? 'disabled' : 'active',
                   class: disabled ? 'is-disabled' : null },
    h('th', { scope: 'row', 'data-label': t('staff.login') },
      h('span', { class: 'login-name' }, member.login)),
    td(t('staff.role'), h('span', { 'data-role': member.role }, tCode('role', member.role))),
    timeCell(t('staff.created'), member.created_at),
    td(t('staff.state'), stateCell(member)),
    td(t('staff.action'), actionCell(member)));
}

function renderRows() {
  fillRows($('staff-body'), view.items.map(memberRow), t('staff.none'));
}

function renderRoleHint() {
  $('staff-role-hint').textContent = t(`staff.roleHint.${$('staff-role').value}`);
}

// Shows the list or, for any role but admin, only the "not allowed" line.
function renderAccess() {
  const allowed = canAdmin();
  $('staff-denied').hidden = allowed;
  $('staff-admin').hidden = !allowed;
}

export function renderStaff() {
  renderAccess();
  renderRoleHint();
  if (!canAdmin()) return;
  if (view.loaded) renderRows();
  if (view.message) listMessage(view.message.words, view.message.kind);
  if (view.addMessage) addMessage(view.addMessage.words, view.addMessage.kind);
}

// Loads the list (again). A reload that brings the same accounts leaves the table, an open
// confirmation and the focus alone.
export async function loadStaff() {
  renderAccess();
  if (!canAdmin()) return;
  const error = $('staff-error');
  try {
    const items = getItems(await get('/staff'));
    error.hidden = true;
    const same = view.loaded && !changed(view.items, items);
    view.items = items;
    view.loaded = true;
    if (!items.some((m) => m.login === view.confirming && !m.disabled_at)) view.confirming = '';
    if (!same || !$('staff-body').hasChildNodes()) renderRows();
  } catch (failure) {
    showError(error, failure);
  }
}

async function addMember(event) {
  event.preventDefault();
  const form = $('staff-form');
  const login = form.elements.login.value.trim();
  const role = form.elements.role.value;
  const password = form.elements.password.value;
  const again = form.elements.passwordAgain.value;
  if (!login) {
    addMessage(() => t('staff.loginRequired'), 'error');
    form.elements.login.focus();
    return;
  }
  if (!password) {
    addMessage(() => t('staff.passwordRequired'), 'error');
    form.elements.password.focus();
    return;
  }
  if (password !== again) {
    addMessage(() => t('staff.passwordMismatch'), 'error');
    form.elements.passwordAgain.value = '';
    form.elements.passwordAgain.focus();
    return;
  }
  const button = $('staff-submit');
  button.disabled = true;
  button.textContent = t('staff.adding');
  addMessage(null, '');
  try {
    const member = await post('/staff', { login, role, password });
    form.reset();
    renderRoleHint();
    const added = { login: member?.login || login, role: member?.role || role };
    addMessage(() => t('staff.addDone', { login: added.login, role: tCode('role', added.role) }),
               'success');
    await loadStaff();
  } catch (error) {
    addMessage(errorWords(error), 'error');
  } finally {
    button.disabled = false;
    button.textContent = t('staff.addSubmit');
  }
}

export function initStaff() {
  $('staff-form').addEventListener('submit', addMember);
  $('staff-role').addEventListener('change', renderRoleHint);
  renderRoleHint();
}

// Entering the view again starts without old messages or an open confirmation.
export function enterStaff() {
  view.confirming = '';
  listMessage(null, '');
  addMessage(null, '');
  renderStaff();
}

// Signed out: nothing of the list, and no typed password, stays in the page.
export function resetStaff() {
  view.items = [];
  view.loaded = false;
  view.confirming = '';
  listMessage(null, '');
  addMessage(null, '');
  fill($('staff-body'));
  $('staff-form').reset();
  $('staff-error').hidden = true;
  renderRoleHint();
}
