/**
 * Where the server's tests run: PGlite in memory always, and PostgreSQL too when
 * ROSTER_TEST_DATABASE_URL names a server (a fresh database per use, dropped after).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_URL = process.env.ROSTER_TEST_DATABASE_URL;

/** A throwaway database on the test server, and a way to drop it. */
export async function freshPostgresDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `roster_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface DatabaseTarget {
  name: 'PGlite' | 'PostgreSQL';
}

/** Options for `createRosterServer({ database })` on a fresh database of this target. */
export async function freshDatabase(
  target: DatabaseTarget,
): Promise<{ options: { memory: true } | { url: string }; drop: () => Promise<void> }> {
  if (target.name === 'PGlite') return { options: { memory: true }, drop: async () => {} };
  const fresh = await freshPostgresDatabase(POSTGRES_URL!);
  return { options: { url: fresh.url }, drop: fresh.drop };
}
freshDatabase.targets = (): DatabaseTarget[] => [
  { name: 'PGlite' },
  ...(POSTGRES_URL ? [{ name: 'PostgreSQL' as const }] : []),
];
