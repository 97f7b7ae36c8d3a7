import type { Alias } from 'vite';

export const rosterkitFromSource: Alias[];
