// Registering the tags before mounting lets Svelte set `client` and `i18n` as properties.
import 'rosterkit';
// Defined before the first render, so the framework sets `client` and `pageSize` as properties:
// an element the autoloader defines later would get them as attributes.
import 'rosterkit/elements/shared-tasks/roster-shared-tasks.js';
import type {} from 'rosterkit/svelte';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('root')! });
