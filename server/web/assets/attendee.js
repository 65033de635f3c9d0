// An attendee's page (#/attendee/T000042): status, history (admissions, reprints and other
// commands, audit entries) and the actions the role allows. A viewer gets no action at all; desk
// staff admit by hand and reprint a badge on a chosen kiosk's printer; admins also cancel and
// revoke, each after a confirmation. Every action needs a reason, which the audit log keeps.
import { get, post } from './api.js';
import { $, errorText, fill, fillRows, h, setMessage, showError, td } from './dom.js';
import { fullDateTime } from './format.js';
import { language, t, tCode } from './i18n.js';
import { auditRow } from './lists.js';
import { changed, loadKiosks } from './overview.js';
import { admissionRow, staffAndReason, statusBadges, timeCell } from './rows.js';
import { canAdmin, canDesk, state } from './state.js';

const REASON_MAX = 500;

const view = { ticket: '', detail: null, actionsKey: '', message: null };

function ticketPath(ticket) {
  return `/attendees/${encodeURIComponent(ticket)}`;
}

function fact(label, value) {
  return [h('dt', {}, label), h('dd', {}, value)];
}

function renderInfo(d) {
  $('attendee-name').textContent = d.name || d.ticket_code;
  $('attendee-organisation').textContent = d.organisation || '';
  fill($('attendee-badges'), statusBadges(d));
  const days = Array.isArray(d.days) ? d.days.join(', ') : '';
  fill($('attendee-facts'),
    fact(t('attendee.ticket'), h('span', { 'data-testid': 'attendee-ticket' }, d.ticket_code)),
    fact(t('attendee.category'), d.category || '–'),
    fact(t('attendee.days'), days || '–'),
    d.email ? fact(t('attendee.email'), d.email) : null,
    d.revocation ? fact(t('attendee.revoked'), h('span', { class: 'problem' },
      t('attendee.revokedAt', { time: fullDateTime(d.revocation.at), reason: d.revocation.reason || '' })))
      : null);
}

function renderHistory(d) {
  fillRows($('attendee-admissions-body'), (d.admissions || []).map((a) => admissionRow(a, {
    columns: ['time', 'kind', 'kiosk', 'staff'] })), t('attendee.noAdmissions'));
  fillRows($('attendee-commands-body'), (d.commands || []).map((c) => h('tr', { 'data-kind': c.kind },
    timeCell(t('audit.time'), c.created_at),
    td(t('command.kind'), tCode('command.kind', c.kind)),
    td(t('admission.kiosk'), c.kiosk || ''),
    td(t('admission.staff'), staffAndReason(c)),
    td(t('command.state'), h('span', { class: c.carried_out ? 'ok' : 'muted' },
                             t(c.carried_out ? 'command.carriedOut' : 'command.pending'))))),
  t('attendee.noCommands'));
  fillRows($('attendee-audit-body'), (d.audit || []).map((e) => auditRow(e, { withSubject: false })),
           t('attendee.noAudit'));
}

function showMessage(text, kind) {
  view.message = text ? { text, kind } : null;
  setMessage($('action-message'), text, kind);
}

function reasonInput(name) {
  return h('input', {
    type: 'text', name: 'reason', required: true, maxlength: REASON_MAX, autocomplete: 'off',
    placeholder: t('common.reasonPlaceholder'), 'data-testid': `${name}-reason`,
    'aria-label': t('common.reason'),
  });
}

// Runs an action: the button is disabled meanwhile, the reply or the error shows above the forms.
// Resolves to whether the action was done.
async function act(form, perform, done) {
  const reason = form.elements.reason.value.trim();
  if (!reason) {
    showMessage(t('error.reason_required'), 'error');
    form.elements.reason.focus();
    return false;
  }
  const buttons = [...form.querySelectorAll('button')];
  for (const button of buttons) button.disabled = true;
  try {
    const reply = await perform(reason);
    form.reset();
    showMessage(done(reply), 'success');
    await loadAttendee();
    return true;
  } catch (error) {
    showMessage(errorText(error), 'error');
    return false;
  } finally {
    for (const button of buttons) button.disabled = false;
  }
}

function admitForm(d) {
  const form = h('form', { class: 'action', 'data-action': 'admit', novalidate: true },
    h('h3', {}, t('attendee.admit')),
    h('div', { class: 'action-row' }, reasonInput('admit'),
      h('button', { type: 'submit', class: 'primary', 'data-testid': 'admit-submit' },
        t('attendee.admit'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(form, (reason) => post(`${ticketPath(d.ticket_code)}/admit`, { reason }),
        () => t('attendee.admitDone'));
  });
  return form;
}

function kioskOptions(select) {
  const chosen = select.value;
  const kiosks = [...state.kiosks].sort((a, b) => Number(b.online) - Number(a.online));
  fill(select, kiosks.map((k) => h('option', { value: k.id },
    `${k.id} (${t(k.online ? 'kiosk.online' : 'kiosk.offline')}, ${tCode('printer', k.printer || 'unknown')})`)));
  if (kiosks.some((k) => k.id === chosen)) select.value = chosen;
}

function reprintForm(d) {
  if (!state.kiosks.length) {
    return h('div', { class: 'action' }, h('h3', {}, t('attendee.reprint')),
             h('p', { class: 'muted' }, t('attendee.noKiosks')));
  }
  const select = h('select', { name: 'kiosk', 'data-testid': 'reprint-kiosk', 'aria-label': t('attendee.reprintKiosk') });
  kioskOptions(select);
  const form = h('form', { class: 'action', 'data-action': 'reprint', novalidate: true },
    h('h3', {}, t('attendee.reprint')),
    h('div', { class: 'action-row' },
      h('label', { class: 'inline' }, h('span', {}, t('attendee.reprintKiosk')), select),
      reasonInput('reprint'),
      h('button', { type: 'submit', class: 'primary', 'data-testid': 'reprint-submit' },
        t('attendee.reprint'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const kiosk = select.value;
    act(form, (reason) => post(`${ticketPath(d.ticket_code)}/reprint`, { kiosk, reason }),
        (reply) => t('attendee.reprintDone', { kiosk, id: reply?.command?.id ?? '?' }));
  });
  return form;
}

// cancel and revoke: a first button opens the confirmation with the reason; only its second
// button acts.
function confirmedForm(name, d) {
  const confirmBox = h('div', { class: 'confirm', hidden: true },
    h('p', { class: 'confirm-text' }, t(`attendee.${name}Confirm`)),
    h('div', { class: 'action-row' }, reasonInput(name),
      h('button', { type: 'submit', class: 'danger', 'data-testid': `${name}-confirm` },
        t(`attendee.${name}Yes`)),
      h('button', { type: 'button', class: 'secondary', 'data-testid': `${name}-abort`,
                    onclick: () => { confirmBox.hidden = true; start.hidden = false; } },
        t('common.cancel'))));
  const start = h('button', {
    type: 'button', class: 'danger-outline', 'data-testid': `${name}-start`,
    onclick: () => {
      confirmBox.hidden = false;
      start.hidden = true;
      form.elements.reason.focus();
    },
  }, t(`attendee.${name}`));
  const form = h('form', { class: 'action', 'data-action': name, novalidate: true }, start, confirmBox);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(form, (reason) => post(`${ticketPath(d.ticket_code)}/${name}`, { reason }),
        () => t(`attendee.${name}Done`)).then((done) => {
      // Kept open after a missing reason or a refusal, with the message, to try again.
      if (!done) return;
      confirmBox.hidden = true;
      start.hidden = false;
    });
  });
  return form;
}

// The forms are rebuilt only when what they depend on changed, so a live reload does not wipe a
// reason being typed; the kiosk choice is refreshed in place.
function renderActions(d) {
  const panel = $('attendee-actions');
  if (!canDesk()) {
    panel.hidden = true;
    fill($('action-forms'));
    view.actionsKey = '';
    return;
  }
  panel.hidden = false;
  const key = [language(), state.session?.role, d.ticket_code, d.status, d.revoked,
               d.admitted_today, state.kiosks.map((k) => k.id).join(',')].join('|');
  if (key === view.actionsKey) {
    const select = panel.querySelector('[data-testid=reprint-kiosk]');
    if (select) kioskOptions(select);
    return;
  }
  view.actionsKey = key;
  const active = d.status === 'active' && !d.revoked;
  fill($('action-forms'),
    active ? admitForm(d) : null,
    reprintForm(d),
    canAdmin() && d.status === 'active' ? confirmedForm('cancel', d) : null,
    canAdmin() && !d.revoked ? confirmedForm('revoke', d) : null);
}

export function renderAttendee() {
  const d = view.detail;
  if (!d) return;
  renderInfo(d);
  renderHistory(d);
  view.actionsKey = '';  // the language may have changed: rebuild
  renderActions(d);
  if (view.message) showMessage(view.message.text, view.message.kind);
}

function clear() {
  view.detail = null;
  view.actionsKey = '';
  $('attendee-name').textContent = t('attendee.loading');
  for (const id of ['attendee-organisation']) $(id).textContent = '';
  for (const id of ['attendee-badges', 'attendee-facts', 'action-forms', 'attendee-admissions-body',
                    'attendee-commands-body', 'attendee-audit-body']) fill($(id));
  $('attendee-actions').hidden = true;
  showMessage('', '');
}

// Opens the page of `ticket` (a code such as "T000042"), or reloads it when it is open.
export async function loadAttendee(ticket = view.ticket) {
  if (ticket !== view.ticket) {
    view.ticket = ticket;
    clear();
  }
  const error = $('attendee-error');
  try {
    // The kiosks for the reprint choice.
    const [detail] = await Promise.all([get(ticketPath(ticket)), canDesk() ? loadKiosks() : null]);
    if (ticket !== view.ticket) return;  // another attendee was opened meanwhile
    const same = !changed(view.detail, detail);
    view.detail = detail;
    error.hidden = true;
    $('attendee').hidden = false;
    if (!same) {
      renderInfo(detail);
      renderHistory(detail);
    }
    renderActions(detail);
  } catch (failure) {
    if (ticket !== view.ticket) return;
    showError(error, failure);
    if (!view.detail) $('attendee').hidden = true;
  }
}

export function resetAttendee() {
  view.ticket = '';
  clear();
}
