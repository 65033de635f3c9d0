// The kiosk screen in a real browser: the page served by ScreenServer (through screen_fixture)
// renders pushed views, sends staff commands, reconnects, and fits portrait and landscape.
// usage: run.sh screen.test.mjs PATH/TO/screen_fixture
// With EINLASS_SCREENSHOTS=DIR it also saves the screenshots used in the docs.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import {
  LANDSCAPE, PORTRAIT, artifactsDir, launchBrowser, overflowReport, screenshot, waitForSelector, waitForText,
  withPage,
} from './lib/browser.mjs';
import { LineProcess } from './lib/process.mjs';

const fixturePath = process.argv[2] || process.env.EINLASS_SCREEN_FIXTURE;
const screenshotsDir = process.env.EINLASS_SCREENSHOTS;
// With EINLASS_E2E_GALLERY=1 every screen of the fit test is saved into the artifacts folder.
const gallery = process.env.EINLASS_E2E_GALLERY === '1';

const STATUS = { kiosk: 'Eingang Nord', online: true, printer: 'ready' };
const IDLE = { kind: 'idle', event: 'Digitale Verwaltung 2026', status: STATUS };
const WELCOME = {
  kind: 'welcome',
  name: 'Anna Beispiel',
  organisation: 'Stadtverwaltung Köln',
  category: { label: 'Referent', colour: '#C0392B' },
  status: STATUS,
};
const LONG_WELCOME = {
  ...WELCOME,
  name: 'Prof. Dr. Anna-Lena Müller-Lüdenscheidt-Großkopf',
  organisation: 'Landesamt für Digitalisierung, Breitband und Vermessung Baden-Württemberg',
  category: { label: 'Organisation', colour: '#F1C40F' },
};
const REFUSED = {
  kind: 'refused',
  message: {
    de: 'Dieses Ticket wurde heute bereits um 09:12 Uhr an Eingang Nord verwendet. Falls Sie ' +
        'Ihr Namensschild verloren haben, wenden Sie sich bitte an die Infotheke.',
    en: 'This ticket was already used today at 09:12 at Eingang Nord. If you have lost your ' +
        'badge, please go to the staff desk.',
  },
  hint: { de: 'Die Infotheke ist im Foyer links.', en: 'The staff desk is in the foyer, left.' },
  status: STATUS,
};
const STAFF_PIN = { kind: 'staff_pin', staff_name: 'Max Muster', attempts_left: 3, status: STATUS };
const STAFF_MENU = {
  kind: 'staff_menu', staff_name: 'Max Muster', paused: false,
  last_badge: 'Anna Beispiel (T000042)', status: STATUS,
};
const RESULTS = {
  kind: 'staff_search_results', staff_name: 'Max Muster', query: 'Müller', more: true,
  results: Array.from({ length: 12 }, (_, i) => ({
    ticket_id: `T0000${40 + i}`,
    name: `Müller ${i + 1} mit einem recht langen Doppelnamen-Beispiel`,
    organisation: 'Ministerium für Inneres, Digitalisierung und Kommunen',
  })),
  status: { ...STATUS, online: false, printer: 'media_empty' },
};
const EVERY_KIND = [
  IDLE, LONG_WELCOME, REFUSED,
  { kind: 'exit', name: 'Anna Beispiel', status: STATUS },
  { kind: 'printer_trouble', name: LONG_WELCOME.name, status: { ...STATUS, printer: 'media_empty' } },
  { kind: 'paused', status: STATUS },
  STAFF_PIN,
  { ...STAFF_PIN, wrong_pin: true, attempts_left: 0, locked_until_unix_ms: Date.now() + 60_000 },
  STAFF_MENU,
  { ...STAFF_MENU, paused: true, notice: { de: 'Testseite gedruckt.', en: 'Test page printed.' } },
  RESULTS,
];

let fixture;
let browser;
let url;

async function startFixture(port) {
  const process = new LineProcess(fixturePath, port ? [String(port)] : [], { name: 'screen_fixture' });
  const [, bound] = await process.waitForLine(/^listening (\d+)$/);
  return { process, port: Number(bound), url: `http://127.0.0.1:${bound}/` };
}

// Shows a view and waits until the fixture has made it the current one.
async function show(view, target = fixture) {
  const from = target.lines.length;
  target.write(JSON.stringify(view));
  await target.waitForLine(new RegExp(`^shown ${view.kind}$`), { from });
}

async function nextCommand(from) {
  const [, json] = await fixture.waitForLine(/^command (.*)$/, { from });
  return JSON.parse(json);
}

function assertClean(page) {
  assert.deepEqual(page.problems, [], 'the page logged errors');
}

before(async () => {
  assert.ok(fixturePath, 'usage: run.sh screen.test.mjs PATH/TO/screen_fixture');
  const started = await startFixture();
  fixture = started.process;
  url = started.url;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await fixture?.stop();
});

test('the idle screen asks for the ticket in German and English', async (t) => {
  await show(IDLE);
  await withPage(browser, t.name, url, { viewport: PORTRAIT }, async (page) => {
    await waitForSelector(page, '#screen[data-kind="idle"]');
    assert.equal(await page.textContent('#title-de'), 'Ticket scannen');
    assert.equal(await page.textContent('#title-en'), 'Scan your ticket');
    assert.equal(await page.textContent('#event'), 'Digitale Verwaltung 2026');
    assert.equal(await page.textContent('#status-kiosk'), 'Eingang Nord');
    assert.match(await page.textContent('#status-printer'), /Drucker bereit/);
    assert.equal(await page.isVisible('#connection'), false);
    assertClean(page);
  });
});

test('a welcome appears with the name without a reload', async (t) => {
  await show(IDLE);
  await withPage(browser, t.name, url, { viewport: PORTRAIT }, async (page) => {
    await waitForSelector(page, '#screen[data-kind="idle"]');
    await page.evaluate(() => { window.sameDocument = true; });
    await show(WELCOME);
    await waitForSelector(page, '#screen[data-kind="welcome"]');
    assert.equal(await page.textContent('#name'), 'Anna Beispiel');
    assert.equal(await page.textContent('#organisation'), 'Stadtverwaltung Köln');
    assert.equal(await page.textContent('#category'), 'Referent');
    assert.equal(await page.textContent('#message-de'), 'Ihr Namensschild wird gedruckt.');
    assert.equal(await page.textContent('#message-en'), 'Your badge is printing.');
    assert.equal(await page.$eval('#band', (e) => getComputedStyle(e).backgroundColor),
                 'rgb(192, 57, 43)');
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page reloaded');
    // German comes first.
    assert.equal(await page.evaluate(() => Boolean(
      document.getElementById('message-de').compareDocumentPosition(
        document.getElementById('message-en')) & Node.DOCUMENT_POSITION_FOLLOWING)), true);
    assertClean(page);
  });
});

test('a refusal shows the German and English sentences on red', async (t) => {
  await show(IDLE);
  await withPage(browser, t.name, url, { viewport: PORTRAIT }, async (page) => {
    await waitForSelector(page, '#screen[data-kind="idle"]');
    await show(REFUSED);
    await waitForSelector(page, '#screen[data-kind="refused"]');
    assert.equal(await page.textContent('#title-de'), 'Kein Einlass');
    assert.equal(await page.textContent('#title-en'), 'No entry');
    assert.equal(await page.textContent('#message-de'), REFUSED.message.de);
    assert.equal(await page.textContent('#message-en'), REFUSED.message.en);
    assert.equal(await page.textContent('#hint-en'), REFUSED.hint.en);
    assert.equal(await page.$eval('#screen', (e) => getComputedStyle(e).backgroundColor),
                 'rgb(164, 22, 26)');
    assert.equal(await page.isVisible('#name'), false);
    assertClean(page);
  });
});

test('names are shown as text, never as markup', async (t) => {
  await show({ ...WELCOME, name: '<img src=x onerror="window.injected=1">Eve' });
  await withPage(browser, t.name, url, {}, async (page) => {
    await waitForText(page, '#name', '<img src=x');
    assert.equal(await page.$('#name img'), null);
    assert.equal(await page.evaluate(() => window.injected), undefined);
  });
});

test('the PIN pad sends the PIN as a pin command', async (t) => {
  await show(STAFF_PIN);
  await withPage(browser, t.name, url, { viewport: PORTRAIT }, async (page) => {
    await waitForSelector(page, '#screen[data-kind="staff_pin"]');
    assert.match(await page.textContent('#message-de'), /Max Muster/);
    for (const digit of '4711') await page.click(`[data-testid="pin-key-${digit}"]`);
    assert.equal(await page.textContent('#pin-display'), '●●●●');
    const from = fixture.lines.length;
    await page.click('[data-testid="pin-ok"]');
    assert.deepEqual(await nextCommand(from), { type: 'pin', pin: '4711' });
    assert.equal(await page.textContent('#pin-display'), '');

    // Too short: nothing is sent; Clear empties the display.
    await page.click('[data-testid="pin-key-1"]');
    await page.click('[data-testid="pin-clear"]');
    assert.equal(await page.textContent('#pin-display'), '');
    const cancelFrom = fixture.lines.length;
    await page.click('[data-testid="leave-staff"]');
    assert.deepEqual(await nextCommand(cancelFrom), { type: 'leave_staff' });
    assertClean(page);
  });
});

test('a locked PIN pad takes no digits and says until when', async (t) => {
  const until = new Date(Date.UTC(2026, 2, 28, 9, 41));
  await show({ ...STAFF_PIN, wrong_pin: true, attempts_left: 0,
               locked_until_unix_ms: until.getTime() });
  await withPage(browser, t.name, url, {}, async (page) => {
    await waitForSelector(page, '#screen[data-kind="staff_pin"][data-locked="true"]');
    const clock = await page.evaluate((ms) => {
      const d = new Date(ms);
      return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    }, until.getTime());
    assert.equal(await page.textContent('#lock-until'),
                 `Gesperrt bis ${clock} Uhr · Locked until ${clock}`);
    assert.equal(await page.isDisabled('[data-testid="pin-key-1"]'), true);
    assert.match(await page.textContent('#message-en'), /locked/);
  });
});

test('the staff menu, search and reprint send their commands', async (t) => {
  await show(STAFF_MENU);
  await withPage(browser, t.name, url, { viewport: LANDSCAPE }, async (page) => {
    await waitForSelector(page, '#screen[data-kind="staff_menu"]');
    assert.equal(await page.textContent('#last-badge'), 'Anna Beispiel (T000042)');
    assert.equal(await page.isVisible('#menu-pause'), true);
    assert.equal(await page.isVisible('#menu-resume'), false);

    const click = async (selector) => {
      const from = fixture.lines.length;
      await page.click(selector);
      return nextCommand(from);
    };
    assert.deepEqual(await click('[data-testid="menu-reprint-last"]'), { type: 'reprint_last' });
    assert.deepEqual(await click('[data-testid="menu-test-page"]'), { type: 'test_page' });
    assert.deepEqual(await click('[data-testid="menu-pause"]'), { type: 'pause' });

    for (const key of ['key-m', 'key-ü', 'key-l', 'key-x', 'key-backspace']) {
      await page.click(`[data-testid="${key}"]`);
    }
    assert.equal(await page.inputValue('#search-input'), 'mül');
    assert.deepEqual(await click('[data-testid="search-submit"]'), { type: 'search', query: 'mül' });

    await show(RESULTS);
    await waitForSelector(page, '#screen[data-kind="staff_search_results"]');
    assert.equal(await page.$$eval('#results li', (items) => items.length), 12);
    assert.equal(await page.textContent('#message-de'), '12 Treffer für „Müller“.');
    assert.equal(await page.inputValue('#search-input'), 'Müller');
    assert.match(await page.textContent('#status-online'), /Offline/);
    assert.deepEqual(await click('[data-testid="reprint-T000042"]'),
                     { type: 'reprint', ticket_id: 'T000042' });
    assert.deepEqual(await click('[data-testid="back-to-menu"]'), { type: 'menu' });

    await show({ ...STAFF_MENU, paused: true, last_badge: '' });
    await waitForSelector(page, '#menu-resume');
    assert.equal(await page.isVisible('#menu-pause'), false);
    assert.equal(await page.isDisabled('#menu-reprint-last'), true);
    assert.deepEqual(await click('[data-testid="menu-resume"]'), { type: 'resume' });
    assert.deepEqual(await click('[data-testid="leave-staff"]'), { type: 'leave_staff' });
    assertClean(page);
  });
});

test('every screen fits 1080x1920 portrait and 1920x1080 landscape', async (t) => {
  if (screenshotsDir) await mkdir(screenshotsDir, { recursive: true });
  for (const [orientation, viewport] of [['portrait', PORTRAIT], ['landscape', LANDSCAPE]]) {
    await withPage(browser, `${t.name} ${orientation}`, url, { viewport }, async (page) => {
      for (const view of EVERY_KIND) {
        await show(view);
        await waitForSelector(page, `#screen[data-kind="${view.kind}"]`);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
        if (gallery) {
          await mkdir(artifactsDir(), { recursive: true });
          const name = `gallery-${orientation}-${String(EVERY_KIND.indexOf(view)).padStart(2, '0')}-${view.kind}.png`;
          await screenshot(page, join(artifactsDir(), name));
        }
        const problems = await overflowReport(page);
        assert.deepEqual(problems, [], `${view.kind} in ${orientation}`);
      }
      if (screenshotsDir) {
        await show(WELCOME);
        await waitForText(page, '#name', WELCOME.name);
        await screenshot(page, join(screenshotsDir, `kiosk-welcome-${orientation}.png`));
        if (orientation === 'portrait') {
          await show(REFUSED);
          await waitForSelector(page, '#screen[data-kind="refused"]');
          await screenshot(page, join(screenshotsDir, 'kiosk-refused-portrait.png'));
        }
      }
      assertClean(page);
    });
  }
});

test('the page reconnects by itself and says so while the kiosk is gone', async (t) => {
  let own = await startFixture();
  const port = own.port;
  try {
    await show(IDLE, own.process);
    await withPage(browser, t.name, own.url, {}, async (page) => {
      await waitForSelector(page, '#screen[data-kind="idle"]');
      await page.evaluate(() => { window.sameDocument = true; });
      await own.process.kill('SIGKILL');
      await waitForSelector(page, '#connection');
      assert.match(await page.textContent('#connection'), /Verbindung…/);

      own = await startFixture(port);
      await show(WELCOME, own.process);
      await waitForSelector(page, '#screen[data-kind="welcome"]', { timeout: 15_000 });
      await waitForSelector(page, '#connection', { state: 'hidden' });
      assert.equal(await page.textContent('#name'), 'Anna Beispiel');
      assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page reloaded');
    });
  } finally {
    await own.process.stop();
  }
});
