// Headless Debian chromium through playwright-core, set up for this machine's closed network:
// no sandbox (root in CI), no GPU, no QUIC, no background fetches, a fresh profile every time.
// Shared by every browser test (the screen fixture now, the kiosk daemon later).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };
export const DEFAULT_TIMEOUT_MS = 10_000;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function artifactsDir() {
  return process.env.EINLASS_E2E_ARTIFACTS || join(tmpdir(), 'einlass-e2e-artifacts');
}

// A running chromium with one browser context; close() removes its profile.
// ignoreHTTPSErrors: for servers with a certificate from the event's own CA (the dashboard).
export async function launchBrowser({ viewport = LANDSCAPE, headless = true,
                                      ignoreHTTPSErrors = false } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'einlass-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.EINLASS_CHROMIUM || '/usr/bin/chromium',
      headless,
      args: CHROMIUM_ARGS,
      viewport,
      locale: 'de-DE',
      ignoreHTTPSErrors,
      timeout: 60_000,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  context.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}

// A new page of the given size that records console errors and uncaught exceptions in
// page.problems, so tests can insist on a clean page.
export async function openPage(browser, url, { viewport } = {}) {
  const page = await browser.context.newPage();
  page.problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`exception: ${error.message}`));
  if (viewport) await page.setViewportSize(viewport);
  if (url) await page.goto(url, { waitUntil: 'load' });
  return page;
}

export async function waitForSelector(page, selector, { timeout = DEFAULT_TIMEOUT_MS, state = 'visible' } = {}) {
  return page.waitForSelector(selector, { timeout, state });
}

// Waits until the element's text contains `expected` (a string or RegExp).
export async function waitForText(page, selector, expected, { timeout = DEFAULT_TIMEOUT_MS } = {}) {
  const isRegExp = expected instanceof RegExp;
  await page.waitForFunction(
    ({ selector, source, flags, text }) => {
      const element = document.querySelector(selector);
      if (!element) return false;
      return source !== null ? new RegExp(source, flags).test(element.textContent)
                             : element.textContent.includes(text);
    },
    { selector, source: isRegExp ? expected.source : null, flags: isRegExp ? expected.flags : '',
      text: isRegExp ? null : expected },
    { timeout });
}

function safeName(name) {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 100);
}

export async function screenshot(page, path) {
  await page.screenshot({ path, fullPage: false });
  return path;
}

// Runs `body(page)` on a new page; on failure saves a screenshot named after the test into the
// artifacts folder and adds its path to the error. The page is closed either way.
export async function withPage(browser, name, url, options, body) {
  const page = await openPage(browser, url, options);
  try {
    return await body(page);
  } catch (error) {
    try {
      await mkdir(artifactsDir(), { recursive: true });
      const path = await screenshot(page, join(artifactsDir(), `${safeName(name)}.png`));
      error.message += `\nscreenshot: ${path}`;
    } catch (shotError) {
      error.message += `\n(no screenshot: ${shotError.message})`;
    }
    throw error;
  } finally {
    await page.close().catch(() => {});
  }
}

// Whether anything sticks out of the viewport: the document's scroll size, and every visible
// element's box. Returns the offenders (empty when the page fits).
export async function overflowReport(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const height = window.innerHeight;
    const problems = [];
    const root = document.documentElement;
    if (root.scrollWidth > width || root.scrollHeight > height) {
      problems.push(`document ${root.scrollWidth}x${root.scrollHeight} in ${width}x${height}`);
    }
    if (document.body.scrollWidth > width || document.body.scrollHeight > height) {
      problems.push(`body ${document.body.scrollWidth}x${document.body.scrollHeight}`);
    }
    for (const element of document.querySelectorAll('body *')) {
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // Inside a scrolling list is fine: the list itself is checked.
      if (element.closest('.results') && !element.classList.contains('results')) continue;
      if (box.left < -1 || box.top < -1 || box.right > width + 1 || box.bottom > height + 1) {
        const id = element.id ? `#${element.id}` : element.dataset.testid ? `[data-testid=${element.dataset.testid}]` : element.tagName.toLowerCase();
        problems.push(`${id} at ${Math.round(box.left)},${Math.round(box.top)}-${Math.round(box.right)},${Math.round(box.bottom)}`);
      }
      if ((element.id || element.dataset.testid) && style.overflow !== 'visible' &&
          !element.classList.contains('results') &&
          (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)) {
        problems.push(`${element.id || element.dataset.testid} clips its content ` +
                      `(${element.scrollWidth}x${element.scrollHeight} in ${element.clientWidth}x${element.clientHeight})`);
      }
    }
    // Every control a finger can reach must be on top where it is drawn (nothing overlaps it).
    for (const control of document.querySelectorAll('button, input')) {
      const style = getComputedStyle(control);
      const box = control.getBoundingClientRect();
      if (style.visibility === 'hidden' || box.width === 0 || box.height === 0) continue;
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const list = control.closest('.results');
      if (list) {
        const visible = list.getBoundingClientRect();
        if (y < visible.top || y > visible.bottom) continue;  // scrolled out of its list
      }
      const hit = document.elementFromPoint(x, y);
      if (!hit || (hit !== control && !control.contains(hit))) {
        const name = control.id || control.dataset.testid || control.textContent.trim().slice(0, 20);
        const over = hit ? (hit.id || hit.dataset.testid || hit.className || hit.tagName) : 'nothing';
        problems.push(`${name} is covered by ${over}`);
      }
    }
    return problems;
  });
}
