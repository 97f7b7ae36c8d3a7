import { expect, oneEvent } from '@open-wc/testing';
import { de } from '../../src/components/localize/de.js';
import { en } from '../../src/components/localize/english.js';
import type { RosterUserEditor } from '../../src/components/user-editor/user-editor.js';
import type { User } from '../../src/sdk/index.js';
import { axeCheck, clientFor, waitFor, type TestApi } from './helpers.js';
import {
  $,
  OWNER,
  STRONG_PASSWORD,
  apiWith,
  choosePasswordNow,
  chooseRole,
  exists,
  fill,
  fillDetails,
  input,
  renderEditor,
  stepTitle,
  submit,
  text,
} from './user-editor-helpers.js';

/** The bodies of every `POST /users`, as sent. */
function watchCreates(testApi: TestApi): Record<string, unknown>[] {
  const bodies: Record<string, unknown>[] = [];
  testApi.intercept(
    (r) => r.method === 'POST' && r.path === '/users',
    async (request) => {
      bodies.push(await request.clone().json());
      return testApi.api.fetch(request);
    },
  );
  return bodies;
}

/** Details, a manager (no grants needed), then the review step. */
async function toReview(el: RosterUserEditor, password?: string) {
  await fillDetails(el, 'Nora', 'Neumann', 'nora.neumann@acme.de', password);
  await submit(el);
  await chooseRole(el, 'manager');
  await submit(el);
  expect(stepTitle(el)).to.equal(en.editor.steps.review);
}

async function create(el: RosterUserEditor): Promise<User> {
  const created = oneEvent(el, 'roster-user-created');
  await submit(el);
  const { user } = (await created).detail;
  await waitFor(() => $(el, '.created'), 'confirmation shown');
  return user;
}

describe('<roster-user-editor> create with per-user passwords', () => {
  it('should let the person choose their own password by default: no password field, none sent, the link says so', async () => {
    const testApi = await apiWith({ passwordMode: 'per-user' });
    const bodies = watchCreates(testApi);
    const el = await renderEditor(clientFor(testApi.api, OWNER));
    const invite = $<HTMLInputElement>(el, '[data-field="passwordNow"][value="false"]')!;
    expect(invite.checked, 'their own password is the default').to.equal(true);
    expect(text(el))
      .to.include(en.editor.passwordInvite)
      .and.include(en.editor.passwordInviteHint)
      .and.include(en.editor.passwordNow);
    expect(exists(el, '[data-field="password"]'), 'no password field').to.equal(false);
    await axeCheck(el);
    await toReview(el);
    expect(text(el))
      .to.include(en.editor.review.invitedPassword)
      .and.include(en.editor.review.verificationInvite('nora.neumann@acme.de'));
    await create(el);
    expect(bodies).to.have.length(1);
    expect(bodies[0]).to.not.have.property('password');
    expect(text(el)).to.include(en.editor.created.textInvite('nora.neumann@acme.de'));
    await axeCheck(el);
    // The link mailed asks the person for their password.
    const link = testApi.api.outbox().at(-1)!.link!;
    const page = await testApi.api.fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(page.status, 'verification without a password').to.equal(422);
  });

  it('should send the password set now, with the strength hint and show/hide, and never show it back', async () => {
    const testApi = await apiWith({ passwordMode: 'per-user' });
    const bodies = watchCreates(testApi);
    const el = await renderEditor(clientFor(testApi.api, OWNER));
    await choosePasswordNow(el, true);
    expect(input(el, 'password').type).to.equal('password');
    await fill(el, 'password', STRONG_PASSWORD);
    expect($(el, '.strength[part~="hint"]')!.textContent).to.include(en.editor.strength.strong);
    expect(text(el)).to.include(en.editor.passwordNowHint);
    const toggle = $<HTMLButtonElement>(el, '.password-row [part~="button-icon"]')!;
    toggle.click();
    await el.updateComplete;
    expect(input(el, 'password').type).to.equal('text');
    await axeCheck(el);
    await toReview(el);
    expect(text(el))
      .to.include(en.editor.review.ownPassword)
      .and.include(en.editor.review.verification('nora.neumann@acme.de'))
      .and.not.include(STRONG_PASSWORD);
    await create(el);
    expect(bodies.map((body) => body.password)).to.deep.equal([STRONG_PASSWORD]);
    expect(text(el)).to.include(en.editor.created.text('nora.neumann@acme.de')).and.not.include(STRONG_PASSWORD);
  });

  it('should require the password once "Set a password now" is chosen, and drop it when the choice goes back', async () => {
    const testApi = await apiWith({ passwordMode: 'per-user' });
    const bodies = watchCreates(testApi);
    const el = await renderEditor(clientFor(testApi.api, OWNER));
    await fillDetails(el, 'Nora', 'Neumann', 'nora.neumann@acme.de');
    await choosePasswordNow(el, true);
    await submit(el);
    expect(stepTitle(el), 'an empty password keeps the step').to.equal(en.editor.steps.details);
    expect($(el, '#f-password-error')!.textContent).to.include(en.errors.required);
    await fill(el, 'password', 'typed then abandoned words');
    await choosePasswordNow(el, false);
    expect(exists(el, '[data-field="password"]')).to.equal(false);
    await choosePasswordNow(el, true);
    expect(input(el, 'password').value, 'the abandoned password is not kept').to.equal('');
    await choosePasswordNow(el, false);
    await submit(el);
    await chooseRole(el, 'manager');
    await submit(el);
    await create(el);
    expect(bodies[0]).to.not.have.property('password');
  });

  it('should speak German', async () => {
    const testApi = await apiWith({ passwordMode: 'per-user' });
    const el = await renderEditor(clientFor(testApi.api, OWNER), { locale: 'de' });
    expect(text(el)).to.include(de.editor.passwordInvite).and.include(de.editor.passwordNow);
  });
});

describe('<roster-user-editor> create with a shared password', () => {
  it('should offer no password choice', async () => {
    const testApi = await apiWith({ passwordMode: 'shared' });
    const el = await renderEditor(clientFor(testApi.api, OWNER));
    expect(exists(el, '[data-field="passwordNow"]')).to.equal(false);
    expect(exists(el, '.password-shared')).to.equal(true);
  });
});
