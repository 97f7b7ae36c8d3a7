// Registering the tags before the first render lets React 19 set `client` and `i18n` as properties.
import 'rosterkit';
// Defined before the first render, so the framework sets `client` and `pageSize` as properties:
// an element the autoloader defines later would get them as attributes.
import 'rosterkit/elements/shared-tasks/roster-shared-tasks.js';
import type {} from 'rosterkit/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
