import { expect } from '@open-wc/testing';
import { de } from '../../src/components/localize/de.js';
import { en } from '../../src/components/localize/english.js';
import { axeCheck, clientFor, setupApi, waitFor } from './helpers.js';
import {
  $,
  ACCOUNT,
  OWNER,
  STRONG_PASSWORD,
  alertText,
  apiWith,
  chooseRole,
  errorOf,
  exists,
  fill,
  fillDetails,
  focused,
  input,
  limitCredits,
  renderEditor,
  root,
  stepTitle,
  submit,
  text,
} from './user-editor-helpers.js';

const problemJson = (status: number, code: string, errors: { field: string; code: string }[]) =>
  new Response(
    JSON.stringify({
      type: 'about:blank',
      title: code,
      status,
      code,
      errors: errors.map((e) => ({ ...e, message: e.code })),
    }),
    {
      status,
      headers: { 'content-type': 'application/problem+json' },
    },
  );

const ipEntries = (el: Parameters<typeof root>[0]) =>
  [...root(el).querySelectorAll<HTMLInputElement>('[data-field^="allowedIps."]')].map((entry) => entry.value);

/**
 * Pastes a list into the add field, as from the clipboard. Firefox leaves the data of a synthetic
 * paste out, so there the list is typed (a single-line field keeps no line breaks) and added.
 */
async function pasteIps(el: Parameters<typeof root>[0], value: string) {
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', value);
  const draft = $<HTMLInputElement>(el, '#f-allowedIps-new')!;
  const paste = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
  draft.dispatchEvent(paste);
  await el.updateComplete;
  if (paste.defaultPrevented) return;
  draft.value = value.replace(/\n/g, ' ');
  draft.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  $<HTMLButtonElement>(el, '.ip-list > .ip-row > [part~="button"]')!.click();
  await el.updateComplete;
}

/** Goes from details to review with a valid specialist, and sends. */
async function sendSpecialist(el: Parameters<typeof root>[0]) {
  await submit(el);
  await submit(el);
  expect(stepTitle(el)).to.equal(en.editor.steps.review);
  await submit(el);
}

describe('<roster-user-editor> validation', () => {
  it('should check names on leaving the field, with aria-invalid and the message linked', async () => {
    const el = await renderEditor(clientFor(setupApi({ account: ACCOUNT }).api, OWNER));
    await fill(el, 'firstName', '   ');
    expect(errorOf(el, 'firstName')).to.equal(en.errors.required);
    const first = input(el, 'firstName');
    expect(first.getAttribute('aria-invalid')).to.equal('true');
    expect(first.getAttribute('aria-describedby')).to.include('f-firstName-error');
    await fill(el, 'firstName', '1234');
    expect(errorOf(el, 'firstName')).to.equal(en.errors.name_needs_letter);
    await fill(el, 'firstName', 'A'.repeat(101));
    expect(errorOf(el, 'firstName')).to.equal(en.errors.too_long);
    await fill(el, 'firstName', 'Jennifer 8.');
    expect(errorOf(el, 'firstName')).to.equal(undefined);
    expect(errorOf(el, 'lastName'), 'untouched fields stay quiet').to.equal(undefined);
    await submit(el);
    expect(errorOf(el, 'lastName')).to.equal(en.errors.required);
    expect(errorOf(el, 'email')).to.equal(en.errors.required);
    expect(focused(el)?.id, 'the first invalid field gets focus').to.equal('f-lastName');
    await axeCheck(el);
  });

  it('should accept names of any script and keep them exactly', async () => {
    const testApi = setupApi({ account: ACCOUNT });
    const client = clientFor(testApi.api, OWNER);
    for (const [first, last, email] of [
      ['Zoë', "O'Brien-Łukasiewicz", 'zoe@acme.de'],
      ['José María', 'Núñez', 'jose@acme.de'],
      ['小龍', '李', 'xiaolong.li@acme.de'],
    ]) {
      const el = await renderEditor(client);
      await fillDetails(el, ` ${first} `, last, email);
      expect(input(el, 'firstName').getAttribute('dir')).to.equal('auto');
      await sendSpecialist(el);
      await waitFor(() => $(el, '.created'), `${first} created`);
      expect(text(el)).to.include(`${first} ${last}`);
    }
    const names = (await client.users.list()).items.map((user) => `${user.firstName}|${user.lastName}`);
    expect(names).to.include.members(["Zoë|O'Brien-Łukasiewicz", 'José María|Núñez', '小龍|李']);
  });

  it('should check the email: syntax and domain locally, role, free-mail and taken addresses from the server on step 1', async () => {
    const testApi = setupApi({ account: ACCOUNT });
    const client = clientFor(testApi.api, OWNER);
    await client.users.create({
      firstName: 'Max',
      lastName: 'Muster',
      email: 'max.muster@acme.de',
      role: 'specialist',
    });
    const el = await renderEditor(client);
    expect($(el, '#f-email-hint')!.textContent).to.include('@acme.de');
    await fillDetails(el, 'Max', 'Muster', 'max@');
    expect(errorOf(el, 'email')).to.equal(en.errors.invalid_email);
    await fill(el, 'email', 'max@other.de');
    expect(errorOf(el, 'email')).to.equal(en.errors.email_domain_mismatch);
    await fill(el, 'email', 'support@acme.de');
    await waitFor(() => errorOf(el, 'email'), 'role address refused on leaving the field');
    expect(errorOf(el, 'email')).to.equal(en.errors.email_role_address);
    await submit(el);
    expect(stepTitle(el), 'Next stays on the step with the field').to.equal(en.editor.steps.details);
    expect(errorOf(el, 'email')).to.equal(en.errors.email_role_address);
    expect(focused(el)?.id).to.equal('f-email');
    expect(input(el, 'email').value, 'the refused address stays as typed').to.equal('support@acme.de');
    const sent = testApi.requests.length;
    await fill(el, 'email', 'MAX.muster@acme.de');
    expect(errorOf(el, 'email'), 'editing clears the server verdict').to.equal(undefined);
    await waitFor(() => errorOf(el, 'email'), 'taken');
    expect(errorOf(el, 'email')).to.equal(en.errors.email_taken);
    expect(testApi.requests.slice(sent).map((r) => `${r.method} ${r.path}`)).to.deep.equal(['POST /users/validate']);
    await submit(el);
    expect(stepTitle(el)).to.equal(en.editor.steps.details);

    const open = setupApi({ account: { ...ACCOUNT, emailDomain: null } });
    const other = await renderEditor(clientFor(open.api, OWNER));
    await fillDetails(other, 'Max', 'Muster', 'max.muster@gmail.com');
    await waitFor(() => errorOf(other, 'email'), 'free-mail');
    expect(errorOf(other, 'email')).to.equal(en.errors.email_freemail);
  });

  it('should refuse a taken address with a +tag on step 1, never reaching step 2', async () => {
    const testApi = setupApi({ account: ACCOUNT });
    const client = clientFor(testApi.api, OWNER);
    await client.users.create({ firstName: 'Ines', lastName: 'Muster', email: 'ines@acme.de', role: 'specialist' });
    const el = await renderEditor(client);
    const sent = testApi.requests.length;
    await fillDetails(el, 'Ines', 'Test', 'ines+test@acme.de');
    await submit(el);
    await waitFor(() => errorOf(el, 'email'), 'taken');
    expect(errorOf(el, 'email')).to.equal(en.errors.email_taken);
    expect(stepTitle(el)).to.equal(en.editor.steps.details);
    expect(input(el, 'email').value).to.equal('ines+test@acme.de');
    expect(
      testApi.requests.slice(sent).some((r) => r.method === 'POST' && r.path === '/users'),
      'nothing created',
    ).to.equal(false);
    await axeCheck(el);
  });

  it('should ignore an answer about an address that was changed meanwhile', async () => {
    const testApi = setupApi({ account: ACCOUNT });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const stop = testApi.intercept(
      (r) => r.path === '/users/validate',
      async (request) => {
        await held;
        return testApi.api.fetch(request);
      },
    );
    const el = await renderEditor(clientFor(testApi.api, OWNER));
    await fillDetails(el, 'Max', 'Muster', 'info@acme.de');
    stop();
    await fill(el, 'email', 'max.muster@acme.de');
    release();
    await waitFor(() => !el.checking, 'answered');
    await el.updateComplete;
    expect(errorOf(el, 'email'), 'the refusal of info@ is not shown on another address').to.equal(undefined);
    await submit(el);
    expect(stepTitle(el)).to.equal(en.editor.steps.access);
  });

  it('should not block Next when the early check fails to reach the server', async () => {
    const testApi = setupApi({ account: ACCOUNT });
    testApi.intercept(
      (r) => r.path === '/users/validate',
      async () => Promise.reject(new TypeError('Failed to fetch')),
    );
    const el = await renderEditor(clientFor(testApi.api, OWNER));
    await fillDetails(el, 'Max', 'Muster', 'max.muster@acme.de');
    await submit(el);
    expect(stepTitle(el)).to.equal(en.editor.steps.access);
    expect(alertText(el)).to.equal(undefined);
  });

  it('should say the plan is full when the create flow opens at the limit: seat limit and single profile', async () => {
    const full = setupApi({ account: { ...ACCOUNT, seatLimit: 1 } });
    const el = await renderEditor(clientFor(full.api, OWNER));
    await waitFor(() => alertText(el), 'seat notice');
    expect(alertText(el)).to.equal(en.errors.seat_limit_reached);
    expect(exists(el, '[data-field="email"]'), 'no steps to fill').to.equal(false);
    await axeCheck(el);

    const single = setupApi({
      account: { ...ACCOUNT, emailDomain: null },
      owner: { firstName: 'Olivia', lastName: 'Owner', email: 'olivia.owner@gmail.com' },
    });
    const other = await renderEditor(clientFor(single.api, 'olivia.owner@gmail.com'));
    await waitFor(() => alertText(other), 'single-profile notice');
    expect(alertText(other)).to.equal(en.errors.single_profile_account);
  });

  it('should refuse on step 1 when the plan filled up while the details were typed, as a form alert', async () => {
    const testApi = setupApi({ account: { ...ACCOUNT, seatLimit: 2 } });
    const el = await renderEditor(clientFor(testApi.api, OWNER));
    await fillDetails(el, 'Max', 'Muster', 'max.muster@acme.de');
    await waitFor(() => !el.checking, 'first check answered');
    // Another tab takes the last seat.
    await clientFor(testApi.api, OWNER).users.create({
      firstName: 'Sam',
      lastName: 'Seat',
      email: 'sam.seat@acme.de',
      role: 'specialist',
    });
    await submit(el);
    await waitFor(() => alertText(el), 'seat alert');
    expect(alertText(el)).to.equal(en.errors.seat_limit_reached);
    expect($(el, '[part~="alert"][tabindex="-1"]')!.getAttribute('role')).to.equal('alert');
    expect(stepTitle(el)).to.equal(en.editor.steps.details);
    expect(input(el, 'firstName').value, 'nothing typed is lost').to.equal('Max');
    expect(input(el, 'email').value).to.equal('max.muster@acme.de');
    await axeCheck(el);
  });

  it('should check passwords: too short locally, too weak from the server, keeping the refused one to amend', async () => {
    const testApi = await apiWith({ passwordMode: 'per-user' });
    const el = await renderEditor(clientFor(testApi.api, OWNER));
    await fillDetails(el, 'Max', 'Muster', 'max.muster@acme.de', 'short');
    expect(errorOf(el, 'password')).to.equal(en.errors.password_too_short);
    expect($(el, '.strength[part~="hint"]')!.textContent).to.include(en.editor.strength.weak);
    const toggle = $<HTMLButtonElement>(el, '.password-row [part~="button-icon"]')!;
    toggle.click();
    await el.updateComplete;
    expect(input(el, 'password').type).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    await fill(el, 'password', 'max.muster@acme.de');
    expect(errorOf(el, 'password'), 'not the email').to.equal(en.errors.password_too_weak);
    await fill(el, 'password', 'password1234');
    expect(errorOf(el, 'password')).to.equal(undefined);
    await sendSpecialist(el);
    await waitFor(() => errorOf(el, 'password'), 'server verdict');
    expect(errorOf(el, 'password')).to.equal(en.errors.password_too_weak);
    expect(input(el, 'password').value, 'kept after a refused save').to.equal('password1234');
    await fill(el, 'password', STRONG_PASSWORD);
    expect(errorOf(el, 'password'), 'an amended password answers the refusal').to.equal(undefined);
    expect($(el, '.strength[part~="hint"]')!.textContent).to.include(en.editor.strength.strong);
    await axeCheck(el);
  });

  it('should map password_not_allowed to the password field when the account mode changed meanwhile', async () => {
    const testApi = setupApi({ account: ACCOUNT });
    testApi.intercept(
      (r) => r.path === '/me',
      async (request) => {
        const me = await (await testApi.api.fetch(request)).json();
        me.account.passwordMode = 'per-user';
        return new Response(JSON.stringify(me), { headers: { 'content-type': 'application/json' } });
      },
    );
    const el = await renderEditor(clientFor(testApi.api, OWNER));
    await fillDetails(el, 'Max', 'Muster', 'max.muster@acme.de', STRONG_PASSWORD);
    await sendSpecialist(el);
    await waitFor(() => errorOf(el, 'password'), 'refused');
    expect(errorOf(el, 'password')).to.equal(en.errors.password_not_allowed);
  });

  it('should check the credit limit and map credit_limit_not_allowed from the server', async () => {
    const testApi = setupApi({ account: ACCOUNT });
    const el = await renderEditor(clientFor(testApi.api, OWNER));
    await fillDetails(el, 'Max', 'Muster', 'max.muster@acme.de');
    await submit(el);
    await limitCredits(el, '12.5');
    expect(errorOf(el, 'creditLimit')).to.equal(en.errors.invalid_credit_limit);
    await limitCredits(el, '');
    await submit(el);
    expect(errorOf(el, 'creditLimit')).to.equal(en.errors.required);
    expect(focused(el)?.id).to.equal('f-creditLimit');
    await limitCredits(el, '300');
    await submit(el);
    testApi.intercept(
      (r) => r.method === 'POST' && r.path === '/users',
      async () =>
        problemJson(422, 'credit_limit_not_allowed', [{ field: 'creditLimit', code: 'credit_limit_not_allowed' }]),
    );
    await submit(el);
    await waitFor(() => errorOf(el, 'creditLimit'), 'refused');
    expect(stepTitle(el)).to.equal(en.editor.steps.access);
    expect(errorOf(el, 'creditLimit')).to.equal(en.errors.credit_limit_not_allowed);
  });

  it('should map guest_requires_task from the server to the access field', async () => {
    const testApi = setupApi({ account: ACCOUNT });
    const client = clientFor(testApi.api, OWNER);
    const task = await client.tasks.create({ toolId: 'rank-tracker', name: 'acme.de' });
    const el = await renderEditor(client);
    await fillDetails(el, 'Max', 'Muster', 'max.muster@acme.de');
    await submit(el);
    await chooseRole(el, 'guest');
    $(el, 'roster-access-grants')!.dispatchEvent(
      new CustomEvent('roster-change', {
        detail: { value: { tools: [], tasks: [{ toolId: 'rank-tracker', taskId: task.id }] } },
      }),
    );
    await submit(el);
    testApi.intercept(
      (r) => r.method === 'POST' && r.path === '/users',
      async () => problemJson(422, 'guest_requires_task', [{ field: 'access.tasks', code: 'guest_requires_task' }]),
    );
    await submit(el);
    await waitFor(() => errorOf(el, 'access'), 'refused');
    expect(errorOf(el, 'access')).to.equal(en.errors.guest_requires_task);
    expect(focused(el)?.id).to.equal('f-access');
  });

  it('should validate, canonicalise and fix allowed IPs, several pasted at once', async () => {
    const el = await renderEditor(clientFor(setupApi({ account: ACCOUNT }).api, OWNER));
    await pasteIps(el, '2001:DB8:0:0::1, ::ffff:192.0.2.1\n010.0.0.1 10.1.2.3/8;203.0.113.7');
    expect(ipEntries(el)).to.deep.equal(['2001:db8::1', '192.0.2.1', '010.0.0.1', '10.1.2.3/8', '203.0.113.7']);
    expect(errorOf(el, 'allowedIps.2')).to.equal(en.errors.invalid_ip);
    expect(errorOf(el, 'allowedIps.3'))
      .to.include(en.errors.ip_host_bits_set)
      .and.include(en.editor.useSuggestion('10.0.0.0/8'));
    await axeCheck(el);
    $<HTMLButtonElement>(el, '#f-allowedIps-3-error [part~="button"]')!.click();
    await el.updateComplete;
    expect(ipEntries(el)[3]).to.equal('10.0.0.0/8');
    expect(errorOf(el, 'allowedIps.3')).to.equal(undefined);
    await fill(el, 'allowedIps.2', '192.0.2.1');
    expect(errorOf(el, 'allowedIps.2')).to.equal(en.errors.duplicate_ip);
    $<HTMLButtonElement>(el, '[aria-label="' + en.editor.removeIp('192.0.2.1') + '"]')!.click();
    await el.updateComplete;
    expect(ipEntries(el)).to.deep.equal(['2001:db8::1', '192.0.2.1', '10.0.0.0/8', '203.0.113.7']);
    await fill(el, 'allowedIps.3', 'fe80::1%eth0');
    expect(errorOf(el, 'allowedIps.3')).to.equal(en.errors.invalid_ip);
  });

  it('should take an address left in the add field as an entry on Next, checked like the others', async () => {
    const el = await renderEditor(clientFor(setupApi({ account: ACCOUNT }).api, OWNER));
    await fillDetails(el, 'Ina', 'Tippt', 'ina.tippt@acme.de');
    const draft = $<HTMLInputElement>(el, '#f-allowedIps-new')!;
    draft.value = '10.1.2.3/8';
    draft.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await submit(el);
    expect(ipEntries(el), 'added, and held back by its problem').to.deep.equal(['10.1.2.3/8']);
    expect(errorOf(el, 'allowedIps.0')).to.include(en.errors.ip_host_bits_set);
    expect(stepTitle(el)).to.equal(en.editor.steps.details);
  });

  it('should read phone numbers tolerantly and refuse ones without a country code', async () => {
    const el = await renderEditor(clientFor(setupApi({ account: ACCOUNT }).api, OWNER));
    await fill(el, 'phone', '0049 30 1234 567');
    expect(errorOf(el, 'phone')).to.equal(undefined);
    expect($(el, '#f-phone-hint')!.textContent).to.equal(en.editor.phoneSavedAs('+49301234567'));
    await fill(el, 'phone', '030 1234567');
    expect(errorOf(el, 'phone')).to.equal(en.errors.invalid_phone);
  });

  it('should speak German with locale="de", for fields, steps and messages', async () => {
    const el = await renderEditor(clientFor(setupApi({ account: ACCOUNT }).api, OWNER), { locale: 'de' });
    expect(stepTitle(el)).to.equal(de.editor.steps.details);
    expect(text(el))
      .to.include(de.editor.passwordShared)
      .and.include(de.editor.firstName)
      .and.include(de.editor.emailDomainHint('acme.de'));
    await fill(el, 'firstName', '');
    expect(errorOf(el, 'firstName')).to.equal(de.errors.required);
    await fill(el, 'phone', '030 1234567');
    expect(errorOf(el, 'phone')).to.equal(de.errors.invalid_phone);
    await fillDetails(el, 'Jürgen', 'Weiß', 'juergen.weiss@acme.de');
    await fill(el, 'phone', '');
    await submit(el);
    expect(stepTitle(el)).to.equal(de.editor.steps.access);
    expect(text(el)).to.include(de.roles.specialist.description).and.include(de.editor.creditLimitNone);
  });

  it('should have a German string for every English one of its section', () => {
    const sample = (value: unknown): unknown =>
      typeof value === 'function'
        ? value('x', 2)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, sample(inner)]))
          : value;
    const leaves = (value: unknown, path = ''): [string, string][] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, inner]) => leaves(inner, `${path}.${key}`))
        : [[path, String(value)]];
    const english = new Map(leaves(sample(en.editor)));
    const german = new Map(leaves(sample(de.editor)));
    expect([...german.keys()]).to.deep.equal([...english.keys()]);
    const same = [...english].filter(([key, value]) => german.get(key) === value).map(([key]) => key);
    expect(same, 'words that are the same in German').to.deep.equal(['.optional', '.review.name']);
  });
});
