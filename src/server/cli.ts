#!/usr/bin/env node
/**
 * `rosterkit serve`: the Roster server over HTTP.
 *
 *   rosterkit serve [--port 8787] [--host 127.0.0.1] [--data DIR | --database-url URL] [--demo]
 *
 * Reads DATABASE_URL and ROSTER_AUTH_SECRET from the environment. With the embedded database and
 * no secret, it makes one and keeps it in the data directory. SIGINT/SIGTERM finish the requests
 * in flight, then stop.
 */
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DatabaseConfigError } from './database.js';
import { DEMO_PASSWORD, DEMO_VIEWERS, demo } from './demo.js';
import { type RosterServer, type RosterServerOptions, ServerConfigError, createRosterServer } from './index.js';
import { createLogger } from './log.js';
import { toNodeListener } from './node-http.js';

const USAGE = `Usage: rosterkit serve [--port 8787] [--host 127.0.0.1] [--data DIR | --database-url URL] [--demo]

  --port          port to listen on (0: any free port)            default 8787
  --host          address to listen on                             default 127.0.0.1
  --data          embedded database directory (PGlite)             default ./.roster
  --database-url  PostgreSQL URL instead (or DATABASE_URL)
  --public-url    origin used in mailed links                      default http://HOST:PORT
  --smtp          SMTP URL for mail (or ROSTER_SMTP_URL); without it mail stays in the outbox
  --mail-from     sender of mail (or ROSTER_MAIL_FROM)             default "Roster" <no-reply@localhost>
  --demo          seed the demo account and serve the demo page, with a development inbox at /dev/inbox

Environment: ROSTER_AUTH_SECRET (at least 32 bytes) signs and checks access tokens.`;

/** The embedded database keeps its own secret, made on first start. */
async function secretFor(dataDir: string | null): Promise<string> {
  const fromEnv = process.env.ROSTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (dataDir === null) {
    throw new ServerConfigError(
      'Set ROSTER_AUTH_SECRET (at least 32 bytes, e.g. `openssl rand -base64 32`): it signs the access tokens your login issues.',
    );
  }
  const file = join(dataDir, 'auth-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' }).catch(async () => {});
    return (await readFile(file, 'utf8')).trim();
  }
}

export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string | null;
  databaseUrl: string | null;
  publicUrl?: string;
  smtp?: string;
  mailFrom: string;
  demo: boolean;
}

export function parseServeArgs(argv: string[]): ServeOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      'database-url': { type: 'string' },
      'public-url': { type: 'string' },
      smtp: { type: 'string' },
      'mail-from': { type: 'string' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || positionals[0] !== 'serve' || positionals.length > 1) throw new ServerConfigError(USAGE);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ServerConfigError(`--port must be a port number, not ${values.port}.`);
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL ?? null;
  if (databaseUrl && values.data) throw new ServerConfigError('Give either --data or --database-url, not both.');
  return {
    port,
    host: values.host!,
    dataDir: databaseUrl ? null : resolve(values.data ?? '.roster'),
    databaseUrl,
    publicUrl: values['public-url'],
    smtp: values.smtp ?? process.env.ROSTER_SMTP_URL,
    mailFrom: values['mail-from'] ?? process.env.ROSTER_MAIL_FROM ?? '"Roster" <no-reply@localhost>',
    demo: values.demo!,
  };
}

/** Starts serving; resolves once listening, with the URL and a stop function. */
export async function serve(
  options: ServeOptions,
  extend?: (server: RosterServer, publicUrl: string) => Promise<(request: Request) => Promise<Response | null>>,
) {
  const logger = createLogger();
  const secret = await secretFor(options.dataDir);
  const serverOptions: RosterServerOptions = {
    database: options.databaseUrl ? { url: options.databaseUrl } : { dataDir: options.dataDir! },
    auth: { secret },
    logger,
    ...(options.smtp && { mail: { smtp: options.smtp, from: options.mailFrom } }),
  };
  // Listen first: the port (with --port 0) is known only then, and mailed links name it.
  let handler: ((request: Request) => Promise<Response>) | null = null;
  const listener = toNodeListener((request) =>
    handler
      ? handler(request)
      : Promise.resolve(new Response('Starting', { status: 503, headers: { 'retry-after': '1' } })),
  );
  let stopping: Promise<void> | null = null;
  // Once stopping, a connection closes after its answer: kept alive, it would take new requests
  // and hold the process up until it timed out.
  const answering = new Set<ServerResponse>();
  const http = createServer((incoming, outgoing) => {
    if (stopping) outgoing.setHeader('connection', 'close');
    answering.add(outgoing);
    outgoing.once('close', () => answering.delete(outgoing));
    listener(incoming, outgoing);
  });
  await new Promise<void>((resolveListen, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolveListen());
  });
  const { port } = http.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  const publicUrl = options.publicUrl ?? url;
  let roster: RosterServer;
  try {
    roster = await createRosterServer({ ...serverOptions, publicUrl });
  } catch (error) {
    http.close();
    throw error;
  }
  const more = extend ? await extend(roster, new URL(publicUrl).origin) : null;
  handler = async (request) => (more && (await more(request))) ?? roster.fetch(request);
  const stop = () => {
    stopping ??= (async () => {
      const closed = new Promise<void>((done) => http.close(() => done()));
      for (const outgoing of answering) {
        if (!outgoing.headersSent) outgoing.setHeader('connection', 'close');
        else outgoing.once('close', () => setImmediate(() => http.closeIdleConnections()));
      }
      await closed;
      await roster.close();
    })();
    return stopping;
  };
  return { url, publicUrl, roster, stop, logger };
}

async function main() {
  let options: ServeOptions;
  if (process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h')) {
    console.log(USAGE);
    return;
  }
  try {
    options = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  try {
    const { url, stop, logger } = await serve(options, options.demo ? demo() : undefined);
    const data = options.databaseUrl
      ? `PostgreSQL (${new URL(options.databaseUrl).host})`
      : `${options.dataDir} (delete this directory to start afresh)`;
    if (options.demo) {
      console.log(`\nRoster demo: open ${url}/`);
      console.log(`  API          ${url}/api/roster/v1`);
      console.log(`  Inbox        ${url}/dev/inbox (verification mail, development only)`);
      console.log(
        `  Sign-in      any active demo person, e.g. ${DEMO_VIEWERS.owner} (owner), password "${DEMO_PASSWORD}"`,
      );
      console.log(`  Data         ${data}`);
      console.log(options.databaseUrl ? '' : `  Reset        stop, delete ${options.dataDir}, start again\n`);
    } else {
      console.log(`Roster is listening on ${url}/api/roster/v1`);
      console.log(`Data: ${data}`);
    }
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        logger.info('stopping', { signal });
        stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      });
    }
  } catch (error) {
    if (error instanceof ServerConfigError || error instanceof DatabaseConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** Run as a program (also through npm's `bin` link, whose path is not the module's own). */
function isMain(): boolean {
  try {
    return Boolean(process.argv[1]) && /cli\.(m?js|ts)$/.test(realpathSync(process.argv[1]!));
  } catch {
    return false;
  }
}

if (isMain()) await main();
