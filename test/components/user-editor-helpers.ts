/** Driving `<roster-user-editor>` in tests: rendering, typing into fields, stepping, reading messages. */
import { fixture, html } from '@open-wc/testing';
import '../../src/components/user-editor/roster-user-editor.js';
import { RosterChangeEvent } from '../../src/components/events.js';
import type { RosterUserEditor } from '../../src/components/user-editor/user-editor.js';
import type { Access, RosterClient } from '../../src/sdk/index.js';
import { setupApi, waitFor, type ReferenceApiOptions } from './helpers.js';

export const OWNER = 'olivia.owner@acme.de';
export const ACCOUNT = {
  name: 'Acme GmbH',
  emailDomain: 'acme.de',
  seatLimit: 12,
  passwordMode: 'shared' as const,
  credits: 1000,
};
export const STRONG_PASSWORD = 'correct horse battery staple';

export const root = (el: RosterUserEditor) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: RosterUserEditor, selector: string) =>
  root(el).querySelector<T>(selector);
/** Whether `selector` matches in the shadow root (asserting on elements themselves makes slow failure messages). */
export const exists = (el: RosterUserEditor, selector: string) => root(el).querySelector(selector) !== null;
export const text = (el: RosterUserEditor) => root(el).textContent!.replace(/\s+/g, ' ');
export const input = (el: RosterUserEditor, field: string) => $<HTMLInputElement>(el, `[data-field="${field}"]`)!;
export const submitButton = (el: RosterUserEditor) => $<HTMLButtonElement>(el, 'button[type="submit"]')!;

/** A reference API with per-user or shared passwords and one task owned by the owner. */
export async function apiWith(options: Partial<ReferenceApiOptions> & { passwordMode?: 'shared' | 'per-user' } = {}) {
  const { passwordMode = 'shared', ...rest } = options;
  const testApi = setupApi({ account: { ...ACCOUNT, passwordMode }, ...rest });
  return testApi;
}

export async function renderEditor(
  client: RosterClient,
  { userId, locale }: { userId?: string; locale?: string } = {},
) {
  const el = await fixture<RosterUserEditor>(html`<roster-user-editor .client=${client} user-id=${userId ?? ''}
    locale=${locale ?? 'en'}></roster-user-editor>`);
  await waitFor(() => $(el, 'form') || $(el, '[part~="state"][part~="alert"]') || $(el, '.plan-full'), 'editor ready');
  await el.updateComplete;
  return el;
}

/** Types into a field as a person would (input), then leaves it (focusout). */
export async function fill(el: RosterUserEditor, field: string, value: string) {
  const target = input(el, field);
  target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  target.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function check(el: RosterUserEditor, field: string, on: boolean) {
  const target = input(el, field);
  target.checked = on;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function chooseRole(el: RosterUserEditor, role: string) {
  const radio = $<HTMLInputElement>(el, `[data-field="role"][value="${role}"]`)!;
  radio.click();
  await el.updateComplete;
}

export async function limitCredits(el: RosterUserEditor, limit: string | null) {
  $<HTMLInputElement>(el, `[data-field="creditLimited"][value="${limit === null ? 'false' : 'true'}"]`)!.click();
  await el.updateComplete;
  if (limit !== null) await fill(el, 'creditLimit', limit);
}

/** Grants as `<roster-access-grants>` reports them: through its `roster-change` event. */
export async function grant(el: RosterUserEditor, access: Access) {
  const grants = $(el, 'roster-access-grants')!;
  grants.dispatchEvent(new RosterChangeEvent(access));
  await el.updateComplete;
}

export async function submit(el: RosterUserEditor) {
  submitButton(el).click();
  await el.updateComplete;
  // Next on step 1 waits for the server's early check of the details.
  await waitFor(() => !el.checking, 'early check answered');
  await el.updateComplete;
  await el.updateComplete;
}

/** The step heading shown now. */
export const stepTitle = (el: RosterUserEditor) => $(el, '#step-title')?.textContent?.trim();

/** The message next to a field (`firstName`, `allowedIps.1`, `access`), or undefined. */
export const errorOf = (el: RosterUserEditor, field: string) =>
  $(el, `#f-${field.replace(/\./g, '-')}-error`)
    ?.textContent?.replace(/\s+/g, ' ')
    .trim();

/** The form-level message's text: a refusal of the whole form, a full plan, no permission to write. */
export const alertText = (el: RosterUserEditor) =>
  $(el, '[part~="alert"][tabindex="-1"], .plan-full[part~="alert"], form > [part~="note"]')?.textContent?.trim();

export async function fillDetails(el: RosterUserEditor, first: string, last: string, email: string, password?: string) {
  await fill(el, 'firstName', first);
  await fill(el, 'lastName', last);
  await fill(el, 'email', email);
  if (password !== undefined) {
    // Creating with per-user passwords: the owner sets one only after choosing "Set a password now".
    if (!$(el, '[data-field="password"]')) await choosePasswordNow(el, true);
    await fill(el, 'password', password);
  }
}

/** Creating with per-user passwords: "Set a password now" (true) or "They choose their own password" (false). */
export async function choosePasswordNow(el: RosterUserEditor, now: boolean) {
  $<HTMLInputElement>(el, `[data-field="passwordNow"][value="${now}"]`)!.click();
  await el.updateComplete;
}

export const focused = (el: RosterUserEditor) => root(el).activeElement as HTMLElement | null;
