// Registered before bootstrapping, so each tag is upgraded as Angular creates it and its bindings
// land on the element's own properties.
import 'rosterkit';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app.js';

// No zone.js: signals tell Angular what to re-render.
bootstrapApplication(App, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) =>
  console.error(error),
);
