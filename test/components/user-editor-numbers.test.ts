import { expect } from '@open-wc/testing';
import { de } from '../../src/components/localize/de.js';
import { en } from '../../src/components/localize/english.js';
import type { RosterUserEditor } from '../../src/components/user-editor/user-editor.js';
import type { RosterClient } from '../../src/sdk/index.js';
import { BASE_URL, type TestApi, axeCheck, clientFor, setupApi, waitFor } from './helpers.js';
import { ACCOUNT, OWNER, errorOf, fill, input, renderEditor, submit } from './user-editor-helpers.js';

const SPECIALIST = 'sam.specialist@acme.de';

/** The specialist (stored limit `creditLimit`) open in an editor in `locale`; the account's balance is `credits`. */
async function editSpecialist({ locale = 'en', creditLimit = 500, credits = ACCOUNT.credits } = {}) {
  const testApi = setupApi({
    account: { ...ACCOUNT, credits },
    users: [{ firstName: 'Sam', lastName: 'Specialist', email: SPECIALIST, role: 'specialist', creditLimit }],
  });
  const client = clientFor(testApi.api, OWNER);
  const id = (await client.users.list({ q: SPECIALIST })).items[0]!.id;
  const el = await renderEditor(client, { userId: id, locale });
  return { testApi, client, id, el };
}

/** The bodies of the PATCH requests sent. */
function recordPatches(testApi: TestApi) {
  const patches: Record<string, unknown>[] = [];
  testApi.intercept(
    (r) => r.method === 'PATCH',
    async (request) => {
      patches.push(await request.clone().json());
      return testApi.api.fetch(request);
    },
  );
  return patches;
}

async function saveLimit(el: RosterUserEditor, client: RosterClient, id: string, typed: string) {
  await fill(el, 'creditLimit', typed);
  expect(errorOf(el, 'creditLimit'), `"${typed}" accepted`).to.equal(undefined);
  await submit(el);
  await waitFor(() => !el.saving && !el.hasUnsavedChanges, 'saved');
  return (await client.users.get(id)).creditLimit;
}

describe("<roster-user-editor> numbers in the viewer's language", () => {
  it('should show a stored credit limit as English and German write it', async () => {
    const english = await editSpecialist({ creditLimit: 25000, credits: 1_000_000 });
    expect(input(english.el, 'creditLimit').value).to.equal('25,000');
    const german = await editSpecialist({ creditLimit: 25000, credits: 1_000_000, locale: 'de' });
    expect(input(german.el, 'creditLimit').value).to.equal('25.000');
    // Shown as stored, nothing changed: no unsaved changes.
    expect(german.el.hasUnsavedChanges).to.equal(false);
  });

  it('should write a typed credit limit again in the new language when the language changes, keeping its value', async () => {
    const { el, client, id, testApi } = await editSpecialist({ credits: 1_000_000 });
    const patches = recordPatches(testApi);
    await fill(el, 'creditLimit', '12,000');
    el.locale = 'de';
    await waitFor(() => input(el, 'creditLimit').value === '12.000', 'the limit in German');
    expect(errorOf(el, 'creditLimit')).to.equal(undefined);
    await submit(el);
    await waitFor(() => !el.saving && !el.hasUnsavedChanges, 'saved');
    expect(patches).to.deep.equal([{ creditLimit: 12000 }]);
    expect((await client.users.get(id)).creditLimit).to.equal(12000);
    // Not a number: left as typed, for its message.
    await fill(el, 'creditLimit', '12 thousand');
    el.locale = 'en';
    await waitFor(() => el.language === 'en', 'English');
    await el.updateComplete;
    expect(input(el, 'creditLimit').value).to.equal('12 thousand');
  });

  it('should take "1,000" in English and "1.000" in German as a thousand credits', async () => {
    const english = await editSpecialist();
    const patches = recordPatches(english.testApi);
    expect(await saveLimit(english.el, english.client, english.id, '1,000')).to.equal(1000);
    expect(patches).to.deep.equal([{ creditLimit: 1000 }]);
    expect(input(english.el, 'creditLimit').value).to.equal('1,000');

    const german = await editSpecialist({ locale: 'de' });
    expect(await saveLimit(german.el, german.client, german.id, '1.000')).to.equal(1000);
    expect(await saveLimit(german.el, german.client, german.id, '2000')).to.equal(2000);
  });

  it("should refuse what is not a whole number in the viewer's language, next to the field", async () => {
    const { el, testApi } = await editSpecialist();
    const patches = recordPatches(testApi);
    for (const typed of ['12abc', '12.5', '1,0000', '-5', '1 000 000x']) {
      await fill(el, 'creditLimit', typed);
      expect(errorOf(el, 'creditLimit'), typed).to.equal(en.errors.invalid_credit_limit);
    }
    await submit(el);
    expect(patches).to.have.length(0);
    expect(input(el, 'creditLimit').getAttribute('aria-invalid')).to.equal('true');

    const german = await editSpecialist({ locale: 'de' });
    for (const typed of ['1,000', '12.5', '1.00.000']) {
      await fill(german.el, 'creditLimit', typed);
      expect(errorOf(german.el, 'creditLimit'), typed).to.equal(de.errors.invalid_credit_limit);
    }
  });

  it("should cap the limit at 100 times the balance, saying so in the viewer's language", async () => {
    // A balance of 1,000 credits: at most 100,000.
    const { el, client, id } = await editSpecialist();
    await fill(el, 'creditLimit', '100,001');
    expect(errorOf(el, 'creditLimit')).to.equal(en.editor.creditLimitAboveBalance(en.common.credits(100_000)));
    await submit(el);
    expect((await client.users.get(id)).creditLimit, 'nothing saved').to.equal(500);
    expect(await saveLimit(el, client, id, '100,000')).to.equal(100_000);
    await axeCheck(el);

    const german = await editSpecialist({ locale: 'de' });
    await fill(german.el, 'creditLimit', '100.001');
    expect(errorOf(german.el, 'creditLimit')).to.equal(de.editor.creditLimitAboveBalance(de.common.credits(100_000)));
    expect(errorOf(german.el, 'creditLimit')).to.include('100.000');
  });

  it('should refuse 2,147,483,648 credits: the contract allows at most 1,000,000,000', async () => {
    const { el, client, id, testApi } = await editSpecialist({ credits: 100_000_000 });
    const patches = recordPatches(testApi);
    await fill(el, 'creditLimit', '2,147,483,648');
    expect(errorOf(el, 'creditLimit')).to.equal(en.errors.credit_limit_too_high);
    await submit(el);
    expect(patches).to.have.length(0);
    expect(await saveLimit(el, client, id, '1,000,000,000')).to.equal(1_000_000_000);

    const german = await editSpecialist({ credits: 100_000_000, locale: 'de' });
    await fill(german.el, 'creditLimit', '2.147.483.648');
    expect(errorOf(german.el, 'creditLimit')).to.equal(de.errors.credit_limit_too_high);

    // The server holds the same limit for a client that skips the form.
    const response = await testApi.api.fetch(
      new Request(new URL(`${BASE_URL}/users/${id}`, location.href), {
        method: 'PATCH',
        body: JSON.stringify({ creditLimit: 2_147_483_648 }),
        headers: { authorization: `Bearer ${testApi.api.tokenFor(OWNER)}`, 'content-type': 'application/json' },
      }),
    );
    expect(response.status).to.equal(422);
    expect((await response.json()).errors).to.deep.include({
      field: 'creditLimit',
      code: 'credit_limit_too_high',
      message: en.errors.credit_limit_too_high,
    });
  });

  it("should leave a stored limit above today's cap alone when other fields are saved", async () => {
    // Set when the balance was higher: the balance now allows at most 100,000.
    const { el, client, id } = await editSpecialist({ creditLimit: 250_000 });
    expect(input(el, 'creditLimit').value).to.equal('250,000');
    await fill(el, 'firstName', 'Samuel');
    expect(errorOf(el, 'creditLimit')).to.equal(undefined);
    await submit(el);
    await waitFor(() => el.user?.firstName === 'Samuel', 'saved');
    expect((await client.users.get(id)).creditLimit).to.equal(250_000);
  });
});
