#!/usr/bin/env node
// Makes sure the browser tests have a Chromium before @web/test-runner starts.
// Order: CHROME_PATH, /usr/bin/chromium, Playwright's cache. With none, root on Debian
// installs Debian's `chromium` package; anyone else gets one line saying how to get one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, HOW_TO_GET_CHROMIUM } from './chromium-path.mjs';

const quiet = process.argv.includes('--quiet');
const say = (msg) => {
  if (!quiet) console.log(`ensure-chromium: ${msg}`);
};

function find() {
  try {
    return findChromium();
  } catch (err) {
    console.error(`ensure-chromium: ${err.message}`);
    process.exit(1);
  }
}

let found = find();
if (!found) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/etc/debian_version')) {
    console.error(HOW_TO_GET_CHROMIUM);
    process.exit(1);
  }
  say('no Chromium found; installing Debian package `chromium` with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(
        `ensure-chromium: \`apt-get ${args.join(' ')}\` failed (${r.error?.message ?? `exit ${r.status}`})`,
      );
      process.exit(1);
    }
  }
  found = find();
  if (!found) {
    console.error(`ensure-chromium: apt-get installed chromium but it is not where expected. ${HOW_TO_GET_CHROMIUM}`);
    process.exit(1);
  }
}
say(`using ${found.path} (${found.source})`);
