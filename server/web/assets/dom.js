// Building the page's DOM. Every text from the server (names, organisations, reasons, messages)
// goes in as a text node or textContent, never as HTML: an attendee called
// "<script>alert(1)</script>" is shown as exactly that. Nothing here sets a style attribute or an
// inline handler, so the page runs under a strict Content-Security-Policy.

const SVG_NS = 'http://www.w3.org/2000/svg';

function setProps(element, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') {
      element.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    } else if (key === 'text') {
      element.textContent = String(value);
    } else if (key === 'dataset') {
      for (const [name, data] of Object.entries(value)) element.dataset[name] = String(data);
    } else if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (key === 'style' || key.startsWith('on')) {
      throw new Error(`refusing to set ${key} as an attribute`);
    } else if (key === 'value' || key === 'checked' || key === 'disabled' || key === 'selected') {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

function appendChildren(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// h('a', {href: '#/', class: 'x'}, 'text', otherNode): an element with its children.
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  setProps(element, props);
  appendChildren(element, children);
  return element;
}

export function svg(tag, props, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  setProps(element, props);
  appendChildren(element, children);
  return element;
}

export function $(id) {
  return document.getElementById(id);
}

// Replaces an element's children.
export function fill(element, ...children) {
  element.replaceChildren();
  appendChildren(element, children);
  return element;
}

// A table body's rows, or one row spanning every column that says there is nothing.
export function fillRows(tbody, rows, emptyText) {
  if (rows.length > 0) return fill(tbody, rows);
  const columns = tbody.closest('table')?.querySelectorAll('thead th').length || 1;
  return fill(tbody, h('tr', { class: 'empty' }, h('td', { colspan: columns }, emptyText)));
}

// A link to an attendee's page, for a ticket code such as "T000042".
export function attendeeHref(ticketCode) {
  return `#/attendee/${encodeURIComponent(ticketCode)}`;
}

// A table cell that also carries its column's name, for the narrow layout where each row becomes
// a card and the cell shows "Kiosk: K1".
export function td(label, ...children) {
  return h('td', { 'data-label': label }, ...children);
}

// What staff read for a failure: the ApiError's words, or whatever else was thrown.
export function errorText(error) {
  return error?.text || String(error);
}

// An error line (a list's, the sign-in's) shown with the failure's words.
export function showError(element, error) {
  element.textContent = errorText(error);
  element.hidden = false;
}

// An action's outcome above its form; an error is announced at once, a success politely.
export function setMessage(element, text, kind) {
  element.textContent = text || '';
  element.hidden = !text;
  element.className = `action-message ${kind || ''}`;
  element.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}
