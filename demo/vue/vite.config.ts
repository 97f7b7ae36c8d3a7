import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { rosterkitFromSource } from '../../scripts/example-vite.mjs';

/** The Vue 3 example, built by Vite with @vitejs/plugin-vue (`npx vite build -c demo/vue/vite.config.ts`). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // Every `roster-*` tag is a custom element, not a Vue component to resolve.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('roster-') } } })],
  resolve: { alias: rosterkitFromSource },
  build: { outDir: '../../.cache/examples/vue', emptyOutDir: true, target: 'es2022' },
});
