// Headless Chromium (Debian's, or whatever scripts/chromium-path.mjs finds) through
// playwright-core, with every console error and uncaught page error collected.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../../scripts/chromium-path.mjs';

export async function launch() {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/** A fresh page whose `errors` array collects console errors and page errors. */
export async function openPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  const errors = [];
  // Browsers ask for /favicon.ico by themselves; its 404 is nobody's error.
  const ignored = (url) => new URL(url).pathname === '/favicon.ico';
  page.on('console', (m) => {
    if (m.type() === 'error' && !(m.location().url && ignored(m.location().url))) {
      errors.push(`console.error: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`);
    }
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !ignored(r.url())) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { page, errors, close: () => context.close() };
}
