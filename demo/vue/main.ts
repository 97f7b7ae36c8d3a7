// Registering the tags before mounting lets Vue set `client` and `i18n` as properties.
import 'rosterkit';
// Defined before the first render, so the framework sets `client` and `pageSize` as properties:
// an element the autoloader defines later would get them as attributes.
import 'rosterkit/elements/shared-tasks/roster-shared-tasks.js';
import type {} from 'rosterkit/vue';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
