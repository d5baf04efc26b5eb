// Builds core's TypeScript sources to plain ESM in a temporary folder (esbuild, one
// output file per source, same tree), so that tests can start real workers: Node cannot
// run worker-entry.ts, and `dist/` is shared with everyone else's builds. Adds a test
// entry serving extra tasks that exercise the pool.
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

const TEST_ENTRY = `
import { registerTask, serveTasks } from './workers/index.js';
import { ClasslensError } from './common/errors.js';
registerTask('test/echo', (p) => p);
registerTask('test/sum', (p, ctx) => {
  let s = 0;
  for (const v of p.data) s += v;
  const out = new Float64Array([s, p.data.length]);
  ctx.transfer(out.buffer);
  return out;
});
registerTask('test/spin', (p, ctx) => {
  const t0 = Date.now();
  // One clock read per step: reading it twice could report a fraction past 1 under load.
  for (let t = Date.now() - t0; t < p.ms; t = Date.now() - t0) ctx.progress(t / p.ms);
  return 'done';
});
registerTask('test/fail', () => { throw new ClasslensError('NOT_SQUARE', 'matrix: 2 × 3 is not square', { rows: 2 }); });
registerTask('test/exit', () => { process.exit(3); });
void serveTasks();
`;

export interface BuiltCore {
  dir: string;
  cleanup(): void;
}

export async function buildCore(): Promise<BuiltCore> {
  const dir = mkdtempSync(join(tmpdir(), 'classlens-core-'));
  const entryPoints = (readdirSync(src, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(src, f));
  await build({ entryPoints, outdir: dir, outbase: src, format: 'esm', platform: 'neutral', logLevel: 'silent' });
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(dir, 'test-entry.js'), TEST_ENTRY);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
