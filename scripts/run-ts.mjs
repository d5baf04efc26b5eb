#!/usr/bin/env node
// Runs a TypeScript file under Node 20, which cannot run TS itself:
//
//   node scripts/run-ts.mjs path/to/file.ts [args…]
//
// The file and everything it imports from this repository is bundled with esbuild's JS
// API into one temporary ES module, which is then imported. Packages from node_modules
// stay external, so they load exactly as they would from a .js file in the repository;
// that is why the bundle is written under node_modules/.cache (bare imports resolve from
// there) rather than the OS temp folder. Inside the script, `process.argv` reads as if it
// had been started directly (`[node, /abs/path/file.ts, …args]`), and `import.meta.url`
// (and `import.meta.dirname` / `filename`) name each module's own source file, so
// paths computed relative to a script keep pointing into the repository.
//
// Exit status: the script's own (an uncaught error prints its stack and exits 1).
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const [entryArg, ...args] = process.argv.slice(2);
if (!entryArg || entryArg === '--help' || entryArg === '-h') {
  console.error('usage: node scripts/run-ts.mjs path/to/file.ts [args…]');
  process.exit(entryArg ? 0 : 2);
}
const entry = resolve(entryArg);
if (!existsSync(entry)) {
  console.error(`run-ts: no such file: ${entryArg}`);
  process.exit(2);
}

const loaders = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.jsx': 'jsx' };

/** Gives every bundled module its own `import.meta.url`, not the temporary bundle's. */
const importMetaPlugin = {
  name: 'source-import-meta',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (argsLoad) => {
      if (argsLoad.path.split(/[\\/]/).includes('node_modules')) return undefined;
      const source = readFileSync(argsLoad.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const url = JSON.stringify(pathToFileURL(argsLoad.path).href);
      const contents = source
        .replace(/\bimport\.meta\.url\b/g, url)
        .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(argsLoad.path))
        .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(dirname(argsLoad.path)));
      return { contents, loader: loaders[extname(argsLoad.path)] ?? 'default', resolveDir: dirname(argsLoad.path) };
    });
  },
};

const outDir = join(root, 'node_modules', '.cache', 'run-ts');
mkdirSync(outDir, { recursive: true });
const outFile = join(outDir, `${process.pid}-${Date.now()}.mjs`);

try {
  await build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
    plugins: [importMetaPlugin],
  });
} catch {
  // esbuild has already printed the diagnostics.
  process.exit(1);
}

// Stack traces point into the .ts sources through the inline source map.
process.setSourceMapsEnabled(true);
process.argv = [process.argv[0], entry, ...args];
try {
  await import(pathToFileURL(outFile).href);
} finally {
  // Top-level code has finished; timers or servers the script started keep running.
  rmSync(outFile, { force: true });
}
