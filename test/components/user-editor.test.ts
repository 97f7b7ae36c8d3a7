import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { en } from '../../src/components/localize/english.js';
import type { User } from '../../src/sdk/index.js';
import { axeCheck, clientFor, setupApi, waitFor } from './helpers.js';
import {
  $,
  ACCOUNT,
  OWNER,
  STRONG_PASSWORD,
  apiWith,
  check,
  exists,
  chooseRole,
  errorOf,
  fill,
  focused,
  fillDetails,
  grant,
  input,
  limitCredits,
  renderEditor,
  stepTitle,
  submit,
  text,
} from './user-editor-helpers.js';

/** The create flow in a 420px column, where long unbroken text has to wrap. */
async function narrowCreateEditor() {
  const testApi = await apiWith();
  const client = clientFor(testApi.api, OWNER);
  const el = await fixture<HTMLDivElement>(
    html`<div style="width: 420px"><roster-user-editor .client=${client} locale="en"></roster-user-editor></div>`,
  ).then((wrapper) => wrapper.querySelector('roster-user-editor')!);
  await waitFor(() => $(el, 'form'), 'editor ready');
  return el;
}

/** Presses Tab until the focused element in the editor matches `selector`. */
async function tabTo(el: Parameters<typeof $>[0], selector: string) {
  for (let i = 0; i < 30; i++) {
    if (focused(el)?.matches(selector)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('<roster-user-editor> create', () => {
  it('should follow a dark color scheme through the tokens and stay accessible', async () => {
    const testApi = await apiWith({ passwordMode: 'per-user' });
    const client = clientFor(testApi.api, OWNER);
    const light = await renderEditor(client);
    const wrapper = await fixture<HTMLDivElement>(html`<div style="color-scheme: dark; background: #000">
      <roster-user-editor .client=${client}></roster-user-editor></div>`);
    const dark = wrapper.querySelector('roster-user-editor')!;
    await waitFor(() => $(dark, 'form'), 'dark editor ready');
    await fill(dark, 'firstName', '');
    const color = (el: typeof light) => getComputedStyle($(el, '.input')!).backgroundColor;
    expect(color(dark)).to.not.equal(color(light));
    await axeCheck(dark);
  });

  it('should be completed with the keyboard alone', async () => {
    const testApi = await apiWith();
    const el = await renderEditor(clientFor(testApi.api, OWNER));
    await tabTo(el, '#f-firstName');
    await sendKeys({ type: 'Kim' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Keyboard' });
    await tabTo(el, '#f-email');
    await sendKeys({ type: 'kim.keyboard@acme.de' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => stepTitle(el) === en.editor.steps.access, 'role and access step');
    expect(focused(el)?.id, 'focus on the new step').to.equal('step-title');
    await tabTo(el, '[data-field="role"]:checked');
    await sendKeys({ press: 'ArrowUp' });
    await waitFor(
      () => input(el, 'role') && $<HTMLInputElement>(el, '[data-field="role"][value="manager"]')!.checked,
      'manager chosen',
    );
    await tabTo(el, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => stepTitle(el) === en.editor.steps.review, 'review step');
    await tabTo(el, 'button[type="submit"]');
    const created = oneEvent(el, 'roster-user-created');
    await sendKeys({ press: 'Enter' });
    const user: User = (await created).detail.user;
    expect(user).to.include({ firstName: 'Kim', lastName: 'Keyboard', email: 'kim.keyboard@acme.de', role: 'manager' });
    await waitFor(() => focused(el)?.id === 'step-title', 'focus on the confirmation');
  });

  it('should wrap a long unbroken name in the confirmation and the delete dialog, keeping the actions in view', async () => {
    const el = await narrowCreateEditor();
    // 100 letters, the most a name may have, and no place a line could break.
    const name = 'Maximilianalexanderfriedrichwilhelmkonstantinbartholomäusleopoldferdinandsebastianchristophorusjoha';
    await fillDetails(el, name, 'Hohenzollern-Sigmaringen-Wittelsbach', 'max.h@acme.de');
    await submit(el);
    await submit(el);
    await submit(el);
    const done = await waitFor(() => $(el, '.created [part~="button-primary"]'), 'confirmation shown');
    const inside = (child: Element, box: Element) =>
      child.getBoundingClientRect().right <= box.getBoundingClientRect().right + 0.5;
    expect(inside($(el, '#step-title')!, el), 'the title wraps').to.equal(true);
    expect(inside(done, el), '"Done" in view').to.equal(true);

    const user = await waitFor(() => el.user, 'created user');
    el.setAttribute('user-id', user.id);
    await waitFor(() => $(el, '.danger-zone > [part~="button"]'), 'edit mode');
    $(el, '.danger-zone > [part~="button"]')!.click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, '#delete-dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.scrollWidth, 'nothing sticks out of the dialog').to.be.at.most(dialog.clientWidth);
    dialog.close();
  });

  it('should wrap a very long email on the review, in the confirmation and in the edit header', async () => {
    const el = await narrowCreateEditor();
    // A 64-letter local part, the longest an address may have, with no place a line could break.
    const email = `${'k'.repeat(30)}.${'w'.repeat(33)}@acme.de`;
    const fits = () =>
      [...el.shadowRoot!.querySelectorAll('p, dd, h2, h3')].every(
        (node) => node.getBoundingClientRect().right <= el.getBoundingClientRect().right + 0.5,
      );
    await fillDetails(el, 'Kim', 'Weit', email);
    await submit(el);
    await submit(el);
    expect(text(el)).to.include(email);
    expect(fits(), 'the review fits').to.equal(true);
    await submit(el);
    const user = await waitFor(() => $(el, '.created [part~="button-primary"]') && el.user, 'confirmation shown');
    expect(fits(), 'the confirmation fits').to.equal(true);
    el.setAttribute('user-id', user.id);
    await waitFor(() => $(el, '.danger-zone > [part~="button"]'), 'edit mode');
    expect(text(el)).to.include(email);
    expect(fits(), 'the edit header fits').to.equal(true);
    expect(el.scrollWidth, 'nothing sticks out').to.be.at.most(el.clientWidth);
  });

  for (const passwordMode of ['shared', 'per-user'] as const) {
    describe(`with ${passwordMode} passwords`, () => {
      it('should create a manager through details, role and access, and review', async () => {
        const testApi = await apiWith({ passwordMode });
        const client = clientFor(testApi.api, OWNER);
        const el = await renderEditor(client);
        expect(stepTitle(el)).to.equal(en.editor.steps.details);
        if (passwordMode === 'shared') {
          expect(text(el)).to.include(en.editor.passwordShared);
          expect(exists(el, '[data-field="password"]')).to.equal(false);
        }
        await fillDetails(
          el,
          'Zoë',
          "O'Brien-Łukasiewicz",
          'Zoe.OBrien@acme.de',
          passwordMode === 'per-user' ? STRONG_PASSWORD : undefined,
        );
        await fill(el, 'phone', '+49 (0)30 1234-567');
        await check(el, 'notifications.creditsLow', false);
        await axeCheck(el);
        await submit(el);
        expect(stepTitle(el)).to.equal(en.editor.steps.access);
        await chooseRole(el, 'manager');
        expect(text(el)).to.include(en.editor.managerAccess);
        await axeCheck(el);
        await submit(el);
        expect(stepTitle(el)).to.equal(en.editor.steps.review);
        expect(text(el))
          .to.include("Zoë O'Brien-Łukasiewicz")
          .and.include('zoe.obrien@acme.de')
          .and.include('+49301234567');
        expect(text(el)).to.not.include(STRONG_PASSWORD);
        await axeCheck(el);
        const created = oneEvent(el, 'roster-user-created');
        await submit(el);
        const { detail } = await created;
        expect(detail.user.role).to.equal('manager');
        expect(JSON.stringify(detail)).to.not.include(STRONG_PASSWORD);
        await waitFor(() => $(el, '.created'), 'confirmation shown');
        expect(text(el))
          .to.include(en.editor.created.title("Zoë O'Brien-Łukasiewicz"))
          .and.include(en.common.status.pending)
          .and.include(en.editor.created.text('zoe.obrien@acme.de'));
        await axeCheck(el);
        const stored = await client.users.get(detail.user.id);
        expect(stored).to.include({
          firstName: 'Zoë',
          lastName: "O'Brien-Łukasiewicz",
          phone: '+49301234567',
          status: 'pending',
        });
        expect(stored.notifications.creditsLow).to.equal(false);
        expect(testApi.api.outbox().at(-1)!.to).to.equal('zoe.obrien@acme.de');
      });

      it('should create a specialist with a credit limit', async () => {
        const testApi = await apiWith({ passwordMode });
        const client = clientFor(testApi.api, OWNER);
        const el = await renderEditor(client);
        await fillDetails(
          el,
          'José María',
          'García',
          'jose.garcia@acme.de',
          passwordMode === 'per-user' ? STRONG_PASSWORD : undefined,
        );
        await submit(el);
        expect(text(el)).to.include(en.editor.balance(en.common.credits(1000)));
        await limitCredits(el, '250');
        await grant(el, { tools: ['rank-tracker'], tasks: [] });
        await submit(el);
        const created = oneEvent(el, 'roster-user-created');
        await submit(el);
        const user: User = (await created).detail.user;
        expect(user).to.include({ role: 'specialist', creditLimit: 250, firstName: 'José María' });
        expect(user.access.tools).to.deep.equal(['rank-tracker']);
      });

      it('should create a guest with a task', async () => {
        const testApi = await apiWith({ passwordMode });
        const client = clientFor(testApi.api, OWNER);
        const task = await client.tasks.create({ toolId: 'site-audit', name: 'acme.de relaunch' });
        const el = await renderEditor(client);
        await fillDetails(
          el,
          '小龍',
          '李',
          'bruce.lee@acme.de',
          passwordMode === 'per-user' ? STRONG_PASSWORD : undefined,
        );
        await submit(el);
        await chooseRole(el, 'guest');
        await submit(el);
        expect(stepTitle(el), 'a guest without a task stays on the step').to.equal(en.editor.steps.access);
        expect(errorOf(el, 'access')).to.equal(en.errors.guest_requires_task);
        await grant(el, { tools: [], tasks: [{ toolId: 'site-audit', taskId: task.id }] });
        expect(errorOf(el, 'access')).to.equal(undefined);
        await submit(el);
        const created = oneEvent(el, 'roster-user-created');
        await submit(el);
        const user: User = (await created).detail.user;
        expect(user).to.include({ role: 'guest', firstName: '小龍', lastName: '李' });
        expect(user.access.tasks).to.deep.equal([{ toolId: 'site-audit', taskId: task.id }]);
        expect(text(el)).to.include('小龍 李');
      });
    });
  }
});

describe('<roster-user-editor> create at the seat limit', () => {
  it('should not offer "Add another user" once the new profile took the last seat', async () => {
    const testApi = setupApi({ account: { ...ACCOUNT, seatLimit: 2 } });
    const el = await renderEditor(clientFor(testApi.api, OWNER));
    await fillDetails(el, 'Lea', 'Last', 'lea.last@acme.de');
    await submit(el);
    await submit(el);
    const created = oneEvent(el, 'roster-user-created');
    await submit(el);
    await created;
    await waitFor(() => $(el, '.created'), 'confirmation shown');
    expect(
      exists(el, '.created [part~="actions"] > [part~="button"]:not([part~="button-primary"])'),
      'no seat left for another',
    ).to.equal(false);
    expect(text(el)).to.include(en.errors.seat_limit_reached);
    expect(exists(el, '.created [part~="button-primary"]')).to.equal(true);
    // Once /me counts the new profile, the confirmation still stays as it is.
    await waitFor(() => el.me!.account.seatsUsed === 2, '/me reloaded');
    await el.updateComplete;
    expect(exists(el, '.created')).to.equal(true);
    expect(exists(el, '.created [part~="actions"] > [part~="button"]:not([part~="button-primary"])')).to.equal(false);
  });

  it('should offer "Add another user" while seats are left', async () => {
    const testApi = setupApi({ account: { ...ACCOUNT, seatLimit: 3 } });
    const el = await renderEditor(clientFor(testApi.api, OWNER));
    await fillDetails(el, 'Lea', 'Left', 'lea.left@acme.de');
    await submit(el);
    await submit(el);
    await submit(el);
    await waitFor(() => $(el, '.created'), 'confirmation shown');
    await waitFor(() => el.me!.account.seatsUsed === 2, '/me reloaded');
    await el.updateComplete;
    expect(exists(el, '.created [part~="actions"] > [part~="button"]:not([part~="button-primary"])')).to.equal(true);
  });
});
