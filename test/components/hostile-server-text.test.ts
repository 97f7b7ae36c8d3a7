// Text from the server (a problem's title and detail, field messages) reaches the page as text:
// a backend that echoes user input into its error messages must not become an injection path.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/access-grants/roster-access-grants.js';
import '../../src/components/user-editor/roster-user-editor.js';
import '../../src/components/user-list/roster-user-list.js';
import '../../src/components/user-stats/roster-user-stats.js';
import { en } from '../../src/components/localize/english.js';
import type { RosterUserEditor } from '../../src/components/user-editor/user-editor.js';
import { guardPage, until, type PageGuard } from '../security/guards.js';
import { clientFor, setupApi, type RecordedRequest } from './helpers.js';

const OWNER = 'olivia.owner@acme.de';
const SAM = 'sam.specialist@acme.de';
const TITLE = '<img src=x onerror="window.__rosterPwned=true">Refused';
const DETAIL = '<script>window.__rosterPwned=true</script>';
const FIELD_MESSAGE = '<svg onload="window.__rosterPwned=true"><b>bold</b>';

/** A problem+json answer whose every text is markup, with a code the elements do not know (so they show the title). */
function hostileProblem(status: number, errors?: { field: string; code: string; message: string }[]) {
  return async () =>
    new Response(
      JSON.stringify({ type: 'about:blank', title: TITLE, status, code: 'backend_specific', detail: DETAIL, errors }),
      {
        status,
        headers: { 'content-type': 'application/problem+json' },
      },
    );
}

function setup() {
  const testApi = setupApi({
    users: [
      {
        firstName: 'Sam',
        lastName: 'Specialist',
        email: SAM,
        role: 'specialist',
        access: { tools: ['rank-tracker'], tasks: [] },
      },
    ],
  });
  return { ...testApi, owner: clientFor(testApi.api, OWNER) };
}

const samId = async (testApi: ReturnType<typeof setup>) => (await testApi.owner.users.list({ q: SAM })).items[0]!.id;
const shadowText = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.trim();

let guard: PageGuard;
beforeEach(() => (guard = guardPage()));
afterEach(() => guard.dispose());

describe('server text rendered as text', () => {
  it('should show a failed list load with the title as text', async () => {
    const testApi = setup();
    testApi.intercept((r) => r.method === 'GET' && r.path === '/users', hostileProblem(409));
    const el = await fixture(
      html`<roster-user-list .client=${testApi.owner} locale="en" style="height: 400px"></roster-user-list>`,
    );
    const message = await until(() => shadowText(el, '[part~="alert"] .state-text'), 'error shown');
    expect(message).to.equal(TITLE);
    await guard.assertClean(el);
  });

  it('should show a failed profile load, a refused save and unknown field codes as text', async () => {
    const testApi = setup();
    const id = await samId(testApi);
    const isProfile = (r: RecordedRequest) => r.path === `/users/${id}`;
    const stopLoad = testApi.intercept((r) => r.method === 'GET' && isProfile(r), hostileProblem(404));
    const el = await fixture<RosterUserEditor>(
      html`<roster-user-editor .client=${testApi.owner} user-id=${id} locale="en"></roster-user-editor>`,
    );
    expect(await until(() => shadowText(el, '[part~="alert"] .state-text'), 'load error')).to.equal(TITLE);
    stopLoad();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="alert"] > [part~="button"]')!.click();
    const first = await until(() => el.shadowRoot!.querySelector<HTMLInputElement>('#f-firstName'), 'form');

    const edit = async (value: string) => {
      first.value = value;
      first.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    };
    const stopSave = testApi.intercept((r) => r.method === 'PATCH' && isProfile(r), hostileProblem(409));
    await edit('Samuel');
    expect(await until(() => shadowText(el, '[part~="alert"][tabindex="-1"]'), 'form alert')).to.equal(TITLE);
    stopSave();

    // A field code this version does not know: the field says "invalid value", never the server's markup.
    testApi.intercept(
      (r) => r.method === 'PATCH' && isProfile(r),
      hostileProblem(422, [{ field: 'firstName', code: 'backend_specific', message: FIELD_MESSAGE }]),
    );
    await edit('Samu');
    const fieldError = await until(() => el.shadowRoot!.querySelector('#f-firstName-error'), 'field error');
    expect(fieldError.textContent!.trim()).to.equal(en.errors.invalid_value);
    await guard.assertClean(el);
  });

  it('should show a field message of a refused grants save as text', async () => {
    const testApi = setup();
    const id = await samId(testApi);
    testApi.intercept(
      (r) => r.method === 'PATCH',
      hostileProblem(422, [{ field: 'access.tasks', code: 'backend_specific', message: FIELD_MESSAGE }]),
    );
    const el = await fixture(
      html`<roster-access-grants .client=${testApi.owner} user-id=${id} locale="en"></roster-access-grants>`,
    );
    const siteAudit = await until(
      () => el.shadowRoot!.querySelector<HTMLInputElement>('[data-tool-id="site-audit"]'),
      'tools',
    );
    siteAudit.click();
    await until(
      () => !el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="actions"] [part~="button-primary"]')!.disabled,
      'dirty',
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="actions"] [part~="button-primary"]')!.click();
    expect(await until(() => shadowText(el, '[part~="field-error"]'), 'field message')).to.equal(FIELD_MESSAGE);
    await guard.assertClean(el);
  });

  it('should show failed statistics with the title as text', async () => {
    const testApi = setup();
    const id = await samId(testApi);
    testApi.intercept((r) => r.method === 'GET' && r.path === `/users/${id}/stats`, hostileProblem(409));
    const el = await fixture(
      html`<roster-user-stats .client=${testApi.owner} user-id=${id} locale="en"></roster-user-stats>`,
    );
    expect(await until(() => shadowText(el, '[part~="alert"] .state-text'), 'stats error')).to.equal(TITLE);
    await guard.assertClean(el);
  });
});
