// Registering the tags before mounting lets Svelte set `client` and `i18n` as properties.
import 'rosterkit';
import type {} from 'rosterkit/svelte';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('root')! });
