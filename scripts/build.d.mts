/** Builds the library, its declarations and the single-file builds into `outdir` (default dist). */
export function buildPackage(options?: { outdir?: string; quiet?: boolean }): Promise<void>;
