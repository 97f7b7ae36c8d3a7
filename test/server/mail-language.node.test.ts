/**
 * Mails and the verification page in the account's language (Contract v1.1 `Account.locale`), unless
 * the request names a language Roster has in `Accept-Language`: on the server and in the reference API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LANGUAGES, TEXTS } from '../../src/core/texts.js';
import { createReferenceApi } from '../../src/mock/index.js';
import { type RosterServer, createRosterServer } from '../../src/server/index.js';
import { freshDatabase } from './database-helpers.js';

const SECRET = 'a-test-secret-of-at-least-32-bytes-long!';
const ORIGIN = 'http://roster.test';
const BASE = `${ORIGIN}/api/roster/v1`;
const TOOLS = [{ id: 'rank-tracker', name: 'Rank Tracker', taskCost: 10 }];

/** The page's `<html>` attributes and its heading. */
function page(html: string) {
  return {
    lang: /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1],
    dir: /<html[^>]*\sdir="([^"]+)"/.exec(html)?.[1] ?? 'ltr',
    heading: /<h1>([^<]*)<\/h1>/.exec(html)?.[1],
  };
}

for (const target of freshDatabase.targets()) {
  describe(`mail and verification page languages, server on ${target.name}`, () => {
    let server: RosterServer;
    let cleanup: () => Promise<void>;
    before(async () => {
      const database = await freshDatabase(target);
      cleanup = database.drop;
      server = await createRosterServer({
        database: database.options,
        auth: { secret: SECRET },
        publicUrl: ORIGIN,
        logger: false,
        rateLimit: false,
      });
    });
    after(async () => {
      await server?.close();
      await cleanup?.();
    });

    let count = 0;
    async function team(locale?: string) {
      count += 1;
      const domain = `lang${count}-${Date.now().toString(36)}.fr`;
      const { account, owner } = await server.accounts.create({
        name: 'Équipe Lumière',
        emailDomain: domain,
        seatLimit: 10,
        passwordMode: 'per-user',
        credits: 100,
        tools: TOOLS,
        ...(locale && { locale }),
        owner: {
          firstName: 'Odile',
          lastName: 'Owner',
          email: `odile@${domain}`,
          password: 'owner password of the team',
        },
      });
      const token = await server.tokens.issue({ accountId: account.id, userId: owner.id });
      const invite = async (local: string, headers: Record<string, string> = {}, welcome = false) => {
        const response = await server.fetch(
          new Request(`${BASE}/users`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
            body: JSON.stringify({
              firstName: 'Noé',
              lastName: 'Martin',
              email: `${local}@${domain}`,
              role: 'manager',
              sendWelcomeEmail: welcome,
            }),
          }),
        );
        assert.equal(response.status, 201, await response.clone().text());
        const user = (await response.json()) as { id: string; email: string };
        const mails = await server.outbox({ accountId: account.id });
        return { user, mail: mails.filter((mail) => mail.to === user.email).at(-1)! };
      };
      const resend = async (userId: string, email: string, headers: Record<string, string> = {}) => {
        const response = await server.fetch(
          new Request(`${BASE}/users/${userId}/verification`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, ...headers },
          }),
        );
        assert.equal(response.status, 202);
        return (await server.outbox({ accountId: account.id })).filter((mail) => mail.to === email).at(-1)!;
      };
      const open = async (link: string, acceptLanguage?: string) => {
        const response = await server.fetch(
          new Request(`${ORIGIN}${link}`, {
            headers: { accept: 'text/html', ...(acceptLanguage && { 'accept-language': acceptLanguage }) },
          }),
        );
        assert.equal(response.headers.get('content-language'), page(await response.clone().text()).lang);
        return page(await response.text());
      };
      return { account, invite, resend, open };
    }

    it('writes the mails of an account whose locale is fr in French', async () => {
      const { account, invite } = await team('fr');
      assert.equal(account.locale, 'fr');
      const { mail } = await invite('noe.martin');
      assert.equal(mail.subject, 'Confirmez votre adresse e-mail pour Équipe Lumière');
      assert.match(
        mail.text,
        /^Bonjour Noé,\nConfirmez votre adresse e-mail pour vous connecter : http:\/\/roster\.test\/api\/roster\/v1\/verify\/\S+\nLe lien est valable 7 jours\.$/,
      );
      const welcome = (await invite('nina.martin', {}, true)).mail;
      assert.equal(welcome.subject, 'Bienvenue chez Équipe Lumière : confirmez votre adresse e-mail');
      assert.match(welcome.text, /^Bonjour Noé, Odile vous a ajouté à Équipe Lumière\./);
    });

    it('writes a mail in the language the creating or resending request asks for, if Roster has it', async () => {
      const { invite, resend } = await team('fr');
      const { user, mail } = await invite('jun.sato', { 'accept-language': 'ja-JP, en;q=0.5' });
      assert.equal(mail.subject, 'Équipe Lumière のメールアドレスの確認');
      assert.equal(
        (await resend(user.id, user.email, { 'accept-language': 'de-AT' })).subject,
        'Bestätigen Sie Ihre E-Mail-Adresse für Équipe Lumière',
      );
      assert.equal(
        (await resend(user.id, user.email, { 'accept-language': 'tlh, x-klingon;q=0.9, *;q=0.1' })).subject,
        'Confirmez votre adresse e-mail pour Équipe Lumière',
        "a language Roster lacks: the account's",
      );
    });

    it("shows the page in the Accept-Language Roster has, else in the account's locale", async () => {
      const { invite, open } = await team('fr');
      const { mail } = await invite('pia.page');
      assert.deepEqual(await open(mail.link!, 'ja'), { lang: 'ja', dir: 'ltr', heading: TEXTS.ja.page.title });
      assert.deepEqual(await open(mail.link!, 'pt-PT, pt;q=0.9'), {
        lang: 'pt-BR',
        dir: 'ltr',
        heading: 'Confirme seu endereço de e-mail',
      });
      assert.deepEqual(await open(mail.link!, 'tlh, xx-YY;q=0.8'), {
        lang: 'fr',
        dir: 'ltr',
        heading: 'Confirmez votre adresse e-mail',
      });
      assert.deepEqual(await open(mail.link!), { lang: 'fr', dir: 'ltr', heading: 'Confirmez votre adresse e-mail' });
    });

    it("shows an Arabic account's page right to left, with its lang", async () => {
      const { invite, open } = await team('ar-EG');
      const { mail } = await invite('rami.haddad');
      assert.equal(mail.subject, 'أكِّد عنوان بريدك الإلكتروني لدى Équipe Lumière');
      assert.deepEqual(await open(mail.link!), { lang: 'ar', dir: 'rtl', heading: 'أكِّد عنوان بريدك الإلكتروني' });
      assert.deepEqual(await open(mail.link!, 'en-GB'), {
        lang: 'en',
        dir: 'ltr',
        heading: 'Confirm your email address',
      });
    });

    it('takes the locale on accounts.update, and refuses a tag that is none', async () => {
      const { account, invite } = await team();
      assert.equal(account.locale, 'en');
      assert.equal((await server.accounts.update(account.id, { locale: 'nl' })).locale, 'nl');
      assert.equal((await invite('daan.devries')).mail.subject, 'Bevestig je e-mailadres voor Équipe Lumière');
      await assert.rejects(server.accounts.update(account.id, { locale: 'not a locale!' }), TypeError);
      await assert.rejects(team('??'), /locale/);
    });
  });
}

describe('mail and verification page languages, reference API', () => {
  it('writes the mails of an account whose locale is fr in French, and shows its page in every language Roster has', async () => {
    const api = createReferenceApi({ account: { locale: 'fr', passwordMode: 'per-user' } });
    const response = await api.fetch('http://localhost/api/roster/v1/users', {
      method: 'POST',
      headers: { authorization: `Bearer ${api.tokenFor('olivia.owner@acme.de')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'Noé', lastName: 'Martin', email: 'noe.martin@acme.de', role: 'manager' }),
    });
    assert.equal(response.status, 201);
    const mail = api.outbox().at(-1)!;
    assert.equal(mail.subject, 'Confirmez votre adresse e-mail pour Acme GmbH');
    const titles = new Set<string>();
    for (const language of LANGUAGES) {
      const shown = page(
        await (
          await api.fetch(`http://localhost${mail.link}`, {
            headers: { accept: 'text/html', 'accept-language': language },
          })
        ).text(),
      );
      assert.deepEqual(shown, {
        lang: language,
        dir: language === 'ar' ? 'rtl' : 'ltr',
        heading: TEXTS[language].page.title,
      });
      titles.add(shown.heading!);
    }
    assert.equal(titles.size, LANGUAGES.length, 'every language its own words');
  });
});
