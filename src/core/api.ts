/**
 * The contract as one fetch-style handler over a storage: route matching, authentication before
 * the body is read, body limits, transactions and idempotency. The reference API (memory) and the
 * server (PostgreSQL) are thin shells around it.
 */
import type { RosterEvent, User } from '../sdk/schemas.js';
import { MAX_BODY_BYTES, PayloadTooLargeError, readBodyLimited } from './body.js';
import { type Cursors, fieldError, fieldProblem, fingerprint, json, problem } from './http.js';
import {
  type Context,
  INVALID_JSON,
  type PasswordHasher,
  ROUTES,
  type Route,
  type Services,
  charge,
} from './routes.js';
import { createSignIn } from './sign-in.js';
import type { AccountState, AccountTx, Storage } from './storage.js';
import { type Verification, verifyLink } from './verification.js';

/** Who a request acts for, as the host's authentication decides. */
export interface Principal {
  accountId: string;
  userId: string;
}

export interface CoreOptions {
  storage: Storage;
  /** The base URL's path, e.g. `/api/roster/v1`. */
  basePath: string;
  now?: () => Date;
  cursors: Cursors;
  passwords: PasswordHasher;
  authenticate(request: Request): Promise<Principal | null>;
  /** The origin mailed links start with, e.g. `https://app.example.com`. */
  publicOrigin?: string;
}

export const IDEMPOTENCY_KEY_MAX = 255;
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
}

const compile = (path: string) => new RegExp(`^${path.replace(/:(\w+)/g, '(?<$1>[^/]+)')}/?$`);
const compiled: CompiledRoute[] = ROUTES.map((route) => ({ route, pattern: compile(route.path) }));
const VERIFY = compile('/verify/:token');

export class RosterProblem extends Error {
  constructor(
    readonly response: Response,
    readonly code: string,
  ) {
    super(code);
    this.name = 'RosterProblem';
  }
}

export interface RecordEventInput {
  accountId: string;
  userId: string;
  type: RosterEvent['type'];
  cost: number;
  description: string;
  toolId?: string | null;
  taskId?: string | null;
  taskName?: string | null;
  idempotencyKey: string;
}

export function createCore(options: CoreOptions) {
  const { storage, basePath } = options;
  const now = options.now ?? (() => new Date());
  const { publicOrigin } = options;
  const services: Services = { basePath, now, cursors: options.cursors, passwords: options.passwords, publicOrigin };

  const verification = (tx: AccountTx, account: AccountState): Verification => ({
    tx,
    account,
    basePath,
    publicOrigin,
    now,
    owner: () => tx.owner(),
  });

  async function activeViewer(tx: AccountTx, principal: Principal): Promise<User | null> {
    const user = await tx.user(principal.userId);
    return user?.status === 'active' ? user : null;
  }

  async function readJson(request: Request): Promise<{ text: string; body: unknown }> {
    const text = await readBodyLimited(request, MAX_BODY_BYTES);
    if (text === '') return { text, body: undefined };
    try {
      return { text, body: JSON.parse(text) };
    } catch {
      return { text, body: INVALID_JSON };
    }
  }

  async function runIdempotent(
    tx: AccountTx,
    recordKey: string,
    print: string,
    work: () => Promise<Response>,
  ): Promise<Response> {
    const record = await tx.idempotency(recordKey);
    if (record && Date.parse(record.createdAt) > now().getTime() - IDEMPOTENCY_TTL_MS) {
      if (record.fingerprint !== print)
        return problem('idempotency_key_reused', { detail: 'Use a new Idempotency-Key for a different request.' });
      return new Response(record.body || null, {
        status: record.status,
        headers: [...record.headers, ['idempotent-replayed', 'true']],
      });
    }
    const response = await work();
    // v1.1: the first answer is kept for the key, refusals included, so a key never means two things.
    const copy = response.clone();
    await tx.putIdempotency(recordKey, {
      fingerprint: print,
      status: copy.status,
      headers: [...copy.headers],
      body: await copy.text(),
      createdAt: now().toISOString(),
    });
    return response;
  }

  async function dispatch(request: Request, url: URL, route: Route, params: Record<string, string>): Promise<Response> {
    const principal = await options.authenticate(request);
    const unauthorized = () => problem('unauthorized', { headers: { 'www-authenticate': 'Bearer' } });
    if (!principal) return unauthorized();
    // Authentication comes before the body is read: a stranger cannot make the server read 1 MiB.
    if (!(await storage.read(principal.accountId, (tx) => activeViewer(tx, principal)))) return unauthorized();

    const key = route.idempotent ? request.headers.get('idempotency-key')?.trim() || undefined : undefined;
    if (key !== undefined && key.length > IDEMPOTENCY_KEY_MAX) {
      return fieldProblem([
        fieldError('Idempotency-Key', 'too_long', `Use at most ${IDEMPOTENCY_KEY_MAX} characters.`),
      ]);
    }
    const { text, body } =
      route.method === 'GET' || route.method === 'DELETE' ? { text: '', body: undefined } : await readJson(request);

    const run = async (tx: AccountTx): Promise<Response> => {
      const viewer = await activeViewer(tx, principal);
      if (!viewer) return unauthorized();
      const context: Context = { services, tx, account: await tx.account(), request, url, params, viewer, body };
      if (!key) return route.handler(context);
      const recordKey = JSON.stringify([viewer.id, route.method, route.path, key]);
      return runIdempotent(tx, recordKey, await fingerprint(text), () => route.handler(context));
    };
    return route.method === 'GET' ? storage.read(principal.accountId, run) : storage.write(principal.accountId, run);
  }

  async function verify(request: Request, token: string): Promise<Response> {
    const body = request.method === 'POST' ? await readBodyLimited(request, MAX_BODY_BYTES) : '';
    const accountId = await storage.accountOfVerificationToken(token);
    const link = (tx: AccountTx) =>
      tx
        .account()
        .then((account) =>
          verifyLink(verification(tx, account), request, token, body, (password) => options.passwords.hash(password)),
        );
    if (!accountId) return verifyLink(noAccount(now), request, token, body, options.passwords.hash);
    return request.method === 'POST' ? storage.write(accountId, link) : storage.read(accountId, link);
  }

  /** The contract's answer to one request. */
  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : null;
    if (path === null) return problem('not_found');
    try {
      const verifyMatch = VERIFY.exec(path);
      if (verifyMatch) {
        if (request.method !== 'GET' && request.method !== 'POST')
          return problem('method_not_allowed', { headers: { allow: 'GET, POST' } });
        return await verify(request, decodeURIComponent(verifyMatch.groups!.token!));
      }
      const matches = compiled.filter((entry) => entry.pattern.test(path));
      if (!matches.length) return problem('not_found');
      const entry = matches.find((candidate) => candidate.route.method === request.method);
      if (!entry)
        return problem('method_not_allowed', {
          headers: { allow: matches.map((candidate) => candidate.route.method).join(', ') },
        });
      const params = Object.fromEntries(
        Object.entries(entry.pattern.exec(path)!.groups ?? {}).map(([name, value]) => [
          name,
          decodeURIComponent(value),
        ]),
      );
      return await dispatch(request, url, entry.route, params);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) return problem('payload_too_large');
      if (error instanceof URIError) return problem('not_found');
      if (error instanceof RosterProblem) return error.response;
      throw error;
    }
  }

  /**
   * Charges a profile's work in the host product (v1.1 `events.record`): atomic against the
   * profile's limit and the account's balance, idempotent by key. Active profiles only.
   */
  async function recordEvent(input: RecordEventInput): Promise<RosterEvent> {
    const answer = await storage.write(input.accountId, async (tx) => {
      const recordKey = JSON.stringify(['events.record', input.idempotencyKey]);
      const { accountId: _, idempotencyKey: __, ...fields } = input;
      return runIdempotent(tx, recordKey, await fingerprint(JSON.stringify(fields)), async () => {
        const user = await tx.user(input.userId);
        if (!user || user.status !== 'active')
          return problem('not_found', { detail: 'No active profile with this id.' });
        if (!Number.isSafeInteger(input.cost) || input.cost < 0) {
          return fieldProblem([fieldError('cost', 'invalid_value', 'Use a whole number of credits, 0 or more.')]);
        }
        const event = await charge(tx, await tx.account(), user, {
          at: now().toISOString(),
          type: input.type,
          description: input.description,
          cost: input.cost,
          toolId: input.toolId ?? null,
          taskId: input.taskId ?? null,
          // The name as it is now, unless the caller knows it better: clients describe the event with it.
          taskName: input.taskName ?? (input.taskId ? (await tx.task(input.taskId))?.name : null) ?? null,
        });
        return event instanceof Response ? event : json(event, 201);
      });
    });
    const body = (await answer.clone().json()) as RosterEvent & { code?: string };
    if (!answer.ok) throw new RosterProblem(answer, body.code ?? 'server_error');
    return body;
  }

  return { handle, recordEvent, signIn: createSignIn({ storage, passwords: options.passwords, now }), services };
}

export type Core = ReturnType<typeof createCore>;

/** A link of no account: every question about it answers "unknown". */
function noAccount(now: () => Date): Verification {
  const none = async () => null;
  const tx = { verificationToken: none, user: none } as unknown as AccountTx;
  return { tx, account: { locale: 'en', name: '' } as AccountState, basePath: '', now, owner: none as never };
}
