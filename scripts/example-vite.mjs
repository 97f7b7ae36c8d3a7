// Shared by the framework examples' Vite configs (demo/react, demo/vue): in this repository the
// examples import `rosterkit`, `rosterkit/sdk`, … as a host does, compiled from the sources.
import { fileURLToPath } from 'node:url';

const source = (path) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/** `resolve.alias` entries mapping the package's entry points to their sources. */
export const rosterkitFromSource = [
  { find: /^rosterkit$/, replacement: source('components/define.ts') },
  { find: /^rosterkit\/sdk$/, replacement: source('sdk/index.ts') },
  { find: /^rosterkit\/mock$/, replacement: source('mock/index.ts') },
  { find: /^rosterkit\/elements$/, replacement: source('components/index.ts') },
  { find: /^rosterkit\/elements\/(.+)\.js$/, replacement: `${source('components')}/$1.ts` },
];
