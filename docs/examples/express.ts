// Roster in Express 5, with the host's own sign-in handing the panel its token.
import express from 'express';
import { type RosterServer, toNodeListener } from 'rosterkit/server';

export function createApp(roster: RosterServer) {
  const app = express();
  // Mounted before any body parser: Roster reads (and limits) the request body itself.
  app.all('/api/roster/v1/*path', toNodeListener(roster.fetch));

  app.use(express.json());
  // Your login: Roster checks the password, the profile's status and allowed IPs, and throttles
  // guessing; you keep your own session and give the panel a short-lived token for its API.
  app.post('/login', async (req, res) => {
    const { email = '', password = '' } = (req.body ?? {}) as { email?: string; password?: string };
    const result = await roster.signIn({ email, password, ip: req.ip ?? '' });
    if (!result.ok) {
      res.status(result.reason === 'rate_limited' ? 429 : 401).json({ error: result.reason });
      return;
    }
    const token = await roster.tokens.issue({ accountId: result.accountId, userId: result.user.id });
    res.json({ token }); // the panel sends it back: panel.getToken = () => token
  });
  return app;
}

// createApp(roster).listen(3000);
