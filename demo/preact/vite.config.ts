import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { rosterkitFromSource } from '../../scripts/example-vite.mjs';

/**
 * The Preact example, built by Vite alone (`npx vite build -c demo/preact/vite.config.ts`): Vite's own
 * JSX transform with Preact's automatic runtime, no plugin (@preact/preset-vite would add Babel).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: rosterkitFromSource },
  build: { outDir: '../../.cache/examples/preact', emptyOutDir: true, target: 'es2022' },
});
