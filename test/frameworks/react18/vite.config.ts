// React 18 from the npm aliases `react18` / `react-dom18`, so that one install serves the
// React 18 and React 19 apps.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^react(\/.*)?$/, replacement: 'react18$1' },
      { find: /^react-dom(\/.*)?$/, replacement: 'react-dom18$1' },
    ],
    dedupe: ['react18', 'react-dom18'],
  },
  build: { outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn',
});
