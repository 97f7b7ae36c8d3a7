// Registering the tags before the first render lets Preact set `client` and `i18n` as properties.
import 'rosterkit';
import { render } from 'preact';
import { App } from './App.js';

render(<App />, document.getElementById('root')!);
