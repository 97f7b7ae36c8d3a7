// Roster in Node's own `http` server: its routes under /api/roster/v1, yours beside them.
import { createServer } from 'node:http';
import { type RosterServer, toNodeListener } from 'rosterkit/server';

export function createHttpServer(roster: RosterServer) {
  const answerRoster = toNodeListener(roster.fetch);
  return createServer((req, res) => {
    if (req.url?.startsWith('/api/roster/v1/')) return answerRoster(req, res);
    res.writeHead(404).end(); // your own routes
  });
}

// const roster = await createRosterServer({ database: { url: process.env.DATABASE_URL! }, auth: { secret: process.env.ROSTER_AUTH_SECRET! } });
// createHttpServer(roster).listen(3000);
