// Storybook 10 for the classlens elements: stories in /stories, autodocs from the
// generated custom-elements manifest (see preview.ts). `npm start` builds core and the
// manifest first (scripts/build.mjs), so a fresh clone boots.
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Example data lives in examples/data; stories fetch it from /data/….
  staticDirs: [{ from: '../examples/data', to: '/data' }],
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      optimizeDeps: {
        // One pre-bundled copy of Lit for stories and elements alike (else Lit warns
        // about several copies), and regl, which is CommonJS.
        include: [
          'lit',
          'lit/decorators.js',
          'lit/directive.js',
          'lit/directive-helpers.js',
          'lit/directives/class-map.js',
          'lit/directives/style-map.js',
          'lit/directives/repeat.js',
          'lit/directives/guard.js',
          'lit/directives/if-defined.js',
          'lit/directives/live.js',
          'lit/directives/ref.js',
          'lit/static-html.js',
          'regl',
        ],
      },
      // Element sources compile with their own tsconfig (legacy decorators,
      // useDefineForClassFields: false); Vite's transform reads the nearest tsconfig.json.
      build: { chunkSizeWarningLimit: 4096 },
    });
  },
};

export default config;
