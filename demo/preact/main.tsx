// Registering the tags before the first render lets Preact set `client` and `i18n` as properties.
import 'rosterkit';
// Defined before the first render, so the framework sets `client` and `pageSize` as properties:
// an element the autoloader defines later would get them as attributes.
import 'rosterkit/elements/shared-tasks/roster-shared-tasks.js';
import { render } from 'preact';
import { App } from './App.js';

render(<App />, document.getElementById('root')!);
