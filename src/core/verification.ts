/**
 * Verification links (v1.1): mailed on creation and on resend; single-use, valid 7 days, and a
 * resend replaces the earlier ones. A GET only shows a page (mail scanners open links); a POST
 * verifies, taking the person's own password when none was set at creation.
 */
import type { User } from '../sdk/schemas.js';
import { recordAudit } from './audit.js';
import { fieldError, fieldProblem, json, problem, randomToken } from './http.js';
import { serverPasswordProblem } from './passwords.js';
import type { AccountState, AccountTx, OutboxMail, VerificationToken } from './storage.js';
import { type Language, languageFor, TEXTS } from './texts.js';
import { type PageText, renderPage } from './verification-page.js';

export const LINK_LIFETIME_MS = 7 * 86_400_000;

export interface Verification {
  tx: AccountTx;
  account: AccountState;
  basePath: string;
  /** The origin mailed links start with (the server's `publicUrl`); none: the path alone. */
  publicOrigin?: string;
  now: () => Date;
  owner: () => Promise<User>;
  /** The `Accept-Language` of the request that sends a mail (a create, a resend): a language Roster has wins over the account's. */
  acceptLanguage?: string | null;
}

/** A new link's token record and its mail: what a send writes, composed in one place. */
export function verificationRecords(input: {
  account: AccountState;
  owner: User;
  user: User;
  basePath: string;
  publicOrigin?: string;
  at: Date;
  welcome: boolean;
  mailId: string;
  /** The mail's language: the account's unless given. */
  language?: Language;
}): { token: VerificationToken; mail: OutboxMail } {
  const { account, owner, user, at, welcome } = input;
  const m = TEXTS[input.language ?? languageFor(null, account.locale)].mail;
  const token = randomToken(24);
  const link = `${input.basePath}/verify/${token}`;
  const url = `${input.publicOrigin ?? ''}${link}`;
  return {
    token: {
      token,
      userId: user.id,
      createdAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + LINK_LIFETIME_MS).toISOString(),
      usedAt: null,
      replacedAt: null,
    },
    mail: {
      id: input.mailId,
      to: user.email,
      subject: welcome ? m.welcomeSubject(account.name) : m.verificationSubject(account.name),
      link,
      text: `${welcome ? m.welcome(user.firstName, owner.firstName, account.name) : m.greeting(user.firstName)}\n${m.confirm(url)}\n${m.validity}`,
      kind: welcome ? 'welcome' : 'verification',
      userId: user.id,
      createdAt: at.toISOString(),
      sentAt: null,
    },
  };
}

/** Sends a new link, replacing the earlier ones; with `welcome`, as the welcome mail that carries it. */
export async function sendVerification(v: Verification, user: User, welcome: boolean): Promise<void> {
  const { tx } = v;
  const at = v.now();
  const { token, mail } = verificationRecords({
    account: v.account,
    owner: await v.owner(),
    user,
    basePath: v.basePath,
    publicOrigin: v.publicOrigin,
    at,
    welcome,
    mailId: await tx.newId('mail'),
    language: languageFor(v.acceptLanguage, v.account.locale),
  });
  await tx.replaceVerificationTokens(user.id, at.toISOString());
  await tx.insertVerificationToken(token);
  await tx.enqueueMail(mail);
}

type LinkState =
  | { kind: 'valid'; token: VerificationToken; user: User; needsPassword: boolean }
  | { kind: 'unknown' | 'used' | 'expired' | 'replaced' };

async function linkState(v: Verification, value: string): Promise<LinkState> {
  const token = await v.tx.verificationToken(value);
  const user = token ? await v.tx.user(token.userId) : null;
  if (!token || !user) return { kind: 'unknown' };
  if (token.usedAt) return { kind: 'used' };
  if (token.replacedAt) return { kind: 'replaced' };
  if (Date.parse(token.expiresAt) <= v.now().getTime()) return { kind: 'expired' };
  if (user.status !== 'pending') return { kind: 'used' };
  const needsPassword =
    v.account.passwordMode === 'per-user' && (await v.tx.userSecrets(user.id)).passwordHash === null;
  return { kind: 'valid', token, user, needsPassword };
}

/** A browser (and a mail client) asks for HTML; scripts and the SDK get JSON. */
const wantsJson = (request: Request) =>
  !/text\/html/.test(request.headers.get('accept') ?? '') || /json/.test(request.headers.get('content-type') ?? '');

async function readForm(request: Request, text: string): Promise<Record<string, unknown> | null> {
  const type = request.headers.get('content-type') ?? '';
  if (text === '') return {};
  if (/application\/x-www-form-urlencoded/.test(type)) return Object.fromEntries(new URLSearchParams(text));
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const STATUS_OF = { unknown: 404, used: 410, expired: 410, replaced: 410 } as const;

/**
 * GET and POST of `/verify/{token}`. `hashPassword` turns a chosen password into its stored form;
 * `body` is the request's text (read by the caller under the size limit).
 */
export async function verifyLink(
  v: Verification,
  request: Request,
  token: string,
  body: string,
  hashPassword: (password: string) => Promise<string>,
): Promise<Response> {
  const state = await linkState(v, token);
  const language = languageFor(request.headers.get('accept-language'), v.account.locale);
  const page = (text: PageText, status: number) => renderPage({ language, account: v.account.name, status, ...text });
  const asJson = wantsJson(request);

  if (state.kind !== 'valid') {
    if (asJson) {
      if (state.kind === 'unknown') return problem('not_found', { detail: 'This verification link is not valid.' });
      return problem(state.kind === 'used' ? 'link_used' : 'link_expired', {
        detail: state.kind === 'replaced' ? 'A newer link was sent; use the latest mail.' : undefined,
      });
    }
    return page({ state: state.kind }, STATUS_OF[state.kind]);
  }
  if (request.method === 'GET') {
    if (asJson) return json({ verified: false, email: state.user.email, needsPassword: state.needsPassword });
    return page(
      {
        state: 'confirm',
        email: state.user.email,
        needsPassword: state.needsPassword,
        action: new URL(request.url).pathname,
      },
      200,
    );
  }

  const form = await readForm(request, body);
  if (!form) return problem('validation_failed', { detail: 'The request body is not valid JSON or form data.' });
  let passwordHash: string | null = null;
  if (state.needsPassword) {
    const password = form.password;
    const code =
      typeof password !== 'string' || password === '' ? 'required' : serverPasswordProblem(password, state.user.email);
    if (code) {
      // The link stays valid: the person corrects the password and sends again.
      if (asJson) return fieldProblem([fieldError('password', code)]);
      return page(
        {
          state: 'confirm',
          email: state.user.email,
          needsPassword: true,
          action: new URL(request.url).pathname,
          passwordError: code,
        },
        422,
      );
    }
    passwordHash = await hashPassword(password as string);
  }
  const at = v.now().toISOString();
  const verified: User = {
    ...state.user,
    status: 'active',
    verifiedAt: at,
    updatedAt: at,
    version: state.user.version + 1,
  };
  await v.tx.updateUser(verified);
  if (passwordHash) await v.tx.setUserSecrets(verified.id, { passwordHash });
  await v.tx.useVerificationToken(token, at);
  await recordAudit(v.tx, {
    at,
    actor: verified,
    action: 'user.verified',
    target: verified,
    changes: [
      { field: 'status', from: 'pending', to: 'active' },
      ...(passwordHash ? [{ field: 'password', from: null, to: null }] : []),
    ],
  });
  if (asJson) return json({ verified: true, userId: verified.id, email: verified.email, status: verified.status });
  return page({ state: 'done', email: verified.email }, 200);
}
