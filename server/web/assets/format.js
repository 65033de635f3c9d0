// Numbers and times as staff read them: times in the event's time zone (the server's summary
// names it), durations short ("vor 12 s"), counts with the language's digit grouping.
import { locale, t } from './i18n.js';

let timeZone;
// Milliseconds to add to Date.now() for the server's clock: "last seen 3 s ago" must not depend
// on the laptop's clock being right.
let serverOffsetMs = 0;

export function setEventTimeZone(zone) {
  try {
    new Intl.DateTimeFormat('de-DE', { timeZone: zone });
    timeZone = zone;
  } catch {
    timeZone = undefined;  // an unknown zone: the browser's own
  }
}

export function setServerNow(nowMs) {
  if (Number.isFinite(nowMs) && nowMs > 0) serverOffsetMs = nowMs - Date.now();
}

export function serverNow() {
  return Date.now() + serverOffsetMs;
}

function formatter(options) {
  return new Intl.DateTimeFormat(locale(), { timeZone, ...options });
}

function valid(ms) {
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0;
}

export function clockTime(ms) {
  if (!valid(ms)) return '–';
  return formatter({ hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(ms));
}

export function shortTime(ms) {
  if (!valid(ms)) return '–';
  return formatter({ hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
}

// "10.03. 14:02:07": for lists that span days.
export function dateTime(ms) {
  if (!valid(ms)) return '–';
  return formatter({ day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit',
                     second: '2-digit' }).format(new Date(ms));
}

export function fullDateTime(ms) {
  if (!valid(ms)) return '–';
  return formatter({ dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(ms));
}

// "2027-03-10" → "10.03.2027" (de) or "10/03/2027" (en), without any time zone arithmetic.
export function isoDate(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || ''));
  if (!match) return String(text || '');
  const [, year, month, day] = match;
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', dateStyle: 'medium' })
      .format(new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))));
}

export function number(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '–';
  return new Intl.NumberFormat(locale()).format(n);
}

export function decimal(n, digits = 1) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '–';
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits,
                                           maximumFractionDigits: digits }).format(n);
}

export function duration(ms) {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 120) return t('common.seconds', { n: seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return t('common.minutes', { n: minutes });
  return t('common.hours', { n: Math.round(minutes / 60) });
}

export function ago(ms) {
  if (!valid(ms)) return '–';
  return t('common.ago', { t: duration(serverNow() - ms) });
}
