// `npm run bench [-- --quick | --full] [name…]`: builds core, then runs every
// bench/*.bench.mjs (or the named ones) one after another, each in its own process so
// that one benchmark's garbage and JIT state never skews the next.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { benchDir } from './lib.mjs';

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const names = args.filter((a) => !a.startsWith('--'));
const build = spawnSync('npm', ['run', 'build:core'], { stdio: 'inherit', shell: false });
if (build.status !== 0) process.exit(build.status ?? 1);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => names.length === 0 || names.some((n) => f.startsWith(n)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n# ${f}`);
  const r = spawnSync(process.execPath, ['--expose-gc', `${benchDir}/${f}`, ...flags], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
console.log(`\n${files.length - failed} benchmarks ran, ${failed} failed; results in bench/results/`);
process.exit(failed ? 1 : 0);
