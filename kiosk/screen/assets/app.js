// The kiosk screen: renders the views the kiosk daemon pushes over /ws and sends staff commands
// back. No framework and nothing loaded from outside; all text is set with textContent, since
// names and organisations come from registration data.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const screen = $('screen');

  const PRINTER_TEXT = {
    ready: 'Drucker bereit · Printer ready',
    printing: 'Drucker druckt · Printing',
    media_empty: 'Drucker: Papier leer · Printer: out of paper',
    offline: 'Drucker nicht erreichbar · Printer offline',
    error: 'Druckerfehler · Printer error',
  };
  const PERSON_KINDS = new Set(['welcome', 'exit', 'printer_trouble']);
  const RECONNECT_MIN_MS = 250;
  const RECONNECT_MAX_MS = 3000;
  // A restart of the daemon takes a moment; only then is "Verbindung…" worth showing.
  const LOST_AFTER_MS = 800;
  const PIN_MAX = 8;
  const PIN_MIN = 4;

  let socket = null;
  let reconnectMs = RECONNECT_MIN_MS;
  let lostTimer = null;
  let view = null;
  let pin = '';

  function setText(id, text) {
    const element = $(id);
    element.textContent = text || '';
    element.hidden = !text;
  }

  function bilingual(prefix, pair) {
    setText(prefix + '-de', pair && pair.de);
    setText(prefix + '-en', pair && pair.en);
  }

  // Black or white text, whichever reads better on the category colour.
  function textColourOn(hex) {
    const channel = (i) => {
      const c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    };
    const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    return luminance > 0.35 ? '#000000' : '#ffffff';
  }

  // Shrinks an element's type (its --fit factor) until it fits its width and `maxLines` lines:
  // long double names, long organisations.
  function fit(element, maxLines) {
    element.style.removeProperty('--fit');
    if (!element.textContent || element.hidden) return;
    const tooBig = () => {
      const style = getComputedStyle(element);
      const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
      return element.scrollWidth > element.clientWidth + 1 ||
             element.clientHeight > lineHeight * maxLines + 1;
    };
    for (let factor = 1; tooBig() && factor > 0.4; ) {
      factor *= 0.92;
      element.style.setProperty('--fit', String(factor));
    }
  }

  // Shrinks all texts of the screen together (--s) until they fit their box.
  function fitTexts() {
    const texts = $('texts');
    texts.style.removeProperty('--s');
    for (let scale = 1; texts.scrollHeight > texts.clientHeight + 1 && scale > 0.5; ) {
      scale -= 0.05;
      texts.style.setProperty('--s', String(scale));
    }
  }

  function formatClock(iso) {
    const when = new Date(iso);
    if (isNaN(when.getTime())) return '';
    const pad = (n) => String(n).padStart(2, '0');
    return pad(when.getHours()) + ':' + pad(when.getMinutes());
  }

  function renderStatus(status) {
    status = status || {};
    $('status-kiosk').textContent = status.kiosk || '';
    document.body.dataset.online = status.online ? 'true' : 'false';
    $('status-online').textContent = status.online ? 'Online' : 'Offline';
    document.body.dataset.printer = status.printer || '';
    $('status-printer').textContent = PRINTER_TEXT[status.printer] || '';
  }

  function renderWelcome(next) {
    const band = $('band');
    const category = next.category || {};
    const colour = /^#[0-9a-fA-F]{6}$/.test(category.colour || '') ? category.colour : '#555555';
    band.style.background = colour;
    band.style.color = textColourOn(colour);
    $('category').textContent = category.label || '';
  }

  function renderPin(next) {
    const locked = Boolean(next.locked_until);
    screen.dataset.locked = locked ? 'true' : 'false';
    setText('lock-until', locked
      ? 'Gesperrt bis ' + formatClock(next.locked_until) + ' Uhr · Locked until ' +
        formatClock(next.locked_until)
      : '');
    for (const button of document.querySelectorAll('#pin-pad button')) button.disabled = locked;
    if (!view || view.kind !== 'staff_pin' || locked || next.wrong_pin) pin = '';
    renderPinDisplay();
  }

  function renderPinDisplay() {
    $('pin-display').textContent = '●'.repeat(pin.length);
  }

  function renderMenu(next) {
    screen.dataset.paused = next.paused ? 'true' : 'false';
    $('menu-reprint-last').disabled = !next.last_badge;
    setText('last-badge', next.last_badge || '');
  }

  function renderResults(next) {
    const list = $('results');
    list.replaceChildren();
    for (const hit of next.results || []) {
      const item = document.createElement('li');
      item.dataset.ticketId = hit.ticket_id;
      const who = document.createElement('div');
      who.className = 'who';
      for (const [cls, text] of [['result-name', hit.name], ['result-org', hit.organisation],
                                 ['result-id', hit.ticket_id]]) {
        const line = document.createElement('p');
        line.className = cls;
        line.textContent = text || '';
        who.append(line);
      }
      const reprint = document.createElement('button');
      reprint.type = 'button';
      reprint.className = 'primary';
      reprint.dataset.testid = 'reprint-' + hit.ticket_id;
      reprint.append('Nachdrucken');
      const english = document.createElement('small');
      english.lang = 'en';
      english.textContent = 'Reprint';
      reprint.append(english);
      reprint.addEventListener('click', () => send({type: 'reprint', ticket_id: hit.ticket_id}));
      item.append(who, reprint);
      list.append(item);
    }
    $('search-input').value = next.query || '';
  }

  function render(next) {
    if (!next || typeof next.kind !== 'string') return;
    const kindChanged = !view || view.kind !== next.kind;
    screen.dataset.kind = next.kind;
    bilingual('title', next.title);
    bilingual('message', next.message);
    bilingual('hint', next.hint);
    setText('event', next.kind === 'idle' ? next.event : '');
    setText('name', PERSON_KINDS.has(next.kind) ? next.name : '');
    setText('organisation', next.kind === 'welcome' ? next.organisation : '');
    renderStatus(next.status);

    if (next.kind === 'welcome') renderWelcome(next);
    if (next.kind === 'staff_pin') renderPin(next);
    if (next.kind === 'staff_menu') {
      renderMenu(next);
      if (kindChanged) $('search-input').value = '';
    }
    if (next.kind === 'staff_search_results') renderResults(next);
    view = next;
    fitAll();
  }

  function fitAll() {
    fit($('name'), 2);
    fit($('organisation'), 2);
    fit($('title-de'), 2);
    fit($('category'), 1);
    fitTexts();
  }

  function send(command) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(command));
  }

  function setConnection(state) {
    if (state === 'online') {
      clearTimeout(lostTimer);
      lostTimer = null;
      document.body.dataset.connection = 'online';
    } else if (!lostTimer && document.body.dataset.connection !== 'lost') {
      lostTimer = setTimeout(() => {
        lostTimer = null;
        document.body.dataset.connection = 'lost';
      }, LOST_AFTER_MS);
    }
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + location.host + '/ws');
    socket.addEventListener('message', (event) => {
      let next;
      try {
        next = JSON.parse(event.data);
      } catch (error) {
        console.error('screen: a message that is not JSON', error);
        return;
      }
      reconnectMs = RECONNECT_MIN_MS;
      setConnection('online');
      render(next);
    });
    socket.addEventListener('close', () => {
      socket = null;
      setConnection('lost');
      setTimeout(connect, reconnectMs);
      reconnectMs = Math.min(reconnectMs * 2, RECONNECT_MAX_MS);
    });
  }

  // PIN pad: digits stay in the page until OK; the kiosk answers with the next view.
  function pressDigit(digit) {
    if (pin.length < PIN_MAX) pin += digit;
    renderPinDisplay();
  }

  function submitPin() {
    if (pin.length < PIN_MIN) return;
    send({type: 'pin', pin});
    pin = '';
    renderPinDisplay();
  }

  function buildKeyboard() {
    const rows = ['1234567890', 'qwertzuiopü', 'asdfghjklöä', 'yxcvbnmß-'];
    const keyboard = $('keyboard');
    const input = $('search-input');
    const key = (label, testid, action, wide) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.dataset.testid = testid;
      if (wide) button.className = 'wide';
      button.addEventListener('click', action);
      return button;
    };
    for (const letters of rows) {
      const row = document.createElement('div');
      row.className = 'row';
      for (const letter of letters) {
        const label = letter === 'ß' ? 'ß' : letter.toUpperCase();  // 'ß'.toUpperCase() is 'SS'
        row.append(key(label, 'key-' + letter, () => { input.value += letter; }));
      }
      keyboard.append(row);
    }
    const last = document.createElement('div');
    last.className = 'row';
    last.append(
      key('Leer · Space', 'key-space', () => { input.value += ' '; }, true),
      key('⌫', 'key-backspace', () => { input.value = input.value.slice(0, -1); }),
      key('✕', 'key-clear', () => { input.value = ''; }));
    keyboard.append(last);
  }

  function wire() {
    for (const button of document.querySelectorAll('#pin-pad [data-key]')) {
      button.addEventListener('click', () => pressDigit(button.dataset.key));
    }
    $('pin-clear').addEventListener('click', () => {
      pin = '';
      renderPinDisplay();
    });
    $('pin-ok').addEventListener('click', submitPin);
    for (const button of document.querySelectorAll('[data-command]')) {
      button.addEventListener('click', () => send({type: button.dataset.command}));
    }
    $('search-panel').addEventListener('submit', (event) => {
      event.preventDefault();
      const query = $('search-input').value.trim();
      if (query) send({type: 'search', query});
    });
    document.addEventListener('keydown', (event) => {
      if (!view || view.kind !== 'staff_pin' || screen.dataset.locked === 'true') return;
      if (/^[0-9]$/.test(event.key)) pressDigit(event.key);
      else if (event.key === 'Backspace') { pin = pin.slice(0, -1); renderPinDisplay(); }
      else if (event.key === 'Enter') submitPin();
    });
    window.addEventListener('resize', fitAll);
    buildKeyboard();
  }

  wire();
  setConnection('lost');
  connect();
})();
