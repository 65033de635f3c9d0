// The live feed: a WebSocket to /api/v1/live on the page's own origin. The server says "changed"
// with a fresh summary within a second of anything the dashboard shows; the page then reloads
// what is on screen. A lost connection is retried with a growing pause (0.5 s up to 15 s); the
// caller decides, from its own session check, whether to keep trying.

import { API } from './api.js';

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 15000;

// handlers: onState('connecting'|'live'|'offline'), onOpen(), onChanged(summary), onClosed()
// (may return a promise; reconnecting waits for it and stops when it resolves to false).
export function connectLive(handlers) {
  let socket = null;
  let delay = FIRST_DELAY_MS;
  let timer = null;
  let stopped = false;

  function url() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location.host}${API}/live`;
  }

  function schedule() {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      open();
    }, delay);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }

  function open() {
    if (stopped) return;
    handlers.onState('connecting');
    let opened = false;
    try {
      socket = new WebSocket(url());
    } catch {
      handlers.onState('offline');
      schedule();
      return;
    }
    socket.addEventListener('open', () => {
      opened = true;
      delay = FIRST_DELAY_MS;
      handlers.onState('live');
      handlers.onOpen();
    });
    socket.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (message && message.type === 'changed') handlers.onChanged(message.summary);
    });
    socket.addEventListener('close', async () => {
      socket = null;
      if (stopped) return;
      handlers.onState('offline');
      // A socket that never opened may mean the session is gone: let the page check first.
      const keepGoing = await Promise.resolve(handlers.onClosed(opened)).catch(() => true);
      if (keepGoing !== false) schedule();
    });
  }

  open();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = null;
      if (socket) socket.close();
      socket = null;
    },
  };
}
