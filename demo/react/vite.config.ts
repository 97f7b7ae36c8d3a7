import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { rosterkitFromSource } from '../../scripts/example-vite.mjs';

/** The React 19 example, built by Vite with @vitejs/plugin-react (`npx vite build -c demo/react/vite.config.ts`). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  resolve: { alias: rosterkitFromSource },
  build: { outDir: '../../.cache/examples/react', emptyOutDir: true, target: 'es2022' },
});
