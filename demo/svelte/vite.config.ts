import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { rosterkitFromSource } from '../../scripts/example-vite.mjs';

/** The Svelte 5 example, built by Vite with @sveltejs/vite-plugin-svelte (`npx vite build -c demo/svelte/vite.config.ts`). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [svelte({ configFile: false })],
  resolve: { alias: rosterkitFromSource },
  build: { outDir: '../../.cache/examples/svelte', emptyOutDir: true, target: 'es2022' },
});
