// scripts/run-ts.mjs: runs a .ts file (and the .ts files it imports) under plain Node.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const runner = join(root, 'scripts', 'run-ts.mjs');
const dir = mkdtempSync(join(tmpdir(), 'run-ts-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(file: string, args: string[] = []) {
  return spawnSync(process.execPath, [runner, file, ...args], { cwd: root, encoding: 'utf8' });
}

function leftovers(pid: number | undefined): string[] {
  const cache = join(root, 'node_modules', '.cache', 'run-ts');
  return existsSync(cache) ? readdirSync(cache).filter((f) => f.startsWith(`${pid}-`)) : [];
}

describe('node scripts/run-ts.mjs file.ts [args]', () => {
  it('runs TypeScript with its relative .ts imports, passes args, and gives each module its own import.meta.url', () => {
    const a = join(dir, 'main.ts');
    const b = join(dir, 'helper.ts');
    writeFileSync(
      b,
      'export const twice = (x: number): number => 2 * x;\nexport const where: string = import.meta.url;\n',
    );
    writeFileSync(
      a,
      "import { twice, where } from './helper.js';\nconst n: number = Number(process.argv[2]);\n" +
        'console.log(JSON.stringify({ argv1: process.argv[1], args: process.argv.slice(2), twice: twice(n), main: import.meta.url, helper: where }));\n',
    );
    const r = run(a, ['21', '--flag']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      argv1: a,
      args: ['21', '--flag'],
      twice: 42,
      main: pathToFileURL(a).href,
      helper: pathToFileURL(b).href,
    });
    expect(leftovers(r.pid)).toEqual([]);
  });

  it('resolves packages from the repository node_modules (kept external)', () => {
    const f = join(dir, 'pkg.ts');
    writeFileSync(f, "import fc from 'fast-check';\nconsole.log(typeof fc.assert);\n");
    const r = run(f);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('function');
  });

  it('exits 1 with a stack trace pointing into the .ts source when the script throws', () => {
    const f = join(dir, 'throws.ts');
    writeFileSync(f, "const x: number = 1;\nif (x) throw new Error('boom from ts');\n");
    const r = run(f);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('boom from ts');
    expect(r.stderr).toContain(`${f}:2`);
    expect(leftovers(r.pid)).toEqual([]);
  });

  it('exits 1 on a syntax error and 2 on a missing file or no argument', () => {
    const f = join(dir, 'broken.ts');
    writeFileSync(f, 'const x: = 1;\n');
    expect(run(f).status).toBe(1);
    const missing = run(join(dir, 'nope.ts'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const none = spawnSync(process.execPath, [runner], { encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('usage:');
  });

  it('keeps the script exit code', () => {
    const f = join(dir, 'exit.ts');
    writeFileSync(f, 'process.exitCode = 3;\n');
    expect(run(f).status).toBe(3);
  });
});
