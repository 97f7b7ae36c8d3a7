/**
 * `rosterkit serve --demo`: the demo account of the reference API (Nordlicht Analytics GmbH),
 * seeded once into the server's database, and the development-only routes around it: the demo
 * page, `POST /dev/token` (a token for any active demo profile, for the page's "view as") and
 * `GET /dev/inbox` (the outbox as a page, to follow verification links). None of this exists
 * without `--demo`.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { personKey } from '../core/email.js';
import { verificationRecords } from '../core/verification.js';
import { DEMO_PASSWORD, DEMO_VIEWERS, createDemoStore } from '../mock/data.js';
import type { RosterEvent, Task, User } from '../sdk/schemas.js';
import type { RosterServer } from './index.js';
import { hashPassword } from './passwords.js';

/** The password of every active demo profile, as in the reference API's demo (the pending ones choose theirs on verification). */
export { DEMO_PASSWORD };

export interface DemoSeed {
  accountId: string;
  /** False when the database already held the demo account. */
  seeded: boolean;
}

/**
 * Writes the demo account, its profiles, tasks and weeks of events, unless the database has it
 * already. Ids are the database's own (the reference API's are small numbers the server's id
 * sequence would hand out again); pending profiles get their verification mail.
 */
export async function seedDemo(server: RosterServer, options: { publicOrigin?: string } = {}): Promise<DemoSeed> {
  const { storage } = server;
  const existing = await storage.accountOfEmail(personKey(DEMO_VIEWERS.owner));
  if (existing) return { accountId: existing, seeded: false };

  const store = createDemoStore();
  const account = { ...store.account, tools: store.account.tools.map((tool) => ({ ...tool })) };
  await storage.createAccount!(account);
  const users = [...store.users.values()];
  // Histories are built lazily from the profile as it was: take them before anything changes.
  const histories = new Map(users.map((user) => [user.id, [...store.eventsOf(user.id)]]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await storage.write(account.id, async (tx) => {
    const userIds = new Map<string, string>();
    const taskIds = new Map<string, string>();
    for (const user of users) userIds.set(user.id, await tx.newId('usr'));
    for (const task of store.tasks.values()) taskIds.set(task.id, await tx.newId('tsk'));
    const taskNames = new Map([...store.tasks.values()].map((task) => [taskIds.get(task.id)!, task.name]));

    const seeded: User[] = users.map((user) => ({
      ...user,
      id: userIds.get(user.id)!,
      access: {
        tools: [...user.access.tools],
        tasks: user.access.tasks.map((ref) => ({ ...ref, taskId: taskIds.get(ref.taskId)! })),
      },
    }));
    for (const user of seeded)
      await tx.insertUser(user, { passwordHash: user.status === 'active' ? passwordHash : null });
    for (const task of store.tasks.values()) {
      const copy: Task = { ...task, id: taskIds.get(task.id)!, ownerId: userIds.get(task.ownerId)! };
      await tx.insertTask(copy);
    }
    for (const [oldId, events] of histories) {
      const userId = userIds.get(oldId)!;
      for (const [index, event] of events.entries()) {
        const taskId = event.taskId === null ? null : taskIds.get(event.taskId)!;
        const stored = {
          ...event,
          id: `evt_${userId.slice(4)}_${index.toString(36)}`,
          taskId,
          taskName: taskId && taskNames.get(taskId),
        };
        await tx.insertEvent(userId, stored as RosterEvent);
      }
    }
    // The pending profiles get their links as if they had just been added, as in the reference API.
    const owner = seeded.find((user) => user.role === 'owner')!;
    for (const user of seeded.filter((candidate) => candidate.status === 'pending')) {
      const { token, mail } = verificationRecords({
        account,
        owner,
        user,
        basePath: server.baseUrl,
        publicOrigin: options.publicOrigin,
        at: new Date(),
        welcome: false,
        mailId: await tx.newId('mail'),
      });
      await tx.insertVerificationToken(token);
      await tx.enqueueMail(mail);
    }
  });
  return { accountId: account.id, seeded: true };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const INBOX_STYLE = `
:root { color-scheme: light dark; font: 15px/1.45 Inter, 'Segoe UI', system-ui, -apple-system, Roboto, sans-serif;
  --surface: light-dark(#ffffff, #17181c); --bg: light-dark(#f4f5f7, #0e0f13); --text: light-dark(#18181b, #ececef);
  --muted: light-dark(#5b5b66, #a3a3ad); --border: light-dark(#e3e3e8, #34353d); --accent: light-dark(#4f46e5, #8b93ff);
  --success: light-dark(#116b3a, #6fdc9b); --warning: light-dark(#8a5300, #f5c451); }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); }
main { max-inline-size: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.25rem 1rem; margin-block-end: 1rem; }
h1 { margin: 0; font-size: 1.375rem; font-weight: 650; }
p { margin: 0; }
.muted { color: var(--muted); font-size: 0.875rem; }
.note { margin-block-end: 1rem; }
a { color: var(--accent); }
ol { list-style: none; margin: 0; padding: 0; border: 1px solid var(--border); border-radius: 0.75rem; background: var(--surface); overflow: hidden; }
li { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.25rem 1rem; padding: 0.75rem 1rem; }
li + li { border-block-start: 1px solid var(--border); }
.subject { font-weight: 600; overflow-wrap: anywhere; }
.to, .link { grid-column: 1; overflow-wrap: anywhere; font-size: 0.875rem; }
.to { color: var(--muted); }
.meta { grid-column: 2; grid-row: 1 / span 2; text-align: end; font-size: 0.8125rem; color: var(--muted); white-space: nowrap; }
.status { display: inline-block; margin-block-start: 0.25rem; padding: 0 0.5rem; border-radius: 999px; border: 1px solid currentColor; font-weight: 500; }
.status--sent { color: var(--success); }
.status--queued { color: var(--warning); }
.empty { padding: 2rem 1rem; text-align: center; color: var(--muted); }
@media (max-width: 30rem) {
  li { grid-template-columns: minmax(0, 1fr); }
  .meta { grid-column: 1; grid-row: auto; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; text-align: start; }
  .meta br { display: none; }
  .status { margin: 0; }
}
`;
const INBOX_STYLE_HASH = createHash('sha256').update(INBOX_STYLE).digest('base64');

export interface InboxMail {
  to: string;
  subject: string;
  link?: string;
  createdAt: string;
  sentAt: string | null;
}

/** The development inbox: every mail of the outbox, newest first, as a page without scripts. */
export function renderInbox(mail: InboxMail[]): string {
  const items = [...mail].reverse().map((entry) => {
    const status = entry.sentAt ? 'sent' : 'queued';
    const at = entry.sentAt ?? entry.createdAt;
    return `<li>
  <p class="subject">${escapeHtml(entry.subject)}</p>
  <p class="to">To: ${escapeHtml(entry.to)}</p>
  ${entry.link ? `<p class="link"><a href="${escapeHtml(entry.link)}">${escapeHtml(entry.link)}</a></p>` : ''}
  <p class="meta">${at ? `<time datetime="${escapeHtml(at)}">${escapeHtml(at.replace('T', ' ').slice(0, 16))} UTC</time><br />` : ''}<span class="status status--${status}">${status}</span></p>
</li>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Inbox · Roster demo</title>
<style>${INBOX_STYLE}</style>
</head>
<body>
<main>
<header>
  <h1>Development inbox</h1>
  <p class="muted">${mail.length} ${mail.length === 1 ? 'mail' : 'mails'} · newest first · <a href="/">back to the demo</a></p>
</header>
<p class="muted note">Every mail the server writes lands here. Without <code>--smtp</code> none is sent: it stays queued, and its link works all the same.</p>
${items.length ? `<ol>\n${items.join('\n')}\n</ol>` : '<p class="empty">No mail yet. Add a colleague in the panel: their verification mail lands here.</p>'}
</main>
</body>
</html>
`;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
};
const PAGE_CSP =
  "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Where the built demo page is: beside this module (dist/server/demo-page, or .cache/server/demo-page for `npm start`). */
export const DEFAULT_DEMO_PAGE = fileURLToPath(new URL('./demo-page/', import.meta.url));

async function servePage(pageDir: string, pathname: string): Promise<Response | null> {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return null;
  }
  const root = normalize(pageDir.endsWith(sep) ? pageDir : pageDir + sep);
  const file = normalize(join(root, relative));
  if (!file.startsWith(root) || relative.includes('\0')) return null;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    if (pathname !== '/') return null;
    return new Response('The demo page is not built. Start the demo with `npm start` in the rosterkit repository.\n', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  return new Response(await readFile(file), {
    headers: {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      'cache-control': relative.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(type.startsWith('text/html') && { 'content-security-policy': PAGE_CSP, 'referrer-policy': 'no-referrer' }),
    },
  });
}

const jsonAnswer = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });

/**
 * The demo's own routes, answered before the API: the page, `/dev/token`, `/dev/sign-in`, `/dev/inbox`. Returns
 * null for everything else.
 */
export function demoRoutes(server: RosterServer, options: { accountId: string; pageDir?: string | null }) {
  const pageDir = options.pageDir === undefined ? DEFAULT_DEMO_PAGE : options.pageDir;
  return async (request: Request): Promise<Response | null> => {
    const { pathname } = new URL(request.url);
    if (pathname === '/dev/token') {
      if (request.method !== 'POST') return jsonAnswer({ error: 'Use POST with {"email": "…"}' }, 405);
      // JSON only: a cross-site form cannot send it without a preflight this server never allows.
      if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? ''))
        return jsonAnswer({ error: 'Send JSON' }, 415);
      const body = (await request.json().catch(() => null)) as { email?: unknown } | null;
      const email = typeof body?.email === 'string' ? body.email : '';
      const user =
        email &&
        (await server.storage.read(options.accountId, (tx) =>
          tx.userByPersonKey(personKey(email.trim().toLowerCase())),
        ));
      // Only the demo account's active people: the endpoint is for the demo page, not a back door to other accounts.
      if (!user || user.status !== 'active')
        return jsonAnswer({ error: 'No active demo profile with this email' }, 404);
      const ttlSeconds = 900;
      const token = await server.tokens.issue({ accountId: options.accountId, userId: user.id, ttlSeconds });
      return jsonAnswer({ token, expiresIn: ttlSeconds });
    }
    if (pathname === '/dev/sign-in') {
      // The host's login, as the demo bar tries it: the server's own sign-in check, answered as it is.
      if (request.method !== 'POST') return jsonAnswer({ error: 'Use POST with {"email", "password", "ip"}' }, 405);
      if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? ''))
        return jsonAnswer({ error: 'Send JSON' }, 415);
      const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
      const [email, password, ip] = ['email', 'password', 'ip'].map((key) =>
        typeof body?.[key] === 'string' ? (body[key] as string) : '',
      );
      const result = await server.signIn({ email: email!, password: password!, ip: ip!, accountId: options.accountId });
      const user =
        result.ok &&
        (({ id, firstName, lastName, email, role }) => ({ id, firstName, lastName, email, role }))(result.user);
      return jsonAnswer(result.ok ? { ok: true, accountId: result.accountId, user } : result);
    }
    if (pathname === '/dev/inbox' || pathname === '/dev/inbox/') {
      if (request.method !== 'GET' && request.method !== 'HEAD') return null;
      return new Response(renderInbox(await server.storage.mail!()), {
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': `default-src 'none'; style-src 'sha256-${INBOX_STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
          // The links carry verification tokens: no referrer leaks them, no cache keeps them.
          'referrer-policy': 'no-referrer',
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        },
      });
    }
    if (
      pageDir &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !pathname.startsWith(`${server.baseUrl}/`)
    ) {
      return servePage(pageDir, pathname);
    }
    return null;
  };
}

/** `serve(options, demo())`: seeds (links on the server's public URL), then answers the demo's routes. */
export function demo(options: { pageDir?: string | null } = {}) {
  return async (server: RosterServer, publicOrigin: string) => {
    const { accountId } = await seedDemo(server, { publicOrigin });
    return demoRoutes(server, { accountId, pageDir: options.pageDir });
  };
}

export { DEMO_VIEWERS };
