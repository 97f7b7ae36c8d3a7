import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { en } from '../../src/components/localize/english.js';
import type { RosterUserEditor } from '../../src/components/user-editor/user-editor.js';
import type { RosterClient } from '../../src/sdk/index.js';
import { axeCheck, clientFor, problemResponse, setupApi, waitFor, type TestApi } from './helpers.js';
import {
  $,
  ACCOUNT,
  OWNER,
  STRONG_PASSWORD,
  alertText,
  exists,
  check,
  chooseRole,
  errorOf,
  fill,
  fillDetails,
  focused,
  input,
  limitCredits,
  renderEditor,
  root,
  submit,
  submitButton,
  text,
} from './user-editor-helpers.js';

const SPECIALIST = 'sam.specialist@acme.de';

function teamApi(): TestApi {
  return setupApi({
    account: ACCOUNT,
    users: [
      {
        firstName: 'Sam',
        lastName: 'Specialist',
        email: SPECIALIST,
        role: 'specialist',
        creditLimit: 500,
        access: { tools: ['rank-tracker'], tasks: [] },
      },
    ],
    tasks: [
      { toolId: 'rank-tracker', name: 'acme.de rankings', ownerId: SPECIALIST },
      { toolId: 'rank-tracker', name: 'shop.acme.de rankings', ownerId: SPECIALIST },
    ],
  });
}

async function userId(client: RosterClient, email: string) {
  return (await client.users.list({ q: email })).items.find((user) => user.email === email)!.id;
}

/** The team's specialist open in an editor. */
async function editSpecialist() {
  const testApi = teamApi();
  const client = clientFor(testApi.api, OWNER);
  const id = await userId(client, SPECIALIST);
  const el = await renderEditor(client, { userId: id });
  return { testApi, client, id, el };
}

/** Records the bodies and `If-Match` of PATCH requests, passing them on to the API. */
function recordPatches(testApi: TestApi) {
  const patches: { body: Record<string, unknown>; ifMatch: string | null }[] = [];
  testApi.intercept(
    (r) => r.method === 'PATCH',
    async (request) => {
      patches.push({ body: await request.clone().json(), ifMatch: request.headers.get('if-match') });
      return testApi.api.fetch(request);
    },
  );
  return patches;
}

async function openDelete(el: RosterUserEditor) {
  $<HTMLButtonElement>(el, '.danger-zone > [part~="button"]')!.click();
  await el.updateComplete;
  const dialog = $<HTMLDialogElement>(el, '#delete-dialog')!;
  expect(dialog.open).to.equal(true);
  return dialog;
}

describe('<roster-user-editor> edit', () => {
  it('should load the user, show the email read-only and save only what changed with its version', async () => {
    const { testApi, el } = await editSpecialist();
    expect(input(el, 'firstName').value).to.equal('Sam');
    const email = $<HTMLInputElement>(el, '#f-email')!;
    expect(email.readOnly).to.equal(true);
    expect(email.value).to.equal(SPECIALIST);
    expect(text(el)).to.include(en.editor.verification.verifiedOn('').trim());
    await axeCheck(el);
    const patches = recordPatches(testApi);
    await fill(el, 'firstName', 'Samuel');
    await check(el, 'notifications.reportReady', false);
    expect(el.hasUnsavedChanges).to.equal(true);
    const updated = oneEvent(el, 'roster-user-updated');
    await submit(el);
    const { detail } = await updated;
    expect(detail.user.firstName).to.equal('Samuel');
    expect(patches).to.deep.equal([
      { body: { firstName: 'Samuel', notifications: { reportReady: false } }, ifMatch: '"1"' },
    ]);
    expect(el.hasUnsavedChanges).to.equal(false);
    await chooseRole(el, 'manager');
    await submit(el);
    await waitFor(() => patches.length === 2, 'role saved');
    expect(patches[1]!.body, 'a manager has no credit limit').to.deep.equal({ role: 'manager', creditLimit: null });
    expect(patches[1]!.ifMatch).to.equal('"2"');
  });

  it('should show a version conflict field by field, and reload the server version', async () => {
    const { testApi, client, id, el } = await editSpecialist();
    await clientFor(testApi.api, OWNER).users.update(id, { lastName: 'Spezialist', phone: '+49301234567' });
    await fill(el, 'firstName', 'Samuel');
    await submit(el);
    await waitFor(() => $(el, '.conflict'), 'conflict shown');
    const rows = [...root(el).querySelectorAll<HTMLTableRowElement>('.conflict tbody tr')];
    const row = (field: string) => rows.find((r) => r.dataset.field === field)!;
    expect(rows.map((r) => r.dataset.field)).to.deep.equal(['firstName', 'lastName', 'phone']);
    expect(row('firstName').querySelector('.theirs')!.textContent).to.equal('Sam');
    expect(row('firstName').querySelector('.yours')!.textContent).to.equal('Samuel');
    expect(row('lastName').querySelector('.theirs')!.textContent).to.equal('Spezialist');
    expect(row('lastName').querySelector('.yours')!.textContent).to.equal(en.editor.conflict.notChanged);
    expect((await client.users.get(id)).firstName, 'nothing overwritten').to.equal('Sam');
    await axeCheck(el);
    $<HTMLButtonElement>(el, '.conflict [part~="button"]:not([part~="button-primary"])')!.click();
    await el.updateComplete;
    expect(exists(el, '.conflict')).to.equal(false);
    expect(input(el, 'firstName').value).to.equal('Sam');
    expect(input(el, 'lastName').value).to.equal('Spezialist');
    expect(el.hasUnsavedChanges).to.equal(false);
  });

  it('should discard to the newer profile when a conflict is shown, so the next save goes through', async () => {
    const { testApi, client, id, el } = await editSpecialist();
    await clientFor(testApi.api, OWNER).users.update(id, { lastName: 'Spezialist' });
    await fill(el, 'firstName', 'Samuel');
    await submit(el);
    await waitFor(() => $(el, '.conflict'), 'conflict shown');
    $<HTMLButtonElement>(el, 'form > [part~="actions"] > [part~="button"]:not([type="submit"])')!.click();
    await el.updateComplete;
    expect(exists(el, '.conflict')).to.equal(false);
    expect(input(el, 'lastName').value).to.equal('Spezialist');
    await fill(el, 'phone', '+49 30 1234567');
    const updated = oneEvent(el, 'roster-user-updated');
    await submit(el);
    await updated;
    expect(exists(el, '.conflict')).to.equal(false);
    expect(await client.users.get(id)).to.include({ firstName: 'Sam', lastName: 'Spezialist', phone: '+49301234567' });
  });

  it('should re-apply my changes on top of the server version', async () => {
    const { testApi, client, id, el } = await editSpecialist();
    await clientFor(testApi.api, OWNER).users.update(id, { lastName: 'Spezialist' });
    await fill(el, 'firstName', 'Samuel');
    await limitCredits(el, '800');
    await submit(el);
    await waitFor(() => $(el, '.conflict [part~="button-primary"]'), 'conflict shown');
    const updated = oneEvent(el, 'roster-user-updated');
    $<HTMLButtonElement>(el, '.conflict [part~="button-primary"]')!.click();
    await updated;
    const stored = await client.users.get(id);
    expect(stored).to.include({ firstName: 'Samuel', lastName: 'Spezialist', creditLimit: 800, version: 3 });
    expect(exists(el, '.conflict')).to.equal(false);
  });

  it('should build on a save of the same profile by another element of its client, keeping unsaved edits', async () => {
    const { client, id, el } = await editSpecialist();
    await fill(el, 'firstName', 'Samuel');
    // As the panel's Access tab saves through the same client while the profile form holds an edit.
    await client.users.update(id, { access: { tools: ['rank-tracker', 'site-audit'], tasks: [] } }, { version: 1 });
    await el.updateComplete;
    expect(input(el, 'firstName').value).to.equal('Samuel');
    const updated = oneEvent(el, 'roster-user-updated');
    await submit(el);
    await updated;
    expect(exists(el, '.conflict')).to.equal(false);
    const stored = await client.users.get(id);
    expect(stored).to.include({ firstName: 'Samuel', version: 3 });
    expect(stored.access.tools).to.deep.equal(['rank-tracker', 'site-audit']);
  });

  it('should re-apply what was typed while the conflict was shown, the password included', async () => {
    const testApi = setupApi({
      account: { ...ACCOUNT, passwordMode: 'per-user' },
      users: [{ firstName: 'Sam', lastName: 'Specialist', email: SPECIALIST, role: 'specialist', creditLimit: 500 }],
    });
    const client = clientFor(testApi.api, OWNER);
    const id = await userId(client, SPECIALIST);
    const el = await renderEditor(client, { userId: id });
    await clientFor(testApi.api, OWNER).users.update(id, { phone: '+49301234567' });
    await fill(el, 'firstName', 'Samuel');
    await submit(el);
    await waitFor(() => $(el, '.conflict [part~="button-primary"]'), 'conflict shown');
    const patches = recordPatches(testApi);
    await fill(el, 'lastName', 'Spezialistin');
    await fill(el, 'password', 'Quiet-Meadow-Copper-42');
    const updated = oneEvent(el, 'roster-user-updated');
    $<HTMLButtonElement>(el, '.conflict [part~="button-primary"]')!.click();
    await updated;
    expect(patches.map((p) => p.body)).to.deep.equal([
      { firstName: 'Samuel', lastName: 'Spezialistin', password: 'Quiet-Meadow-Copper-42' },
    ]);
    expect(await client.users.get(id)).to.include({
      firstName: 'Samuel',
      lastName: 'Spezialistin',
      phone: '+49301234567',
    });
    expect(input(el, 'password').value).to.equal('');
  });

  it('should take a retried save whose first answer was lost as saved, not as a conflict', async () => {
    const { testApi, el } = await editSpecialist();
    // The server saves, the answer never arrives.
    const stop = testApi.intercept(
      (r) => r.method === 'PATCH',
      async (request) => {
        await testApi.api.fetch(request);
        throw new TypeError('Failed to fetch');
      },
    );
    await fill(el, 'firstName', 'Samuel');
    await submit(el);
    await waitFor(() => $(el, '[part~="alert"] > [part~="button"]'), 'retry offered');
    expect(text(el)).to.include(en.errors.network_error);
    stop();
    let saved: unknown;
    el.addEventListener('roster-user-updated', (event) => (saved = event.detail.user));
    $<HTMLButtonElement>(el, '[part~="alert"] > [part~="button"]')!.click();
    await waitFor(() => saved || exists(el, '.conflict'), 'an outcome');
    expect(exists(el, '.conflict')).to.equal(false);
    expect(saved).to.include({ firstName: 'Samuel', version: 2 });
    await el.updateComplete;
    expect(exists(el, '[part~="alert"]')).to.equal(false);
    expect(input(el, 'firstName').value).to.equal('Samuel');
    expect(el.hasUnsavedChanges).to.equal(false);
    expect(text(el)).to.include(en.editor.saved);
  });

  it('should save an allowed IP typed into the add field but not added, and show it in the list', async () => {
    const { testApi, el } = await editSpecialist();
    const patches = recordPatches(testApi);
    const draft = $<HTMLInputElement>(el, '#f-allowedIps-new')!;
    draft.value = ' 203.0.113.7 ';
    draft.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.hasUnsavedChanges, 'a typed entry is a change').to.equal(true);
    const updated = oneEvent(el, 'roster-user-updated');
    await submit(el);
    expect((await updated).detail.user.allowedIps).to.deep.equal(['203.0.113.7']);
    expect(patches.map((p) => p.body)).to.deep.equal([{ allowedIps: ['203.0.113.7'] }]);
    await el.updateComplete;
    expect(input(el, 'allowedIps.0').value).to.equal('203.0.113.7');
    expect($<HTMLInputElement>(el, '#f-allowedIps-new')!.value).to.equal('');
  });

  it('should show a name with surrounding spaces trimmed when nothing else changed', async () => {
    const { testApi, el } = await editSpecialist();
    const patches = recordPatches(testApi);
    await fill(el, 'firstName', '  Sam\u00a0');
    await fill(el, 'creditLimit', ' 500 ');
    await submit(el);
    expect(text(el)).to.include(en.editor.noChanges);
    expect(patches).to.deep.equal([]);
    expect(input(el, 'firstName').value).to.equal('Sam');
    expect(input(el, 'creditLimit').value).to.equal('500');
  });

  it('should keep every field after a 503 and save on retry without retyping', async () => {
    const { testApi, el } = await editSpecialist();
    const stop = testApi.intercept(
      (r) => r.method === 'PATCH',
      async () => problemResponse(503, 'server_error'),
    );
    await fill(el, 'lastName', 'Spezialistin');
    await fill(el, 'phone', '+44 7700 900123');
    await submit(el);
    await waitFor(() => $(el, '[part~="alert"] > [part~="button"]'), 'retry offered');
    expect(text(el)).to.include(en.errors.server_error);
    expect(input(el, 'lastName').value).to.equal('Spezialistin');
    expect(input(el, 'phone').value).to.equal('+44 7700 900123');
    expect(el.hasUnsavedChanges).to.equal(true);
    stop();
    const updated = oneEvent(el, 'roster-user-updated');
    $<HTMLButtonElement>(el, '[part~="alert"] > [part~="button"]')!.click();
    expect((await updated).detail.user).to.include({ lastName: 'Spezialistin', phone: '+447700900123' });
    expect(exists(el, '[part~="alert"] > [part~="button"]')).to.equal(false);
  });

  it('should retry a failed create with the same idempotency key and create one profile', async () => {
    const testApi = setupApi({ account: ACCOUNT });
    const client = clientFor(testApi.api, OWNER);
    const el = await renderEditor(client);
    await fill(el, 'firstName', 'Max');
    await fill(el, 'lastName', 'Muster');
    await fill(el, 'email', 'max.muster@acme.de');
    await submit(el);
    await submit(el);
    const keys: (string | null)[] = [];
    let fail = true;
    testApi.intercept(
      (r) => r.method === 'POST' && r.path === '/users',
      async (request) => {
        keys.push(request.headers.get('idempotency-key'));
        const answer = await testApi.api.fetch(request);
        // The server created the profile, but the answer was lost.
        return fail ? problemResponse(503, 'server_error') : answer;
      },
    );
    await submit(el);
    await waitFor(() => $(el, '[part~="alert"] > [part~="button"]'), 'retry offered');
    fail = false;
    const created = oneEvent(el, 'roster-user-created');
    $<HTMLButtonElement>(el, '[part~="alert"] > [part~="button"]')!.click();
    await created;
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    expect((await client.users.list({ q: 'max.muster' })).total).to.equal(1);
  });

  for (const [name, failure] of [
    ['a 503', async () => problemResponse(503, 'server_error')],
    [
      'a network error',
      async (): Promise<Response> => {
        throw new TypeError('Failed to fetch');
      },
    ],
  ] as const) {
    it(`should keep a password through ${name} and send it again with "Try again"`, async () => {
      const testApi = setupApi({
        account: { ...ACCOUNT, passwordMode: 'per-user' },
        users: [{ firstName: 'Sam', lastName: 'Specialist', email: SPECIALIST, role: 'specialist' }],
      });
      const client = clientFor(testApi.api, OWNER);
      const el = await renderEditor(client, { userId: await userId(client, SPECIALIST) });
      const stop = testApi.intercept((r) => r.method === 'PATCH', failure);
      const patches = recordPatches(testApi);
      await fill(el, 'firstName', 'Samuel');
      await fill(el, 'password', 'Quiet-Meadow-Copper-42');
      await submit(el);
      await waitFor(() => $(el, '[part~="alert"] > [part~="button"]'), 'retry offered');
      expect(input(el, 'password').value, 'kept after the failure').to.equal('Quiet-Meadow-Copper-42');
      expect(input(el, 'firstName').value).to.equal('Samuel');
      stop();
      const updated = oneEvent(el, 'roster-user-updated');
      $<HTMLButtonElement>(el, '[part~="alert"] > [part~="button"]')!.click();
      expect((await updated).detail.user).to.include({ firstName: 'Samuel', version: 2 });
      // The failed attempt never reached the recorder: this is the one "Try again" sent.
      expect(patches.map((p) => p.body)).to.deep.equal([{ firstName: 'Samuel', password: 'Quiet-Meadow-Copper-42' }]);
      await el.updateComplete;
      expect(text(el)).to.include(en.editor.saved);
      expect(input(el, 'password').value, 'cleared after the save').to.equal('');
    });
  }

  it('should not take a password change whose answer was lost as saved when its repeat meets 412', async () => {
    const testApi = setupApi({
      account: { ...ACCOUNT, passwordMode: 'per-user' },
      users: [{ firstName: 'Sam', lastName: 'Specialist', email: SPECIALIST, role: 'specialist' }],
    });
    const client = clientFor(testApi.api, OWNER);
    const el = await renderEditor(client, { userId: await userId(client, SPECIALIST) });
    // The server saves, the answer never arrives.
    const stop = testApi.intercept(
      (r) => r.method === 'PATCH',
      async (request) => {
        await testApi.api.fetch(request);
        throw new TypeError('Failed to fetch');
      },
    );
    await fill(el, 'firstName', 'Samuel');
    await fill(el, 'password', 'Quiet-Meadow-Copper-42');
    await submit(el);
    await waitFor(() => $(el, '[part~="alert"] > [part~="button"]'), 'retry offered');
    stop();
    const patches = recordPatches(testApi);
    $<HTMLButtonElement>(el, '[part~="alert"] > [part~="button"]')!.click();
    await waitFor(() => $(el, '.conflict') || text(el).includes(en.editor.saved), 'an outcome');
    expect(text(el), 'no success claimed for a password it cannot check').to.not.include(en.editor.saved);
    expect(input(el, 'password').value).to.equal('Quiet-Meadow-Copper-42');
    const updated = oneEvent(el, 'roster-user-updated');
    $<HTMLButtonElement>(el, '.conflict [part~="button-primary"]')!.click();
    await updated;
    expect(patches.map((p) => p.body)).to.deep.equal([
      { firstName: 'Samuel', password: 'Quiet-Meadow-Copper-42' },
      { password: 'Quiet-Meadow-Copper-42' },
    ]);
    expect(patches.map((p) => p.ifMatch)).to.deep.equal(['"1"', '"2"']);
    await el.updateComplete;
    expect(input(el, 'password').value).to.equal('');
  });

  it('should resend the request that failed with "Try again", even after further edits, and keep those edits', async () => {
    const testApi = setupApi({
      account: { ...ACCOUNT, passwordMode: 'per-user' },
      users: [{ firstName: 'Sam', lastName: 'Specialist', email: SPECIALIST, role: 'specialist' }],
    });
    const client = clientFor(testApi.api, OWNER);
    const el = await renderEditor(client, { userId: await userId(client, SPECIALIST) });
    const stop = testApi.intercept(
      (r) => r.method === 'PATCH',
      async () => problemResponse(503, 'server_error'),
    );
    const patches = recordPatches(testApi);
    await fill(el, 'password', 'Quiet-Meadow-Copper-42');
    await submit(el);
    await waitFor(() => $(el, '[part~="alert"] > [part~="button"]'), 'retry offered');
    stop();
    await fill(el, 'lastName', 'Spezialistin');
    const updated = oneEvent(el, 'roster-user-updated');
    $<HTMLButtonElement>(el, '[part~="alert"] > [part~="button"]')!.click();
    await updated;
    expect(patches.map((p) => p.body)).to.deep.equal([{ password: 'Quiet-Meadow-Copper-42' }]);
    await el.updateComplete;
    expect(input(el, 'password').value, 'the sent password is not kept').to.equal('');
    expect(input(el, 'lastName').value, 'the later edit stays').to.equal('Spezialistin');
    expect(el.hasUnsavedChanges).to.equal(true);
    const again = oneEvent(el, 'roster-user-updated');
    await submit(el);
    expect((await again).detail.user).to.include({ lastName: 'Spezialistin', version: 3 });
  });

  it('should finish a create whose answer was lost with "Try again": same key and password, the profile shown as created', async () => {
    const testApi = setupApi({ account: { ...ACCOUNT, passwordMode: 'per-user' } });
    const client = clientFor(testApi.api, OWNER);
    const el = await renderEditor(client);
    await fillDetails(el, 'Max', 'Muster', 'max.muster@acme.de', STRONG_PASSWORD);
    await submit(el);
    await chooseRole(el, 'manager');
    await submit(el);
    const sent: { key: string | null; body: Record<string, unknown> }[] = [];
    let lose = true;
    testApi.intercept(
      (r) => r.method === 'POST' && r.path === '/users',
      async (request) => {
        sent.push({ key: request.headers.get('idempotency-key'), body: await request.clone().json() });
        const answer = await testApi.api.fetch(request);
        // The server created the profile, but the answer was lost.
        if (lose) throw new TypeError('Failed to fetch');
        return answer;
      },
    );
    await submit(el);
    await waitFor(() => $(el, '[part~="alert"] > [part~="button"]'), 'retry offered');
    lose = false;
    $<HTMLButtonElement>(el, '[part~="alert"] > [part~="button"]')!.click();
    await waitFor(() => el.step === 'done' || errorOf(el, 'password') || errorOf(el, 'email'), 'an outcome');
    expect(errorOf(el, 'password')).to.equal(undefined);
    expect(errorOf(el, 'email')).to.equal(undefined);
    expect(el.step).to.equal('done');
    await el.updateComplete;
    expect($(el, '.created')!.textContent).to.include('max.muster@acme.de');
    expect(sent).to.have.length(2);
    expect(sent[1]).to.deep.equal(sent[0]);
    expect(sent[0]!.body.password).to.equal(STRONG_PASSWORD);
    expect((await client.users.list({ q: 'max.muster' })).total).to.equal(1);
  });

  it('should lock the owner: role and deletion, with the reason', async () => {
    const testApi = teamApi();
    const client = clientFor(testApi.api, OWNER);
    const el = await renderEditor(client, { userId: await userId(client, OWNER) });
    expect(exists(el, '[data-field="role"]')).to.equal(false);
    expect(text(el)).to.include(en.editor.ownerLocked);
    const remove = $<HTMLButtonElement>(el, '.danger-zone > [part~="button"]')!;
    expect(remove.getAttribute('aria-disabled')).to.equal('true');
    remove.click();
    await el.updateComplete;
    expect(exists(el, '#delete-dialog')).to.equal(false);
    await axeCheck(el);
  });

  it('should show the form read-only to a manager', async () => {
    const testApi = setupApi({
      account: ACCOUNT,
      users: [{ firstName: 'Mia', lastName: 'Manager', email: 'mia.manager@acme.de', role: 'manager' }],
    });
    const client = clientFor(testApi.api, 'mia.manager@acme.de');
    const el = await renderEditor(client, { userId: await userId(client, OWNER) });
    expect(alertText(el)).to.equal(en.editor.noPermission);
    expect(input(el, 'firstName').matches(':disabled')).to.equal(true);
    expect(exists(el, 'button[type="submit"]')).to.equal(false);
  });

  it('should let a host veto a save with roster-before-user-update, never showing the password', async () => {
    const testApi = setupApi({
      account: { ...ACCOUNT, passwordMode: 'per-user' },
      users: [{ firstName: 'Sam', lastName: 'Specialist', email: SPECIALIST, role: 'specialist' }],
    });
    const client = clientFor(testApi.api, OWNER);
    const el = await renderEditor(client, { userId: await userId(client, SPECIALIST) });
    await fill(el, 'password', 'a new long passphrase');
    const patches = recordPatches(testApi);
    el.addEventListener(
      'roster-before-user-update',
      (event) => {
        expect(JSON.stringify(event.detail)).to.not.include('passphrase');
        event.preventDefault();
      },
      { once: true },
    );
    await submit(el);
    expect(patches).to.have.length(0);
    await submit(el);
    await waitFor(() => patches.length === 1, 'saved');
    expect(patches[0]!.body).to.deep.equal({ password: 'a new long passphrase' });
    await waitFor(() => input(el, 'password').value === '', 'password cleared');
  });

  describe('unsaved changes', () => {
    it('should ask before leaving, let a host veto, and guard the page unload', async () => {
      const testApi = teamApi();
      const client = clientFor(testApi.api, OWNER);
      const el = await renderEditor(client, { userId: await userId(client, SPECIALIST) });
      expect(await el.confirmLeave(), 'nothing to lose').to.equal(true);
      await fill(el, 'firstName', 'Samuel');
      const unload = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(unload);
      expect(unload.defaultPrevented).to.equal(true);
      el.addEventListener('roster-before-leave', (event) => event.preventDefault(), { once: true });
      expect(await el.confirmLeave(), 'host vetoed').to.equal(false);
      const answer = el.confirmLeave();
      await el.updateComplete;
      const dialog = $<HTMLDialogElement>(el, '#leave-dialog')!;
      expect(dialog.open).to.equal(true);
      await axeCheck(el);
      $<HTMLButtonElement>(el, '#leave-dialog [part~="button"]:not([part~="button-danger"])')!.click();
      expect(await answer).to.equal(false);
      expect(input(el, 'firstName').value).to.equal('Samuel');
      const second = el.confirmLeave();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '#leave-dialog [part~="button-danger"]')!.click();
      expect(await second).to.equal(true);
      await el.updateComplete;
      expect(input(el, 'firstName').value).to.equal('Sam');
      const after = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(after);
      expect(after.defaultPrevented).to.equal(false);
    });
  });

  describe('verification', () => {
    it('should resend the link once on a double click, with feedback', async () => {
      const testApi = setupApi({ account: ACCOUNT });
      const client = clientFor(testApi.api, OWNER);
      const user = await client.users.create({
        firstName: 'Paula',
        lastName: 'Pending',
        email: 'paula.pending@acme.de',
        role: 'specialist',
      });
      const el = await renderEditor(client, { userId: user.id });
      expect(text(el)).to.include(en.editor.verification.pending);
      expect(en.editor.verification.pending, 'says why the profile cannot sign in yet').to.include('cannot sign in');
      const before = testApi.api.outbox().length;
      const sent = oneEvent(el, 'roster-verification-sent');
      const button = $<HTMLButtonElement>(el, '.verification > [part~="button"]')!;
      expect(button.textContent!.trim()).to.equal(en.editor.verification.resend);
      button.focus();
      button.click();
      button.click();
      await sent;
      await el.updateComplete;
      expect(testApi.api.outbox().length).to.equal(before + 1);
      expect(testApi.api.outbox().at(-1)!.to).to.equal('paula.pending@acme.de');
      const resent = en.editor.verification.resent('paula.pending@acme.de');
      expect($(el, '.verification > [part~="note"]')!.textContent).to.equal(resent);
      expect($(el, '[role="status"]')!.textContent!.trim(), 'announced').to.equal(resent);
      expect(focused(el), 'focus stays on the button').to.equal($(el, '.verification > [part~="button"]'));
      await axeCheck(el);
    });
  });

  describe('delete', () => {
    for (const tasks of ['transfer', 'delete'] as const) {
      it(`should delete after confirming, and ${tasks} the tasks`, async () => {
        const testApi = teamApi();
        const client = clientFor(testApi.api, OWNER);
        const id = await userId(client, SPECIALIST);
        const owner = await client.me();
        const el = await renderEditor(client, { userId: id });
        const dialog = await openDelete(el);
        expect(dialog.getAttribute('aria-labelledby')).to.equal('delete-title');
        expect(dialog.textContent).to.include(en.editor.delete.title('Sam Specialist'));
        const transfer = $<HTMLInputElement>(el, '[name="delete-tasks"][value="transfer"]')!;
        expect(transfer.checked, 'transfer is the default').to.equal(true);
        await axeCheck(el);
        if (tasks === 'delete') {
          $<HTMLInputElement>(el, '[name="delete-tasks"][value="delete"]')!.click();
          await el.updateComplete;
        }
        const before = oneEvent(el, 'roster-before-user-delete');
        const deleted = oneEvent(el, 'roster-user-deleted');
        $<HTMLButtonElement>(el, '#delete-dialog [part~="button-danger"]')!.click();
        expect((await before).detail.tasks).to.equal(tasks);
        expect((await deleted).detail).to.deep.include({ tasks });
        expect(dialog.open).to.equal(false);
        await el.updateComplete;
        expect(text(el)).to.include(en.editor.delete.deleted('Sam Specialist'));
        const remaining = (await client.tasks.list()).items;
        if (tasks === 'transfer') {
          expect(remaining.map((task) => [task.name, task.ownerId])).to.have.deep.members([
            ['acme.de rankings', owner.user.id],
            ['shop.acme.de rankings', owner.user.id],
          ]);
        } else {
          expect(remaining).to.have.length(0);
        }
        expect((await client.users.list()).items.map((user) => user.email)).to.not.include(SPECIALIST);
      });
    }

    it('should close on Escape and on a veto, deleting nothing', async () => {
      const testApi = teamApi();
      const client = clientFor(testApi.api, OWNER);
      const id = await userId(client, SPECIALIST);
      const el = await renderEditor(client, { userId: id });
      const dialog = await openDelete(el);
      expect((root(el).activeElement as HTMLInputElement | null)?.value, 'focus moved into the dialog').to.equal(
        'transfer',
      );
      await sendKeys({ press: 'Escape' });
      await waitFor(() => !dialog.open, 'closed by Escape');
      await openDelete(el);
      el.addEventListener('roster-before-user-delete', (event) => event.preventDefault(), { once: true });
      $<HTMLButtonElement>(el, '#delete-dialog [part~="button-danger"]')!.click();
      await el.updateComplete;
      expect(dialog.open).to.equal(false);
      expect((await client.users.get(id)).email).to.equal(SPECIALIST);
      expect(Boolean(submitButton(el))).to.equal(true);
      expect(errorOf(el, 'firstName')).to.equal(undefined);
    });
  });
});
