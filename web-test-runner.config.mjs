// Browser tests: @web/test-runner driving a real Chromium through Playwright.
// `npm run test:browser` runs scripts/ensure-chromium.mjs first, which finds or installs
// the same binary this config asks scripts/chromium-path.mjs for.
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium-path.mjs';
import { summaryLineReporter } from './test/infra/summary-reporter.mjs';

const commonjs = fromRollup(rollupCommonjs);

// CommonJS/UMD packages the tests load in the browser (everything else ships ESM).
const CJS_PACKAGES = ['regl', 'axe-core'];

// Two cores on CI: more pages at once only makes software WebGL slower.
const concurrency = Number(process.env.WTR_CONCURRENCY ?? 2);

export default {
  rootDir: '.',
  files: ['test/**/*.test.ts', 'packages/elements/src/**/*.test.ts', '!**/node_modules/**'],
  nodeResolve: true,
  concurrency,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      concurrency,
      launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  plugins: [
    commonjs({
      include: CJS_PACKAGES.map((name) => `**/node_modules/${name}/**/*`),
      strictRequires: false,
    }),
    // Lit's legacy decorators need these two flags written in the file itself:
    // the plugin passes its content to esbuild raw and ignores `extends`.
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'packages/elements/tsconfig.json' }),
  ],
  // Lit announces dev mode once per page; every other browser log is kept.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  reporters: [defaultReporter(), summaryLineReporter()],
};
