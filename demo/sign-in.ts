/**
 * The demo bar's account switches (password mode, free seats) and its "Try a sign-in" form, kept
 * apart from main.ts: the form answers as the host's login would, through the reference API's
 * `signIn` (password, verification, allowed IPs, throttling), and the IP typed there is what the
 * panel's editor shows as "Your current IP".
 */
import type { RosterPanel } from '../src/components/panel/panel.js';
import { DEMO_PASSWORD, type ReferenceApi } from '../src/mock/index.js';

export interface AccountSettings {
  passwords: 'per-user' | 'shared';
  /** `one`: one seat left (the demo's default); `none`: every seat taken; `ten`: ten left. */
  seats: 'one' | 'none' | 'ten';
}

const SEATS_FREE = { one: 1, none: 0, ten: 10 } as const;

export function readAccountSettings(params: URLSearchParams): AccountSettings {
  return {
    passwords: params.get('passwords') === 'shared' ? 'shared' : 'per-user',
    seats: (['none', 'ten'] as const).find((seats) => seats === params.get('seats')) ?? 'one',
  };
}

export function writeAccountSettings(settings: AccountSettings, params: URLSearchParams): void {
  if (settings.passwords !== 'per-user') params.set('passwords', settings.passwords);
  if (settings.seats !== 'one') params.set('seats', settings.seats);
}

export function accountSettingsFromForm(data: FormData): AccountSettings {
  return {
    passwords: data.get('passwords') as AccountSettings['passwords'],
    seats: data.get('seats') as AccountSettings['seats'],
  };
}

export function showAccountSettings(form: HTMLFormElement, settings: AccountSettings): void {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="passwords"]'))
    input.checked = input.value === settings.passwords;
  (form.elements.namedItem('seats') as HTMLSelectElement).value = settings.seats;
}

export const accountChanged = (a: AccountSettings | undefined, b: AccountSettings) =>
  a?.passwords !== b.passwords || a.seats !== b.seats;

/** The people of the demo data without generated colleagues (src/mock/data.ts, TEAM). */
export const CORE_TEAM = 11;

/** The reference API's `account` options for the demo data of `profiles` people. */
export function accountOptions(settings: AccountSettings, profiles = CORE_TEAM) {
  return { passwordMode: settings.passwords, seatLimit: profiles + SEATS_FREE[settings.seats] };
}

const REASONS = {
  invalid_credentials: 'Refused: the email or the password is wrong (or the person has not chosen a password yet).',
  not_verified: 'Refused: the profile is not verified yet; its verification link has not been followed.',
  ip_not_allowed: "Refused: this profile's allowed IPs do not include this address.",
  rate_limited: 'Refused: too many failed attempts for this email or IP. Try again in 15 minutes.',
} as const;

/**
 * Wires the "Try a sign-in" form to whichever reference API is current (the in-browser demo's) and
 * hands its IP to the panel as the viewer's current IP.
 */
export function setupSignIn(form: HTMLFormElement, panel: RosterPanel, signIn: ReferenceApi['signIn']): void {
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const result = form.querySelector<HTMLOutputElement>('output')!;
  for (const node of form.querySelectorAll('[data-demo-password]')) node.textContent = DEMO_PASSWORD;
  field('password').value = DEMO_PASSWORD;
  const shareIp = () => (panel.clientIp = field('ip').value.trim() || undefined);
  shareIp();
  field('ip').addEventListener('change', shareIp);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    result.value = 'Checking…';
    const answer = await signIn({
      email: field('email').value,
      password: field('password').value,
      ip: field('ip').value.trim(),
    });
    result.dataset.ok = String(answer.ok);
    result.value = answer.ok
      ? `Signed in: ${answer.user.firstName} ${answer.user.lastName} (${answer.user.role}). A "Signed in" event was recorded in their activity.`
      : REASONS[answer.reason];
  });
}
