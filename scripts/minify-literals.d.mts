import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

export function findTaggedTemplates(code: string): { tag: 'css' | 'html' | 'svg'; quasis: [number, number][] }[];
export function minifyCssPart(text: string, first: boolean, last: boolean): string;
export function minifyHtmlParts(parts: string[]): string[];
export function minifyLiterals(code: string): string | null;
export function minifyLiteralsEsbuild(): EsbuildPlugin;
export function minifyLiteralsVite(): VitePlugin;
