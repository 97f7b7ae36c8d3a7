// Registering the tags before the first render lets React 19 set `client` and `i18n` as properties.
import 'rosterkit';
import type {} from 'rosterkit/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
