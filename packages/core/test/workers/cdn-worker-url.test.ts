// The CDN build rewrites core's default worker URL to the worker bundled beside
// classlens.js (rollup.config.mjs, cdnCoreWorkerUrl): checked on the real source and on
// the built module's quoting, so that a change of either fails here, not in a browser.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the rollup config is plain JavaScript without declarations.
import { cdnCoreWorkerUrl } from '../../../../rollup.config.mjs';

const file = fileURLToPath(new URL('../../src/workers/internal/create-worker.ts', import.meta.url));

describe('CDN build: the core worker URL', () => {
  const plugin = cdnCoreWorkerUrl as {
    transform(this: { error(m: string): never }, code: string, id: string): { code: string } | null;
  };
  const ctx = {
    error(m: string): never {
      throw new Error(m);
    },
  };
  it("points create-worker's default at ./classlens-worker.js, in the source and in the built module", () => {
    const src = readFileSync(file, 'utf8');
    expect(src).toContain("new URL('../../worker.js', import.meta.url)");
    const out = plugin.transform.call(ctx, src, file)!.code;
    expect(out).not.toContain('../../worker.js');
    expect(out.match(/new URL\('\.\/classlens-worker\.js', import\.meta\.url\)/g)?.length).toBeGreaterThanOrEqual(2);
    const built = 'new Worker(new URL("../../worker.js", import.meta.url), { type: "module" })';
    expect(plugin.transform.call(ctx, built, '/x/packages/core/dist/workers/internal/create-worker.js')!.code).toBe(
      'new Worker(new URL(\'./classlens-worker.js\', import.meta.url), { type: "module" })',
    );
  });
  it('leaves other modules alone and fails loudly when the URL it rewrites is gone', () => {
    expect(plugin.transform.call(ctx, "new URL('../../worker.js', import.meta.url)", '/x/other.ts')).toBeNull();
    expect(() => plugin.transform.call(ctx, 'no url here', file)).toThrow(/update rollup.config.mjs/);
  });
});
