// Registering the tags before mounting lets Vue set `client` and `i18n` as properties.
import 'rosterkit';
import type {} from 'rosterkit/vue';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
