// Pieces several lists share: a person's name as a link to their page, an admission's kind, who
// did something and why, a status badge, a time cell, an admission's row.
import { attendeeHref, h, td } from './dom.js';
import { clockTime, dateTime, fullDateTime } from './format.js';
import { t, tCode } from './i18n.js';

const TICKET_CODE = /^T\d{6,}$/;

// The name as a link to the attendee's page; "unknown ticket" for a code that was no ticket.
export function personLink(item) {
  const code = item.ticket_code;
  const name = item.name || '';
  if (!code) return h('span', { class: 'muted' }, name || t('admission.unknownTicket'));
  return h('a', { href: attendeeHref(code), class: 'person', 'data-ticket': code },
           name || code);
}

export function ticketLink(code) {
  if (!code) return h('span', { class: 'muted' }, '–');
  return h('a', { href: attendeeHref(code), class: 'ticket' }, code);
}

// An audit subject: a link when it names a ticket.
export function subjectLink(subject) {
  return TICKET_CODE.test(subject || '') ? ticketLink(subject) : String(subject || '');
}

export function kindLabel(kind) {
  return h('span', { class: `kind kind-${kind}` }, tCode('admission.kind', kind));
}

// "anna: lost badge" for manual entries and commands; empty for the kiosks' own scans.
export function staffAndReason(item) {
  if (!item.staff && !item.reason) return h('span', { class: 'muted' }, '–');
  return h('span', {}, item.staff ? h('span', { class: 'staff' }, item.staff) : null,
           item.reason ? h('span', { class: 'why' }, item.reason) : null);
}

// The "Problem:" prefix screen readers announce, since red alone says nothing to them.
export function problemLabel() {
  return h('span', { class: 'visually-hidden' }, `${t('common.problem')}: `);
}

export function duplicateMark(item) {
  if (!item.duplicate) return null;
  return h('span', { class: 'tag problem', 'data-testid': 'duplicate' }, problemLabel(),
           t('admission.duplicate'));
}

export function statusBadges(attendee) {
  const badges = [];
  const status = attendee.status || 'active';
  badges.push(h('span', { class: ['tag', status === 'active' ? 'ok' : 'problem'],
                          'data-status': status },
                status === 'active' ? null : problemLabel(), tCode('attendee.status', status)));
  if (attendee.revoked) {
    badges.push(h('span', { class: 'tag problem', 'data-testid': 'revoked' }, problemLabel(),
                  t('attendee.revoked')));
  }
  if (attendee.admitted_today !== undefined) {
    badges.push(h('span', { class: ['tag', attendee.admitted_today ? 'info' : 'neutral'] },
                  t(attendee.admitted_today ? 'attendee.admittedToday'
                                            : 'attendee.notAdmittedToday')));
  }
  return badges;
}

// A cell with the date and time, the full form as its tooltip.
export function timeCell(label, ms) {
  return td(label, h('time', { title: fullDateTime(ms) }, dateTime(ms)));
}

// An admission's cells by column; each list picks its own. `clock` is the time without the date,
// for lists of today only.
const ADMISSION_COLUMNS = {
  time: (a) => timeCell(t('admission.time'), a.time),
  clock: (a) => td(t('admission.time'), clockTime(a.time)),
  ticket: (a) => td(t('admission.ticket'), ticketLink(a.ticket_code)),
  name: (a) => td(t('admission.name'), personLink(a), duplicateMark(a)),
  organisation: (a) => td(t('admission.organisation'), a.organisation || ''),
  category: (a) => td(t('admission.category'), a.category || ''),
  kind: (a) => td(t('admission.kind'), kindLabel(a.kind)),
  kiosk: (a) => td(t('admission.kiosk'), a.kiosk || ''),
  staff: (a) => td(t('admission.staff'), staffAndReason(a)),
};

export function admissionRow(a, { columns }) {
  return h('tr', { 'data-ticket': a.ticket_code || '', 'data-kind': a.kind },
           columns.map((column) => ADMISSION_COLUMNS[column](a)));
}
