// The dashboard API (docs/DASHBOARD-API.md) over fetch: JSON in and out, the session's CSRF token
// on every POST, the server's error body turned into an ApiError, and any 401 reported once so
// the page can go back to the sign-in form.
import { has, t } from './i18n.js';

export const API = '/api/v1';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code || '';
    this.serverMessage = message || '';
  }

  // What staff read: our own words for codes we know, and the server's message, which names
  // the details ("no attendee T000042", "try again in 30 s").
  get text() {
    const key = `error.${this.code}`;
    const own = this.code && has(key) ? t(key) : '';
    if (own && this.serverMessage && this.serverMessage !== own) return `${own} (${this.serverMessage})`;
    return own || this.serverMessage || `${t('common.error')} ${this.status}`;
  }
}

let csrfToken = '';
let onUnauthenticated = () => {};

export function setCsrfToken(token) {
  csrfToken = token || '';
}

export function whenUnauthenticated(callback) {
  onUnauthenticated = callback;
}

async function errorFrom(response) {
  let code = '';
  let message = '';
  try {
    const body = await response.json();
    code = body?.error?.code || '';
    message = body?.error?.message || '';
  } catch {
    // not JSON (a proxy's page): the status says enough
  }
  return new ApiError(response.status, code, message);
}

export async function request(method, path, body, { signal } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(API + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', '');
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && path !== '/login') onUnauthenticated(error);
    throw error;
  }
  if (response.status === 204) return null;
  return response.json();
}

export const get = (path, options) => request('GET', path, undefined, options);
export const post = (path, body, options) => request('POST', path, body ?? {}, options);

// A list reply's items; none when the reply has no list.
export function getItems(reply) {
  return Array.isArray(reply?.items) ? reply.items : [];
}

// "?a=1&b=x" from an object, leaving out empty values.
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
