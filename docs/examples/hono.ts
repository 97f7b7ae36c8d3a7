// Roster in Hono: the request is already a Web `Request`, the answer a Web `Response`.
import { Hono } from 'hono';
import type { RosterServer } from 'rosterkit/server';

export function createApp(roster: RosterServer) {
  const app = new Hono();
  app.all('/api/roster/v1/*', (c) => roster.fetch(c.req.raw));
  app.get('/', (c) => c.text('your own routes'));
  return app;
}

// import { serve } from '@hono/node-server';
// serve({ fetch: createApp(roster).fetch, port: 3000 });
