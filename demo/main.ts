/**
 * The Roster demo: the panel inside a made-up host product ("Nordlicht Analytics"), served by the
 * reference API through msw. The demo bar switches the viewer, the language, the theme, the data
 * set size and injected faults; every choice is kept in the URL (`?as=manager&lang=de&theme=dark`).
 */
import { setupWorker } from 'msw/browser';
import '../src/components/define.js';
import { de } from '../src/components/localize/de.js';
import { en } from '../src/components/localize/en.js';
import type { RosterPanel } from '../src/components/panel/panel.js';
import { createReferenceApi, DEMO_VIEWERS } from '../src/mock/index.js';
import { createRosterClient } from '../src/sdk/index.js';
import {
  type AccountSettings, accountChanged, accountOptions, accountSettingsFromForm, readAccountSettings, setupSignIn, showAccountSettings,
  writeAccountSettings,
} from './sign-in.js';

type Role = keyof typeof DEMO_VIEWERS;
type Lang = 'en' | 'de';

interface DemoSettings extends AccountSettings {
  as: Role;
  lang: Lang;
  theme: 'light' | 'dark' | 'branded';
  users: boolean;
  faults: boolean;
}

const BASE_URL = '/api/roster/v1';
const LARGE_TEAM = 10_000;

const VIEWER_NAMES: Record<Role, [string, string]> = {
  owner: ['Greta Hoffmann', 'GH'],
  manager: ['Jürgen Weiß', 'JW'],
  specialist: ['Sophie Becker', 'SB'],
  guest: ['Emily Carter', 'EC'],
};

// The host page's own strings: the panel localises itself, the made-up product around it does too.
const HOST_STRINGS: Record<Lang, Record<string, string>> = {
  en: {
    'nav.overview': 'Overview', 'nav.rankings': 'Rankings', 'nav.audits': 'Site audits', 'nav.keywords': 'Keywords',
    'nav.reports': 'Reports', 'nav.account': 'Account', 'nav.team': 'Team', 'nav.billing': 'Plan & billing',
    'nav.settings': 'Settings', 'plan.name': 'Enterprise plan', 'plan.renews': 'Renews on 1 December',
    'crumb.settings': 'Account', 'top.help': 'Help', 'page.title': 'Team',
    'page.lead': 'Invite colleagues, give each a role and a credit budget, and decide which tools and tasks they can use.',
  },
  de: {
    'nav.overview': 'Übersicht', 'nav.rankings': 'Rankings', 'nav.audits': 'Site-Audits', 'nav.keywords': 'Keywords',
    'nav.reports': 'Berichte', 'nav.account': 'Konto', 'nav.team': 'Team', 'nav.billing': 'Tarif & Abrechnung',
    'nav.settings': 'Einstellungen', 'plan.name': 'Enterprise-Tarif', 'plan.renews': 'Verlängert sich am 1. Dezember',
    'crumb.settings': 'Konto', 'top.help': 'Hilfe', 'page.title': 'Team',
    'page.lead': 'Lade Kolleginnen und Kollegen ein, gib jedem eine Rolle und ein Credit-Budget und lege fest, welche Tools und Aufgaben sie nutzen dürfen.',
  },
};

const form = document.querySelector<HTMLFormElement>('[data-demo-controls]')!;
const panel = document.querySelector<RosterPanel>('roster-panel')!;
const panelHost = document.querySelector<HTMLElement>('[data-panel-host]')!;

function readSettings(): DemoSettings {
  const params = new URLSearchParams(location.search);
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value as T) ? (value as T) : fallback;
  return {
    as: pick(params.get('as'), ['owner', 'manager', 'specialist', 'guest'], 'owner'),
    lang: pick(params.get('lang'), ['en', 'de'], navigator.language.startsWith('de') ? 'de' : 'en'),
    theme: pick(params.get('theme'), ['light', 'dark', 'branded'], 'light'),
    users: params.get('users') === String(LARGE_TEAM),
    faults: params.get('faults') === '1',
    ...readAccountSettings(params),
  };
}

function writeSettings(settings: DemoSettings) {
  const params = new URLSearchParams();
  if (settings.as !== 'owner') params.set('as', settings.as);
  params.set('lang', settings.lang);
  if (settings.theme !== 'light') params.set('theme', settings.theme);
  if (settings.users) params.set('users', String(LARGE_TEAM));
  if (settings.faults) params.set('faults', '1');
  writeAccountSettings(settings, params);
  history.replaceState(null, '', `?${params}`);
}

function settingsFromForm(): DemoSettings {
  const data = new FormData(form);
  return {
    as: data.get('as') as Role,
    lang: data.get('lang') as Lang,
    theme: data.get('theme') as DemoSettings['theme'],
    users: data.has('users'),
    faults: data.has('faults'),
    ...accountSettingsFromForm(data),
  };
}

function showSettings(settings: DemoSettings) {
  (form.elements.namedItem('as') as HTMLSelectElement).value = settings.as;
  for (const name of ['lang', 'theme'] as const) {
    for (const input of form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) input.checked = input.value === settings[name];
  }
  (form.elements.namedItem('users') as HTMLInputElement).checked = settings.users;
  (form.elements.namedItem('faults') as HTMLInputElement).checked = settings.faults;
  showAccountSettings(form, settings);
}

function applyLook(settings: DemoSettings) {
  document.documentElement.dataset.theme = settings.theme;
  document.documentElement.lang = settings.lang;
  panelHost.lang = settings.lang;
  const strings = HOST_STRINGS[settings.lang];
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = strings[node.dataset.i18n!] ?? node.textContent;
  const [name, initials] = VIEWER_NAMES[settings.as];
  document.querySelector('[data-viewer-name]')!.textContent = name;
  document.querySelector('[data-viewer-role]')!.textContent = { en, de }[settings.lang].roles[settings.as].name;
  document.querySelector('.viewer-chip__avatar')!.textContent = initials;
}

function setStatus(text: string) {
  (form.elements.namedItem('status') as HTMLOutputElement).value = text;
}

const worker = setupWorker();
let current: DemoSettings | undefined;
let api: ReturnType<typeof createReferenceApi> | undefined;

/** Builds the reference API for the data options, and a client acting as the chosen viewer. */
async function connect(settings: DemoSettings, previous: DemoSettings | undefined) {
  const dataChanged = !api || !previous || previous.users !== settings.users || previous.faults !== settings.faults
    || accountChanged(previous, settings);
  if (dataChanged) {
    if (settings.users) {
      setStatus('Generating 10,000 users…');
      // Let the status paint before the generation takes the main thread.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    }
    const started = performance.now();
    api = createReferenceApi({
      data: 'demo',
      demoUsers: settings.users ? LARGE_TEAM : undefined,
      latency: [80, 300],
      faults: settings.faults ? { rate: 0.2 } : undefined,
      account: accountOptions(settings, settings.users ? LARGE_TEAM : undefined),
    });
    worker.resetHandlers(...api.handlers);
    setStatus(settings.users ? `10,000 users generated in ${Math.round(performance.now() - started)} ms` : '');
  }
  const activeApi = api!;
  const viewer = DEMO_VIEWERS[settings.as];
  if (dataChanged || previous?.as !== settings.as) {
    panel.client = createRosterClient({ baseUrl: BASE_URL, getToken: () => activeApi.tokenFor(viewer) });
  }
}

async function apply(settings: DemoSettings) {
  const previous = current;
  current = settings;
  applyLook(settings);
  writeSettings(settings);
  await connect(settings, previous);
}

form.addEventListener('change', () => void apply(settingsFromForm()));
form.addEventListener('submit', (event) => event.preventDefault());

// The worker's URL is relative, so the built demo works from any sub-path of any static host.
await worker.start({ serviceWorker: { url: './mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
setupSignIn(document.querySelector<HTMLFormElement>('[data-signin-form]')!, panel, () => api);
const initial = readSettings();
showSettings(initial);
await apply(initial);
