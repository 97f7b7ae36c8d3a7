/** The pseudo-locale `en-XA` (see pseudo.ts), made from the whole English catalog: one chunk, loaded on demand. */
import { en } from './english.js';
import { pseudoLocalize } from './pseudo.js';

export const enXA = pseudoLocalize(en);
