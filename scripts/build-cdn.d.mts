import type { Metafile } from 'esbuild';

/** Builds dist/roster.min.js and dist/roster-mock.min.js (or into `outdir`). */
export function buildCdn(options?: { outdir?: string }): Promise<{ elements: Metafile; mock: Metafile }>;
