// Finds a Chromium for playwright-core, which downloads no browser here. One finder
// shared by the test runner, ensure-chromium and the story screenshots, so they all
// agree on which binary runs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Debian's package installs this wrapper; it execs /usr/lib/chromium/chromium. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

// Inside a revision folder of Playwright's cache, newest layouts first.
const CACHE_BINARIES = [
  'chrome-linux64/chrome',
  'chrome-linux/chrome',
  'chrome-headless-shell-linux64/chrome-headless-shell',
  'chrome-linux/headless_shell',
  'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
  'chrome-win/chrome.exe',
];

const isFile = (p) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/** Playwright's browser cache folder (honours `PLAYWRIGHT_BROWSERS_PATH`). */
export function playwrightCacheDir(env = process.env) {
  const custom = env.PLAYWRIGHT_BROWSERS_PATH;
  if (custom && custom !== '0') return custom;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'ms-playwright');
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? homedir(), 'ms-playwright');
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ms-playwright');
}

/** The newest Chromium in Playwright's cache, full browser before headless shell, or null. */
export function findPlaywrightChromium(cacheDir = playwrightCacheDir()) {
  if (!existsSync(cacheDir)) return null;
  const revision = (name) => Number(/-(\d+)$/.exec(name)?.[1] ?? 0);
  const dirs = readdirSync(cacheDir)
    .filter((name) => /^chromium(_headless_shell)?-\d+$/.test(name))
    // Full Chromium first (WebGL and all), then newest revision.
    .sort((a, b) => Number(a.includes('headless')) - Number(b.includes('headless')) || revision(b) - revision(a));
  for (const dir of dirs) {
    for (const rel of CACHE_BINARIES) {
      const p = join(cacheDir, dir, rel);
      if (isFile(p)) return p;
    }
  }
  return null;
}

/**
 * Resolves the Chromium to drive: `CHROME_PATH`, then `/usr/bin/chromium`, then
 * Playwright's cache. Returns `{ path, source }`, or `null` when there is none.
 * A `CHROME_PATH` that names no file is an error rather than a silent fallback.
 */
export function findChromium(env = process.env) {
  if (env.CHROME_PATH) {
    if (!isFile(env.CHROME_PATH)) throw new Error(`CHROME_PATH names no file: ${env.CHROME_PATH}`);
    return { path: env.CHROME_PATH, source: 'CHROME_PATH' };
  }
  if (isFile(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'debian' };
  const cached = findPlaywrightChromium(playwrightCacheDir(env));
  if (cached) return { path: cached, source: 'playwright-cache' };
  return null;
}

/**
 * Flags for headless test and screenshot runs. `--expose-gc` and precise memory info are
 * for leak tests; SwiftShader keeps WebGL available without a GPU.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

/** One line telling a person how to get a browser. */
export const HOW_TO_GET_CHROMIUM =
  'No Chromium found: install one (Debian: `apt-get install chromium`; elsewhere: `npx playwright-core install chromium`) or set CHROME_PATH to its binary.';

/** Like findChromium but throws the how-to line when there is none. */
export function chromiumPath(env = process.env) {
  const found = findChromium(env);
  if (!found) throw new Error(HOW_TO_GET_CHROMIUM);
  return found.path;
}
