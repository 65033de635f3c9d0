// What the page knows right now: the signed-in session, the last summary and the kiosks. Views
// render from here again when the language changes.
export const state = {
  session: null,
  summary: null,
  kiosks: [],
  route: { view: 'overview' },
};

export function role() {
  return state.session?.role || '';
}

// desk and admin admit by hand, reprint and acknowledge alerts.
export function canDesk() {
  return role() === 'desk' || role() === 'admin';
}

// admin also cancels, revokes and exports.
export function canAdmin() {
  return role() === 'admin';
}
