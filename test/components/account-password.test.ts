// The owner's place for the shared account password in <roster-panel>: owner only, shared mode only;
// a new password is sent once, and after success it is nowhere in the page; a refusal keeps it to amend.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/panel/roster-panel.js';
import { de } from '../../src/components/localize/de.js';
import { en } from '../../src/components/localize/english.js';
import type { RosterPanel } from '../../src/components/panel/panel.js';
import { DEMO_VIEWERS } from '../../src/mock/data.js';
import { allElements } from '../security/guards.js';
import { axeCheck, clientFor, problemResponse, setupApi, waitFor, type TestApi } from './helpers.js';

const NEW_PASSWORD = 'Canary-a91c lantern orchard';
const strings = en.panel.accountPassword;

const root = (panel: RosterPanel) => panel.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(panel: RosterPanel, selector: string) =>
  root(panel).querySelector<T>(selector);
const section = (panel: RosterPanel) => $(panel, '.account-password');
const field = (panel: RosterPanel) => $<HTMLInputElement>(panel, '#account-password')!;
const saveButton = (panel: RosterPanel) => $<HTMLButtonElement>(panel, '.account-password-form [type="submit"]')!;
const sectionText = (panel: RosterPanel) => section(panel)?.textContent?.replace(/\s+/g, ' ') ?? '';

async function renderPanel(testApi: TestApi, viewer: string, lang = 'en') {
  const panel = await fixture<RosterPanel>(html`<roster-panel lang=${lang} .client=${clientFor(testApi.api, viewer)}
    style="width: 1100px; height: 900px"></roster-panel>`);
  await waitFor(
    () =>
      root(panel)
        .querySelector('roster-user-list')
        ?.shadowRoot?.querySelector('.body [role="row"][data-id], [part="state"]'),
    'list rendered',
  );
  await panel.updateComplete;
  return panel;
}

async function type(panel: RosterPanel, value: string) {
  const input = field(panel);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await panel.updateComplete;
}

async function open(panel: RosterPanel) {
  $(panel, '.account-password > [part~="button"]')!.click();
  // The form is loaded on demand: until it is there, both sides would be null.
  await waitFor(() => {
    const input = field(panel);
    return input !== null && root(panel).activeElement === input;
  }, 'focus in the password field');
}

/** The PUT bodies' passwords, answered by `answer` or the API. */
function watchPuts(testApi: TestApi, answer?: () => Response | undefined): string[] {
  const sent: string[] = [];
  testApi.intercept(
    (r) => r.method === 'PUT' && r.path === '/account/password',
    async (request) => {
      sent.push((await request.clone().json()).password);
      return answer?.() ?? testApi.api.fetch(request);
    },
  );
  return sent;
}

/** Where the password shows in the page other than its own field's value. */
function leaks(password: string): string[] {
  const found: string[] = [];
  for (const element of allElements(document)) {
    if (element.shadowRoot?.innerHTML.includes(password)) found.push(`<${element.localName}> shadow root markup`);
    for (const { name, value } of element.attributes)
      if (value.includes(password)) found.push(`<${element.localName}> [${name}]`);
    const control = element as Partial<HTMLInputElement>;
    if (element.id !== 'account-password' && typeof control.value === 'string' && control.value.includes(password))
      found.push(`<${element.localName}>.value`);
  }
  return found;
}

describe('<roster-panel> account password', () => {
  it('should be there for the owner of a shared-password account only', async () => {
    const shared = setupApi({ data: 'demo', account: { passwordMode: 'shared' } });
    const owner = await renderPanel(shared, DEMO_VIEWERS.owner);
    await waitFor(() => section(owner), 'the section for the owner');
    expect(sectionText(owner)).to.include(strings.title).and.include(strings.text);
    // Its styles come with its code, which loads on demand: the section is a bordered block.
    expect(getComputedStyle(section(owner)!).display).to.equal('grid');
    expect(getComputedStyle(section(owner)!).borderBlockStartStyle).to.equal('solid');
    await axeCheck(owner);
    expect(section(await renderPanel(shared, DEMO_VIEWERS.manager)) !== null, 'a manager').to.equal(false);
    expect(
      section(await renderPanel(setupApi({ data: 'demo' }), DEMO_VIEWERS.owner)) !== null,
      'per-user passwords',
    ).to.equal(false);
    const german = await renderPanel(shared, DEMO_VIEWERS.owner, 'de');
    await waitFor(() => section(german), 'the German section');
    expect(sectionText(german)).to.include(de.panel.accountPassword.title).and.include(de.panel.accountPassword.open);
  });

  it('should set a new account password, say so, and keep it nowhere', async () => {
    const testApi = setupApi({ data: 'demo', account: { passwordMode: 'shared' } });
    const sent = watchPuts(testApi);
    const panel = await renderPanel(testApi, DEMO_VIEWERS.owner);
    await waitFor(() => section(panel), 'section');
    await open(panel);
    await type(panel, 'too short');
    saveButton(panel).click();
    await panel.updateComplete;
    expect($(panel, '#account-password-error')!.textContent).to.equal(en.errors.password_too_short);
    expect(sent, 'nothing sent while the password breaks a rule').to.deep.equal([]);
    await type(panel, NEW_PASSWORD);
    expect($(panel, '#account-password-error') !== null, 'the amended password answers it').to.equal(false);
    expect($(panel, '.strength[part~="hint"]')!.textContent).to.include(en.editor.strength.strong);
    expect(getComputedStyle($(panel, '.password-row')!).display, 'the password row styled').to.equal('flex');
    const toggle = $<HTMLButtonElement>(panel, '.password-row [part~="button-icon"]')!;
    toggle.click();
    await panel.updateComplete;
    expect(field(panel).type).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    await axeCheck(panel);
    saveButton(panel).click();
    await waitFor(() => sectionText(panel).includes(strings.saved), 'success shown');
    expect(sent).to.deep.equal([NEW_PASSWORD]);
    expect($(panel, '[role="status"] [data-tone="success"]') !== null, 'in a live region').to.equal(true);
    expect($(panel, '#account-password') !== null, 'the form is gone').to.equal(false);
    await waitFor(
      () => root(panel).activeElement === $(panel, '.account-password > [part~="button"]'),
      'focus back on the button',
    );
    expect(leaks(NEW_PASSWORD)).to.deep.equal([]);
    await axeCheck(panel);
    // Everyone signs in with the new one.
    expect(
      (await testApi.api.signIn({ email: DEMO_VIEWERS.manager, password: NEW_PASSWORD, ip: '198.51.100.7' })).ok,
    ).to.equal(true);
    await open(panel);
    expect(field(panel).value, 'a new form starts empty').to.equal('');
    expect($(panel, '#account-password-error') !== null, 'and quiet until something is typed').to.equal(false);
    expect(sectionText(panel)).to.not.include(strings.saved);
  });

  it('should keep what was typed when the server refuses it, and say why', async () => {
    const testApi = setupApi({ data: 'demo', account: { passwordMode: 'shared' } });
    let answer: (() => Response | undefined) | undefined;
    const sent = watchPuts(testApi, () => answer?.());
    const panel = await renderPanel(testApi, DEMO_VIEWERS.owner);
    await waitFor(() => section(panel), 'section');
    await open(panel);
    // Long enough for the local check, but on every list of common passwords.
    await type(panel, 'password1234');
    saveButton(panel).click();
    await waitFor(() => $(panel, '#account-password-error'), 'refused');
    expect($(panel, '#account-password-error')!.textContent).to.equal(en.errors.password_too_weak);
    expect(field(panel).value, 'kept to amend').to.equal('password1234');
    expect(field(panel).getAttribute('aria-invalid')).to.equal('true');
    expect(sectionText(panel)).to.not.include(strings.saved);

    answer = () => problemResponse(503, 'server_error');
    await type(panel, NEW_PASSWORD);
    saveButton(panel).click();
    await waitFor(() => $(panel, '#account-password-alert'), 'failure shown');
    expect($(panel, '#account-password-alert')!.textContent).to.equal(en.errors.server_error);
    expect(field(panel).value, 'kept for another try').to.equal(NEW_PASSWORD);
    expect(leaks(NEW_PASSWORD), 'only in its own field').to.deep.equal([]);
    await axeCheck(panel);

    answer = undefined;
    saveButton(panel).click();
    await waitFor(() => sectionText(panel).includes(strings.saved), 'saved on the next try');
    expect(sent).to.deep.equal(['password1234', NEW_PASSWORD, NEW_PASSWORD]);
    expect(leaks(NEW_PASSWORD)).to.deep.equal([]);
  });

  it('should drop what was typed on Cancel', async () => {
    const testApi = setupApi({ data: 'demo', account: { passwordMode: 'shared' } });
    const sent = watchPuts(testApi);
    const panel = await renderPanel(testApi, DEMO_VIEWERS.owner);
    await waitFor(() => section(panel), 'section');
    await open(panel);
    await type(panel, NEW_PASSWORD);
    $<HTMLButtonElement>(
      panel,
      '.account-password-form [type="button"]:not(.password-row [part~="button-icon"])',
    )!.click();
    await panel.updateComplete;
    expect($(panel, '#account-password') !== null).to.equal(false);
    expect(sent).to.deep.equal([]);
    await open(panel);
    expect(field(panel).value).to.equal('');
  });
});
