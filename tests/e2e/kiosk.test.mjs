// The real kiosk daemon in a real browser: einlass-kiosk runs on a provisioned replica without
// any server; frames dropped into its dir: scanner change its screen without a reload; a staff
// card and PIN open staff mode, and "reprint last" makes the file: printer produce a marked badge.
// usage: run.sh kiosk.test.mjs PATH/TO/kiosk_scenario PATH/TO/einlass-kiosk
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { PORTRAIT, launchBrowser, waitForSelector, waitForText, withPage } from './lib/browser.mjs';
import { LineProcess, waitForFile } from './lib/process.mjs';

const [scenarioPath, kioskPath] = process.argv.slice(2);

let dir;
let scenario;
let kiosk;
let browser;
let url;

async function drop(name) {
  await rename(join(scenario.pending, `${name}.png`), join(scenario.frames, `${name}.png`));
}

before(async () => {
  assert.ok(scenarioPath && kioskPath, 'usage: run.sh kiosk.test.mjs kiosk_scenario einlass-kiosk');
  dir = await mkdtemp(join(tmpdir(), 'einlass-kiosk-e2e-'));
  scenario = JSON.parse(execFileSync(scenarioPath, [dir], { encoding: 'utf8' }));
  kiosk = new LineProcess(kioskPath, ['--config', scenario.config], { name: 'einlass-kiosk' });
  const [, port] = await kiosk.waitForLine(/"screen on 127\.0\.0\.1:(\d+)","event":"started"/, { timeout: 20_000 });
  url = `http://127.0.0.1:${port}/`;
  browser = await launchBrowser({ viewport: PORTRAIT });
});

after(async () => {
  await browser?.close();
  if (kiosk) {
    kiosk.child.kill('SIGTERM');
    const { code } = await kiosk.exited;
    assert.equal(code, 0, 'einlass-kiosk did not stop cleanly on SIGTERM');
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('scans change the kiosk screen: welcome, forged, cancelled; staff reprint of the last badge',
     async (t) => {
  await withPage(browser, t.name, url, { viewport: PORTRAIT }, async (page) => {
    await waitForSelector(page, '#screen[data-kind="idle"]');
    assert.equal(await page.textContent('#status-kiosk'), 'Eingang-Nord');
    await page.evaluate(() => { window.sameDocument = true; });

    // A genuine ticket, seen tilted by the camera: welcome with the name from the replica.
    await drop('valid');
    await waitForSelector(page, '#screen[data-kind="welcome"]', { timeout: 20_000 });
    assert.equal(await page.textContent('#name'), scenario.valid_name);
    assert.equal(await page.textContent('#category'), 'Referent');
    assert.equal(await page.textContent('#message-de'), 'Ihr Namensschild wird gedruckt.');
    await waitForFile(scenario.badges, /-r0-a1\.pdf$/);

    // A forged ticket: a refusal in German and English that sends the attendee to the desk.
    await drop('forged');
    await waitForSelector(page, '#screen[data-kind="refused"]', { timeout: 20_000 });
    const forgedDe = await page.textContent('#message-de');
    const forgedEn = await page.textContent('#message-en');
    assert.ok(forgedDe.length > 10 && forgedEn.length > 10, `${forgedDe} / ${forgedEn}`);
    assert.notEqual(forgedDe, forgedEn);

    // A cancelled registration, shown from a phone in dark mode.
    await drop('canceled');
    await kiosk.waitForLine(/"reason":"canceled"/, { timeout: 20_000 });
    await page.waitForFunction(
      (previous) => document.querySelector('#message-de')?.textContent !== previous, forgedDe,
      { timeout: 10_000 });
    assert.equal(await page.getAttribute('#screen', 'data-kind'), 'refused');

    // Staff card, PIN, reprint of the last badge.
    await drop('staff');
    await waitForSelector(page, '#screen[data-kind="staff_pin"]', { timeout: 20_000 });
    for (const digit of scenario.pin) await page.click(`[data-testid=pin-key-${digit}]`);
    await page.click('[data-testid=pin-ok]');
    await waitForSelector(page, '#screen[data-kind="staff_menu"]');
    assert.match(await page.textContent('#screen'), /Jürgen Weiß \(T000001\)/);
    await page.click('[data-testid=menu-reprint-last]');
    await waitForText(page, '#message-de', 'Nachdruck 1 wird gedruckt.');
    const reprint = await waitForFile(scenario.badges, /-r1-a1\.pdf$/);
    assert.match(execFileSync('pdftotext', [reprint, '-'], { encoding: 'utf8' }), /Reprint 1/);
    await page.click('[data-testid=leave-staff]');
    await waitForSelector(page, '#screen[data-kind="idle"]');

    assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page reloaded');
  });
  // The log has one JSON line per decision and never a name.
  const log = kiosk.lines.join('\n');
  assert.equal(log.includes(scenario.valid_name), false, 'a name in the log');
  assert.equal(log.includes(scenario.staff_name), false, 'a staff name in the log');
  assert.equal(kiosk.lines.filter((l) => l.includes('"event":"decision"')).length, 3);
});
