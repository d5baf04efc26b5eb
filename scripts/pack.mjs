#!/usr/bin/env node
// npm pack tarballs of the three packages, installable in any outside project:
//
//   npm run build && node scripts/pack.mjs [folder]      (default folder: .cache/pack)
//   cd ../my-app && npm install /path/to/classlens/.cache/pack/*.tgz
//
// Install the three tarballs together (or core + elements): each package depends on the
// previous one by version, which the tarball beside it satisfies, since none is published.
// Prints one line per tarball; with --json, the list as JSON. Refuses to pack a package
// that has not been built (a tarball without dist/ installs but cannot be imported).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The published packages, dependencies first. */
export const PACKAGES = [
  { name: '@classlens/core', dir: 'packages/core', built: 'dist/index.js' },
  { name: '@classlens/elements', dir: 'packages/elements', built: 'dist/cdn/classlens.js' },
  { name: '@classlens/react', dir: 'packages/react', built: 'dist/index.js' },
];

/**
 * Packs every package into `dest` (emptied of old tarballs first). Returns
 * `[{ name, file, size, unpackedSize, entryCount }]`, `file` an absolute path.
 */
export function pack(dest = join(root, '.cache/pack')) {
  for (const p of PACKAGES) {
    if (!existsSync(join(root, p.dir, p.built))) {
      throw new Error(`${p.name} is not built (${p.dir}/${p.built} missing): run \`npm run build\` first`);
    }
  }
  mkdirSync(dest, { recursive: true });
  // Old tarballs of these packages (any version) would be installed by a `*.tgz` glob.
  const prefixes = PACKAGES.map((p) => `${p.name.replace('@', '').replace('/', '-')}-`);
  for (const f of readdirSync(dest)) {
    if (f.endsWith('.tgz') && prefixes.some((prefix) => f.startsWith(prefix))) rmSync(join(dest, f));
  }
  const args = ['pack', '--json', '--pack-destination', dest, ...PACKAGES.flatMap((p) => ['--workspace', p.dir])];
  const r = spawnSync('npm', args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, npm_config_loglevel: 'error' },
  });
  if (r.status !== 0) throw new Error(`npm pack failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stderr}`);
  const out = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
  return out.map((t) => ({
    name: t.name,
    file: join(dest, t.filename),
    size: t.size,
    unpackedSize: t.unpackedSize,
    entryCount: t.entryCount,
  }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const dest = resolve(positional[0] ?? join(root, '.cache/pack'));
  try {
    const tarballs = pack(dest);
    if (process.argv.includes('--json')) console.log(JSON.stringify(tarballs, null, 2));
    else {
      for (const t of tarballs) {
        console.log(`pack: ${t.file}  ${(t.size / 1024).toFixed(0)} kB (${t.entryCount} files)`);
      }
    }
  } catch (err) {
    console.error(`pack: ${err.message}`);
    process.exit(1);
  }
}
