export const MANIFEST_FILE: string;
export const TYPES_FILE: string;
export const REFERENCE_FILE: string;
/** The analysed sources, sorted. */
export function manifestSources(): string[];
/** custom-elements.json, src/types/elements.ts and docs/elements-reference.md as `npm run manifest` writes them. */
export function generate(): { manifest: string; types: string; reference: string };
