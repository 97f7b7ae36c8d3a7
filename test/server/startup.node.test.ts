/** What whoever runs the server sees when it cannot start: a sentence, never a secret. */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseServeArgs, serve } from '../../src/server/cli.js';
import { DatabaseConfigError } from '../../src/server/database.js';
import { ServerConfigError, createRosterServer } from '../../src/server/index.js';

const SECRET = 'startup-test-secret-of-32-bytes-or-more';

describe('server startup', () => {
  it('names an unreachable database by host and port, never its password', async () => {
    await assert.rejects(
      createRosterServer({
        database: { url: 'postgres://roster:hunter2-secret@127.0.0.1:1/roster' },
        auth: { secret: SECRET },
        logger: false,
      }),
      (error: unknown) =>
        error instanceof DatabaseConfigError &&
        /127\.0\.0\.1:1/.test(error.message) &&
        !error.message.includes('hunter2'),
    );
  });

  it('refuses a URL that is not PostgreSQL', async () => {
    await assert.rejects(
      createRosterServer({ database: { url: 'mysql://x@localhost/db' }, auth: { secret: SECRET }, logger: false }),
      (error: unknown) => error instanceof DatabaseConfigError,
    );
  });

  it('refuses a short token secret, saying how long it must be', async () => {
    await assert.rejects(
      createRosterServer({ database: { memory: true }, auth: { secret: 'short' }, logger: false }),
      /32/,
    );
  });

  it('asks for ROSTER_AUTH_SECRET with an external database, and makes one for the embedded database', async () => {
    const saved = process.env.ROSTER_AUTH_SECRET;
    delete process.env.ROSTER_AUTH_SECRET;
    try {
      await assert.rejects(
        serve(parseServeArgs(['serve', '--database-url', 'postgres://roster@127.0.0.1:1/x'])),
        (error: unknown) => error instanceof ServerConfigError && /ROSTER_AUTH_SECRET/.test(error.message),
      );
      const dir = await mkdtemp(join(tmpdir(), 'roster-startup-'));
      const running = await serve(parseServeArgs(['serve', '--port', '0', '--data', dir]));
      try {
        const secret = (await readFile(join(dir, 'auth-secret'), 'utf8')).trim();
        assert.ok(secret.length >= 32);
        assert.equal((await stat(join(dir, 'auth-secret'))).mode & 0o077, 0, 'only the owner may read it');
        const answer = await fetch(`${running.url}/api/roster/v1/me`);
        assert.equal(answer.status, 401);
      } finally {
        await running.stop();
      }
    } finally {
      if (saved !== undefined) process.env.ROSTER_AUTH_SECRET = saved;
    }
  });

  it('explains its usage and refuses bad arguments', () => {
    assert.throws(
      () => parseServeArgs([]),
      (error: unknown) => error instanceof ServerConfigError && /Usage: rosterkit serve/.test(error.message),
    );
    assert.throws(() => parseServeArgs(['serve', '--port', 'eighty']), /--port/);
    assert.throws(
      () => parseServeArgs(['serve', '--data', 'x', '--database-url', 'postgres://h/d']),
      /either --data or --database-url/,
    );
    assert.deepEqual(parseServeArgs(['serve', '--port', '0', '--host', '::1']).host, '::1');
  });
});
