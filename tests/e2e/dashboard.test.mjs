// The staff dashboard in a real browser against real processes: einlass-admin sets up an event
// running today with staff accounts, einlass-server serves sync and the dashboard over HTTPS (a
// certificate from the event's own CA), two einlass-kiosk daemons scan einlass-admin's ticket
// sheets (PNG) dropped into their dir: scanners and print to file: printers. Checks sign-in, live
// updates without a reload, search that forgives accents, a reprint that reaches the chosen
// kiosk's printer and the audit log, what a viewer may not do, names shown as text, staff
// accounts added and disabled by an admin, and the sign-in error.
// With EINLASS_SCREENSHOTS=DIR it also saves dashboard-overview.png, dashboard-attendee.png and
// dashboard-tablet.png there.
// usage: run.sh dashboard.test.mjs einlass-admin einlass-server einlass-kiosk
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { launchBrowser, screenshot, waitForSelector, waitForText, withPage } from './lib/browser.mjs';
import { DashboardSite } from './lib/dashboard_site.mjs';
import { waitForFile } from './lib/process.mjs';

const [adminPath, serverPath, kioskPath] = process.argv.slice(2);

const LAPTOP = { width: 1366, height: 768 };
const TABLET = { width: 768, height: 1024 };
const XSS_NAME = '<script>alert(1)</script>';
const XSS_ORGANISATION = '<img src=x onerror=alert(2)>';
const PASSWORD = 'password-123';

// Indexes into PEOPLE; person i has ticket T00000(i+1).
const MUELLER = 0;
const STRASSE = 2;
const XSS = 3;
const PEOPLE = [
  { name: 'Anna-Lena Müller', organisation: 'Landesamt für Digitalisierung Sachsen-Anhalt' },
  { name: 'Jürgen Weiß', organisation: 'Bundesministerium des Innern', category: 'Referent' },
  { name: 'Chloé Dubois-Straße', organisation: 'Stadtverwaltung Magdeburg' },
  { name: XSS_NAME, organisation: XSS_ORGANISATION },
  { name: 'Özlem Yıldız', organisation: 'Stadt Halle (Saale)', category: 'Presse' },
  { name: 'Ines Groß', organisation: 'Kommunale IT-Union' },
  { name: 'Ole Hansen', organisation: 'Landesrechenzentrum' },
  { name: 'Petra Schön', organisation: 'Bundesamt für Sicherheit in der Informationstechnik' },
  { name: 'Karl Bauer', organisation: 'Landkreis Harz' },
];
const STAFF = [
  { login: 'anna', role: 'desk', password: PASSWORD },
  { login: 'vera', role: 'viewer', password: PASSWORD },
  { login: 'adam', role: 'admin', password: PASSWORD },
];

let site;
let url;
let browser;
let viewerBrowser;
let admitted = 0;

function screenshotsDir() {
  return process.env.EINLASS_SCREENSHOTS || '';
}

async function saveScreenshot(page, name) {
  const dir = screenshotsDir();
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await screenshot(page, join(dir, name));
}

// Dialogs would mean injected script ran; the page must never open one.
function watchDialogs(page) {
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  return dialogs;
}

// Uncaught exceptions and Content-Security-Policy violations fail a test; failed requests
// (the 401 of /session before signing in) are expected console errors.
function assertCleanPage(page) {
  const bad = page.problems.filter((p) => p.startsWith('exception:') ||
                                          /Content Security Policy|Refused to/.test(p));
  assert.deepEqual(bad, [], 'the page had errors');
}

async function signIn(page, login, password = PASSWORD) {
  await waitForSelector(page, '#login-view:not([hidden])');
  await page.fill('#login-name', login);
  await page.fill('#login-password', password);
  await page.click('#login-submit');
}

async function signedIn(page, login) {
  await signIn(page, login);
  await waitForSelector(page, '#app:not([hidden])');
  await waitForText(page, '#user', login);
}

async function statNumber(page, id) {
  return Number((await page.textContent(id)).replace(/\D/g, ''));
}

async function waitForStat(page, id, value, timeout = 20_000) {
  await page.waitForFunction(({ id, value }) => {
    const text = document.querySelector(id)?.textContent || '';
    return Number(text.replace(/\D/g, '')) === value;
  }, { id, value }, { timeout });
}

async function search(page, text) {
  await page.fill('#search-input', '');
  await page.type('#search-input', text);
  await waitForSelector(page, '#search-panel:not([hidden])');
}

before(async () => {
  assert.ok(adminPath && serverPath && kioskPath,
            'usage: run.sh dashboard.test.mjs einlass-admin einlass-server einlass-kiosk');
  site = new DashboardSite({ admin: adminPath, server: serverPath, kiosk: kioskPath });
  await site.create({ people: PEOPLE, staff: STAFF });
  url = await site.startServer();
  await Promise.all([site.startKiosk('K1'), site.startKiosk('K2')]);
  browser = await launchBrowser({ viewport: LAPTOP, ignoreHTTPSErrors: true });
});

after(async () => {
  await browser?.close();
  await viewerBrowser?.close();
  if (site) {
    const codes = await site.close();
    for (const [name, code] of Object.entries(codes)) {
      assert.equal(code, 0, `${name} did not stop cleanly on SIGTERM`);
    }
  }
});

test('a wrong password shows an error and keeps the sign-in form', async (t) => {
  await withPage(browser, t.name, url, {}, async (page) => {
    await signIn(page, 'anna', 'not-the-password');
    await waitForSelector(page, '#login-error:not([hidden])');
    assert.match(await page.textContent('#login-error'), /Anmeldename oder Passwort ist falsch/);
    assert.equal(await page.isHidden('#app'), true);
    assertCleanPage(page);
  });
});

test('sign in; a ticket scanned at a kiosk shows on the dashboard without a reload',
     async (t) => {
  await withPage(browser, t.name, url, {}, async (page) => {
    await signedIn(page, 'anna');
    await waitForSelector(page, '#view-overview:not([hidden])');
    await waitForSelector(page, '#live[data-state=live]');
    await waitForText(page, '#stat-kiosks', /^2\s*\/\s*2$/, { timeout: 20_000 });
    await waitForSelector(page, '#kiosks-body tr[data-kiosk=K1]');
    await waitForSelector(page, '#kiosks-body tr[data-kiosk=K2]');
    assert.equal(await statNumber(page, '#stat-admitted'), 0);
    assert.match(await page.textContent('#event-name'), /Digitaler Staat Halle/);
    await page.evaluate(() => { window.sameDocument = true; });

    await site.scan('K1', MUELLER);
    admitted += 1;
    await waitForStat(page, '#stat-admitted', admitted);
    await waitForText(page, '#latest-body', PEOPLE[MUELLER].name, { timeout: 20_000 });
    const row = page.locator(`#latest-body tr[data-ticket=${site.ticketCode(MUELLER)}]`);
    assert.match(await row.textContent(), /K1/);
    assert.match(await row.textContent(), /Einlass/);
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page reloaded');

    // The admissions list shows it too.
    await page.click('[data-testid=nav-admissions]');
    await waitForText(page, '#admissions-body', PEOPLE[MUELLER].name);
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page reloaded');
    assertCleanPage(page);
  });
});

test('search forgives case and accents: "muller" finds Müller, "strasse" finds Straße',
     async (t) => {
  await withPage(browser, t.name, url, {}, async (page) => {
    await waitForSelector(page, '#app:not([hidden])');  // still signed in (the cookie)
    await search(page, 'muller');
    await waitForText(page, '#search-results', PEOPLE[MUELLER].name);
    await search(page, 'strasse');
    await waitForText(page, '#search-results', PEOPLE[STRASSE].name);
    await search(page, site.ticketCode(STRASSE));
    await waitForText(page, '#search-results', PEOPLE[STRASSE].name);
    await page.click(`[data-testid=search-result][data-ticket=${site.ticketCode(STRASSE)}]`);
    await waitForText(page, '#attendee-name', PEOPLE[STRASSE].name);
    assert.equal(new URL(page.url()).hash, `#/attendee/${site.ticketCode(STRASSE)}`);
    assertCleanPage(page);
  });
});

test('a reprint from the attendee page prints "Reprint 1" on K2 and lands in the audit log',
     async (t) => {
  await withPage(browser, t.name, url, {}, async (page) => {
    await waitForSelector(page, '#app:not([hidden])');
    await search(page, 'müller');
    await page.click(`[data-testid=search-result][data-ticket=${site.ticketCode(MUELLER)}]`);
    await waitForText(page, '#attendee-name', PEOPLE[MUELLER].name);
    await waitForSelector(page, '[data-testid=reprint-submit]');
    await page.selectOption('[data-testid=reprint-kiosk]', 'K2');
    await page.fill('[data-testid=reprint-reason]', 'Namensschild verloren');
    await page.click('[data-testid=reprint-submit]');
    await waitForText(page, '#action-message', /K2/);
    assert.match(await page.getAttribute('#action-message', 'class'), /success/);

    const badge = await waitForFile(site.badges('K2'), /-r1-a\d+\.pdf$/);
    assert.match(execFileSync('pdftotext', [badge, '-'], { encoding: 'utf8' }), /Reprint 1/);

    // The attendee's history shows the command, carried out once K2 reports it.
    await waitForSelector(page, '#attendee-commands-body tr[data-kind=reprint]');
    await waitForText(page, '#attendee-commands-body', 'ausgeführt', { timeout: 20_000 });
    await saveScreenshot(page, 'dashboard-attendee.png');

    await page.click('[data-testid=nav-audit]');
    await waitForSelector(page, '#audit-body tr[data-action=reprint]');
    const entry = page.locator('#audit-body tr[data-action=reprint]').first();
    const text = await entry.textContent();
    assert.match(text, new RegExp(site.ticketCode(MUELLER)));
    assert.match(text, /anna/);
    assert.match(text, /Namensschild verloren/);
    assertCleanPage(page);
  });
});

test('a viewer sees no action buttons, and the API refuses a reprint', async (t) => {
  viewerBrowser = await launchBrowser({ viewport: LAPTOP, ignoreHTTPSErrors: true });
  await withPage(viewerBrowser, t.name, url, {}, async (page) => {
    await signedIn(page, 'vera');
    await page.goto(`${url}#/attendee/${site.ticketCode(MUELLER)}`);
    await waitForText(page, '#attendee-name', PEOPLE[MUELLER].name);
    await waitForSelector(page, '#attendee-commands-body tr[data-kind=reprint]');
    assert.equal(await page.locator('#view-attendee button').count(), 0);
    assert.equal(await page.locator('[data-testid=reprint-submit]').count(), 0);
    assert.equal(await page.isHidden('#attendee-actions'), true);
    await page.click('[data-testid=nav-overview]');
    await waitForSelector(page, '#view-overview:not([hidden])');
    assert.equal(await page.locator('[data-testid=alert-acknowledge]').count(), 0);

    // The server enforces it too: the viewer's own cookie and CSRF token, and still 403.
    const session = await (await page.request.get(`${url}api/v1/session`)).json();
    assert.equal(session.role, 'viewer');
    const reply = await page.request.post(
      `${url}api/v1/attendees/${site.ticketCode(MUELLER)}/reprint`, {
        headers: { 'X-CSRF-Token': session.csrf_token, Origin: new URL(url).origin },
        data: { kiosk: 'K2', reason: 'viewer tries' },
      });
    assert.equal(reply.status(), 403);
    assert.equal((await reply.json()).error.code, 'forbidden');

    // A session that ends (here: its cookie is gone) brings the sign-in form back.
    await page.context().clearCookies();
    await page.click('[data-testid=nav-audit]');
    await waitForSelector(page, '#login-view:not([hidden])');
    assert.match(await page.textContent('#login-note'), /Sitzung ist abgelaufen/);
    assert.equal(await page.isHidden('#app'), true);
    assertCleanPage(page);
  });
});

test('an attendee named <script>alert(1)</script> is shown as text', async (t) => {
  await withPage(browser, t.name, url, {}, async (page) => {
    const dialogs = watchDialogs(page);
    await waitForSelector(page, '#app:not([hidden])');
    await search(page, 'alert');
    await waitForText(page, '#search-results', XSS_NAME);
    await page.click(`[data-testid=search-result][data-ticket=${site.ticketCode(XSS)}]`);
    await waitForText(page, '#attendee-name', XSS_NAME);
    assert.equal(await page.textContent('#attendee-name'), XSS_NAME);
    assert.equal(await page.textContent('#attendee-organisation'), XSS_ORGANISATION);
    assert.equal(await page.locator('#view-attendee script, #view-attendee img').count(), 0);

    // Scanned, the name also shows in the lists, as text.
    await page.click('[data-testid=nav-overview]');
    await site.scan('K2', XSS);
    admitted += 1;
    await waitForText(page, '#latest-body', XSS_NAME, { timeout: 20_000 });
    assert.equal(await page.locator('#latest-body script, #latest-body img').count(), 0);
    assert.equal(await page.locator(`#latest-body a[data-ticket=${site.ticketCode(XSS)}]`).textContent(),
                 XSS_NAME);
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, []);
    assertCleanPage(page);
  });
});

test('a desk admits by hand with a reason; the admin revokes after a confirmation', async (t) => {
  await withPage(browser, t.name, url, {}, async (page) => {
    await waitForSelector(page, '#app:not([hidden])');
    const ole = 6;
    await page.goto(`${url}#/attendee/${site.ticketCode(ole)}`);
    await waitForText(page, '#attendee-name', PEOPLE[ole].name);
    // Without a reason nothing is sent.
    await page.click('[data-testid=admit-submit]');
    await waitForText(page, '#action-message', 'Grund');
    await page.fill('[data-testid=admit-reason]', 'QR-Code auf dem Handy unlesbar');
    await page.click('[data-testid=admit-submit]');
    await waitForText(page, '#action-message', 'Eingelassen');
    admitted += 1;
    await waitForSelector(page, '#attendee-admissions-body tr');
    assert.match(await page.textContent('#attendee-admissions-body'), /Einlass von Hand/);
    assert.match(await page.textContent('#attendee-admissions-body'), /QR-Code auf dem Handy unlesbar/);
    // A second manual admission today is refused by the server, and its message is shown.
    await page.fill('[data-testid=admit-reason]', 'noch einmal');
    await page.click('[data-testid=admit-submit]');
    await waitForText(page, '#action-message', 'Bereits eingelassen');
    // Desk staff may not cancel or revoke.
    assert.equal(await page.locator('[data-testid=revoke-start], [data-testid=cancel-start]').count(), 0);

    await page.click('#sign-out');
    await signedIn(page, 'adam');
    const karl = 8;
    await page.goto(`${url}#/attendee/${site.ticketCode(karl)}`);
    await waitForText(page, '#attendee-name', PEOPLE[karl].name);
    assert.equal(await page.isVisible('[data-testid=revoke-confirm]'), false);
    await page.click('[data-testid=revoke-start]');
    // Without a reason nothing is sent, and the confirmation stays open with the message.
    await page.click('[data-testid=revoke-confirm]');
    await waitForText(page, '#action-message', 'Grund');
    assert.equal(await page.isVisible('[data-testid=revoke-confirm]'), true);
    assert.equal(await page.isVisible('[data-testid=revoke-start]'), false);
    await page.fill('[data-testid=revoke-reason]', 'Ticket weitergegeben');
    await page.click('[data-testid=revoke-confirm]');
    await waitForSelector(page, '#attendee-badges [data-testid=revoked]');
    assert.match(await page.textContent('#attendee-facts'), /Ticket weitergegeben/);
    await page.click('[data-testid=nav-admissions]');
    await waitForSelector(page, '[data-testid=export-link]:not([hidden])');
    await page.click('#sign-out');
    await signedIn(page, 'anna');
    assertCleanPage(page);
  });
});

test('every kiosk problem is listed in red with a spoken "Problem"', async (t) => {
  await withPage(browser, t.name, null, {}, async (page) => {
    // The real page and server, with the kiosk list replaced by one in trouble.
    const problems = ['printer: paper_out', 'offline for 75 s', 'clock 612.0 s ahead'];
    await page.route('**/api/v1/kiosks', (route) => route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ items: [{
        id: 'K9', online: false, last_seen: Date.now() - 75_000, software: '0.4.0', address: '',
        unsynced: 3, printer: 'paper_out', scanner: 'ready', paused: false,
        clock_skew_ms: 612_000, refusals: {}, print_jobs: { queued: 1 }, problems,
      }] }),
    }));
    await page.goto(url);
    await waitForSelector(page, '#kiosks-body tr[data-kiosk=K9]');
    const row = page.locator('#kiosks-body tr[data-kiosk=K9]');
    assert.match(await row.getAttribute('class'), /has-problem/);
    const listed = await row.locator('[data-testid=kiosk-problem]').allTextContents();
    assert.deepEqual(listed, problems.map((p) => `Problem: ${p}`));
    const colour = await row.locator('[data-testid=kiosk-problem]').first()
      .evaluate((e) => getComputedStyle(e).color);
    assert.equal(colour, 'rgb(179, 38, 30)');
    assert.match(await row.textContent(), /Papier leer/);
    assertCleanPage(page);
  });
});

test('a refusal shows who and why; the overview and an attendee fit a laptop and a tablet',
     async (t) => {
  await withPage(browser, t.name, url, {}, async (page) => {
    await waitForSelector(page, '#view-overview:not([hidden])');
    // Müller, admitted at K1 long ago, shows her ticket again at K2.
    const decision = await site.scan('K2', MUELLER, { again: true });
    assert.equal(decision.reason, 'already_admitted', JSON.stringify(decision));
    await waitForText(page, '#refusals-body', PEOPLE[MUELLER].name, { timeout: 20_000 });
    assert.match(await page.textContent('#refusals-body'), /K2.*bereits eingelassen/s);
    assert.ok(await statNumber(page, '#stat-refusals') >= 1);

    // A few more admissions on both kiosks, for a lively picture.
    for (const [kiosk, person] of [['K1', 1], ['K2', 4], ['K1', 5], ['K2', 7]]) {
      await site.scan(kiosk, person);
      admitted += 1;
    }
    await waitForStat(page, '#stat-admitted', admitted);
    await waitForSelector(page, '#live[data-state=live]');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= LAPTOP.width, `the overview is ${width} px wide`);
    await saveScreenshot(page, 'dashboard-overview.png');

    await page.setViewportSize(TABLET);
    await page.waitForTimeout(200);
    const tabletWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(tabletWidth <= TABLET.width, `the overview is ${tabletWidth} px wide on a tablet`);
    await saveScreenshot(page, 'dashboard-tablet.png');

    await page.goto(`${url}#/attendee/${site.ticketCode(MUELLER)}`);
    await waitForText(page, '#attendee-name', PEOPLE[MUELLER].name);
    const attendeeWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(attendeeWidth <= TABLET.width, `the attendee page is ${attendeeWidth} px wide`);

    // English is one click away and stays chosen after a reload.
    await page.click('[data-testid=lang-en]');
    await waitForText(page, '#view-attendee .back', 'Back to the overview');
    await page.reload();
    await waitForText(page, '#attendee-name', PEOPLE[MUELLER].name);
    assert.equal(await page.textContent('#view-attendee .back'), 'Back to the overview');
    await page.click('[data-testid=lang-de]');
    assertCleanPage(page);
  });
});

test('an admin adds a desk account that can sign in, then disables it; desk staff see no staff page',
     async (t) => {
  const NEU_PASSWORD = 'neu-passwort-2027';
  const origin = new URL(url).origin;
  const staffBrowser = await launchBrowser({ viewport: LAPTOP, ignoreHTTPSErrors: true });
  try {
    await withPage(browser, t.name, url, {}, async (page) => {
      // Desk staff (anna, still signed in): no nav entry, and #/staff only says no.
      await waitForSelector(page, '#app:not([hidden])');
      await waitForText(page, '#user', 'anna');
      assert.equal(await page.isHidden('[data-testid=nav-staff]'), true);
      await page.goto(`${url}#/staff`);
      await waitForSelector(page, '#staff-denied');
      assert.match(await page.textContent('#staff-denied'), /für Ihre Rolle nicht freigegeben/);
      assert.equal(await page.isHidden('#staff-admin'), true);
      assert.equal(await page.locator('#staff-body tr').count(), 0);

      await page.goto(`${url}#/`);
      await page.click('#sign-out');
      await signedIn(page, 'adam');
      await page.click('[data-testid=nav-staff]');
      await waitForSelector(page, '#view-staff:not([hidden])');
      assert.equal(new URL(page.url()).hash, '#/staff');
      for (const member of STAFF) {
        await waitForSelector(page, `#staff-body tr[data-login=${member.login}][data-state=active]`);
      }
      assert.match(await page.textContent('#staff-body tr[data-login=vera]'), /Lesen/);
      // No button to disable oneself.
      assert.equal(await page.locator('#staff-body tr[data-login=adam] button').count(), 0);

      const staffPosts = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/staff') staffPosts.push(r);
      });
      // Passwords that differ are caught by the page: nothing is sent.
      await page.fill('[data-testid=staff-login]', 'neu');
      await page.selectOption('[data-testid=staff-role]', 'desk');
      await page.fill('[data-testid=staff-password]', NEU_PASSWORD);
      await page.fill('[data-testid=staff-password-again]', 'something-else-entirely');
      await page.click('[data-testid=staff-submit]');
      await waitForText(page, '#staff-add-message', 'stimmen nicht überein');
      assert.equal(staffPosts.length, 0);
      // A short password goes to the server, whose message shows.
      await page.fill('[data-testid=staff-password]', 'kurz');
      await page.fill('[data-testid=staff-password-again]', 'kurz');
      await page.click('[data-testid=staff-submit]');
      await waitForText(page, '#staff-add-message', 'at least 10 characters');
      assert.match(await page.getAttribute('#staff-add-message', 'class'), /error/);
      assert.equal(staffPosts.length, 1);
      assert.equal(await page.locator('#staff-body tr[data-login=neu]').count(), 0);

      await page.fill('[data-testid=staff-password]', NEU_PASSWORD);
      await page.fill('[data-testid=staff-password-again]', NEU_PASSWORD);
      await page.click('[data-testid=staff-submit]');
      await waitForSelector(page, '#staff-body tr[data-login=neu][data-state=active]');
      assert.match(await page.textContent('#staff-body tr[data-login=neu]'), /Einlass-Theke/);
      assert.match(await page.textContent('#staff-add-message'), /„neu“.*angelegt/);
      assert.equal(await page.inputValue('[data-testid=staff-password]'), '');
      assert.equal(await page.inputValue('[data-testid=staff-password-again]'), '');

      // The new account signs in (its own browser) and, being desk staff, gets no staff page.
      await withPage(staffBrowser, `${t.name} (neu)`, url, {}, async (neuPage) => {
        await signIn(neuPage, 'neu', NEU_PASSWORD);
        await waitForSelector(neuPage, '#app:not([hidden])');
        assert.match(await neuPage.textContent('#user'), /neu · Einlass-Theke/);
        assert.equal(await neuPage.isHidden('[data-testid=nav-staff]'), true);
        await neuPage.goto(`${url}#/staff`);
        await waitForSelector(neuPage, '#staff-denied');
        assert.equal(await neuPage.locator('#staff-body tr').count(), 0);
        await waitForSelector(neuPage, '#live[data-state=live]');

        // The admin disables it after a confirmation; its open page falls back to the sign-in.
        const row = '#staff-body tr[data-login=neu]';
        assert.equal(await page.locator(`${row} [data-testid=staff-disable-confirm]`).count(), 0);
        await page.click(`${row} [data-testid=staff-disable-start]`);
        await page.click(`${row} [data-testid=staff-disable-abort]`);
        await page.click(`${row} [data-testid=staff-disable-start]`);
        assert.match(await page.textContent(row), /wirklich sperren/);
        await page.click(`${row} [data-testid=staff-disable-confirm]`);
        await waitForSelector(page, `${row}[data-state=disabled]`);
        assert.match(await page.textContent(row), /gesperrt seit/);
        assert.equal(await page.locator(`${row} button`).count(), 0);
        assert.match(await page.textContent('#staff-message'), /„neu“ gesperrt/);
        await waitForSelector(neuPage, '#login-view:not([hidden])', { timeout: 20_000 });

        // Signing in as "neu" now fails like a wrong password.
        const reply = await neuPage.request.post(`${url}api/v1/login`, {
          headers: { Origin: origin },
          data: { login: 'neu', password: NEU_PASSWORD },
        });
        assert.equal(reply.status(), 401);
        assert.equal((await reply.json()).error.code, 'bad_credentials');
        assertCleanPage(neuPage);
      });

      // The staff page fits a tablet too.
      await page.setViewportSize(TABLET);
      await page.waitForTimeout(200);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= TABLET.width, `the staff page is ${width} px wide on a tablet`);
      await page.setViewportSize(LAPTOP);

      await page.goto(`${url}#/`);
      await page.click('#sign-out');
      await signedIn(page, 'anna');
      assertCleanPage(page);
    });
  } finally {
    await staffBrowser.close();
  }
});

// Last: the throttle also holds back this machine's address for a while.
test('repeated wrong passwords are throttled, and the page says so', async (t) => {
  await withPage(viewerBrowser, t.name, url, {}, async (page) => {
    await waitForSelector(page, '#login-view:not([hidden])');
    let status = 0;
    for (let attempt = 0; attempt < 10 && status !== 429; attempt++) {
      await page.fill('#login-name', 'vera');
      await page.fill('#login-password', `wrong-password-${attempt}`);
      const [reply] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/login')),
        page.click('#login-submit'),
      ]);
      status = reply.status();
      assert.ok(status === 401 || status === 429, `sign-in answered ${status}`);
    }
    assert.equal(status, 429, 'never throttled');
    await waitForText(page, '#login-error', 'Zu viele Fehlversuche');
    // The server's own words say how long to wait.
    assert.match(await page.textContent('#login-error'), /\d+\s*s/);
    assertCleanPage(page);
  });
});
