import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    vue({
      // Tags starting with `cl-` are custom elements, not Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('cl-') } },
    }),
  ],
  build: { outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn',
});
