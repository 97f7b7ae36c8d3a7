/**
 * The Roster demo: the panel inside a made-up host product ("Nordlicht Analytics"), served by the
 * reference API through msw. The demo bar switches the viewer, the language, the theme, the data
 * set size and injected faults; every choice is kept in the URL (`?as=manager&lang=de&theme=dark`).
 *
 * Built in the `server` mode (`npm start`), the same page talks to the real server over HTTP
 * instead: `rosterkit serve --demo` hands out the viewer's token at `POST /dev/token`, and the
 * data switches (10,000 users, faults) give way to a link to the development inbox.
 */
import '../src/components/define.js';
import { availableLocales, catalogFor, loadCatalog } from '../src/components/localize/catalogs.js';
import { directionOf } from '../src/components/localize/localize-controller.js';
import type { RosterPanel } from '../src/components/panel/panel.js';
import { DEMO_VIEWERS } from '../src/mock/data.js';
import { createRosterClient } from '../src/sdk/index.js';
import type { SignInInput, SignInResult } from '../src/core/sign-in.js';
import {
  type AccountSettings,
  accountChanged,
  accountOptions,
  accountSettingsFromForm,
  readAccountSettings,
  setupSignIn,
  showAccountSettings,
  writeAccountSettings,
} from './sign-in.js';

type Role = keyof typeof DEMO_VIEWERS;
/** A language tag as `availableLocales()` lists it, canonical: `en`, `pt-BR`, `en-XA`. */
type Lang = string;

interface DemoSettings extends AccountSettings {
  as: Role;
  lang: Lang;
  theme: 'light' | 'dark' | 'branded';
  users: boolean;
  faults: boolean;
}

declare global {
  interface ImportMeta {
    readonly env: { readonly MODE: string };
  }
}

const BASE_URL = '/api/roster/v1';
/** Replaced at build time, so the other mode's code (msw in the server build) is left out. */
const SERVER = import.meta.env.MODE === 'server';
const LARGE_TEAM = 10_000;

const VIEWER_NAMES: Record<Role, [string, string]> = {
  owner: ['Greta Hoffmann', 'GH'],
  manager: ['Jürgen Weiß', 'JW'],
  specialist: ['Sophie Becker', 'SB'],
  guest: ['Emily Carter', 'EC'],
};

// The host page's own strings: the panel localises itself, the made-up product around it does too.
const HOST_STRINGS: Record<string, Record<string, string>> = {
  en: {
    'nav.overview': 'Overview',
    'nav.rankings': 'Rankings',
    'nav.audits': 'Site audits',
    'nav.keywords': 'Keywords',
    'nav.reports': 'Reports',
    'nav.account': 'Account',
    'nav.team': 'Team',
    'nav.billing': 'Plan & billing',
    'nav.settings': 'Settings',
    'plan.name': 'Enterprise plan',
    'plan.renews': 'Renews on 1 December',
    'crumb.settings': 'Account',
    'top.help': 'Help',
    'page.title': 'Team',
    'page.lead':
      'Invite colleagues, give each a role and a credit budget, and decide which tools and tasks they can use.',
  },
  de: {
    'nav.overview': 'Übersicht',
    'nav.rankings': 'Rankings',
    'nav.audits': 'Site-Audits',
    'nav.keywords': 'Keywords',
    'nav.reports': 'Berichte',
    'nav.account': 'Konto',
    'nav.team': 'Team',
    'nav.billing': 'Tarif & Abrechnung',
    'nav.settings': 'Einstellungen',
    'plan.name': 'Enterprise-Tarif',
    'plan.renews': 'Verlängert sich am 1. Dezember',
    'crumb.settings': 'Konto',
    'top.help': 'Hilfe',
    'page.title': 'Team',
    'page.lead':
      'Lade Kolleginnen und Kollegen ein, gib jedem eine Rolle und ein Credit-Budget und lege fest, welche Tools und Aufgaben sie nutzen dürfen.',
  },
  fr: {
    'nav.overview': 'Vue d’ensemble',
    'nav.rankings': 'Positions',
    'nav.audits': 'Audits de site',
    'nav.keywords': 'Mots-clés',
    'nav.reports': 'Rapports',
    'nav.account': 'Compte',
    'nav.team': 'Équipe',
    'nav.billing': 'Forfait et facturation',
    'nav.settings': 'Paramètres',
    'plan.name': 'Forfait Entreprise',
    'plan.renews': 'Renouvellement le 1er décembre',
    'crumb.settings': 'Compte',
    'top.help': 'Aide',
    'page.title': 'Équipe',
    'page.lead':
      'Invitez vos collègues, donnez à chacun un rôle et un budget de crédits, et choisissez les outils et les tâches qu’ils peuvent utiliser.',
  },
  es: {
    'nav.overview': 'Resumen',
    'nav.rankings': 'Posiciones',
    'nav.audits': 'Auditorías web',
    'nav.keywords': 'Palabras clave',
    'nav.reports': 'Informes',
    'nav.account': 'Cuenta',
    'nav.team': 'Equipo',
    'nav.billing': 'Plan y facturación',
    'nav.settings': 'Configuración',
    'plan.name': 'Plan Enterprise',
    'plan.renews': 'Se renueva el 1 de diciembre',
    'crumb.settings': 'Cuenta',
    'top.help': 'Ayuda',
    'page.title': 'Equipo',
    'page.lead':
      'Invita a tus compañeros, asigna a cada uno un rol y un presupuesto de créditos, y decide qué herramientas y tareas pueden usar.',
  },
  it: {
    'nav.overview': 'Panoramica',
    'nav.rankings': 'Posizionamenti',
    'nav.audits': 'Audit dei siti',
    'nav.keywords': 'Parole chiave',
    'nav.reports': 'Report',
    'nav.account': 'Account',
    'nav.team': 'Team',
    'nav.billing': 'Piano e fatturazione',
    'nav.settings': 'Impostazioni',
    'plan.name': 'Piano Enterprise',
    'plan.renews': 'Si rinnova il 1° dicembre',
    'crumb.settings': 'Account',
    'top.help': 'Aiuto',
    'page.title': 'Team',
    'page.lead':
      'Invita i colleghi, assegna a ciascuno un ruolo e un budget di crediti, e scegli quali strumenti e attività possono usare.',
  },
  pt: {
    'nav.overview': 'Visão geral',
    'nav.rankings': 'Posições',
    'nav.audits': 'Auditorias de site',
    'nav.keywords': 'Palavras-chave',
    'nav.reports': 'Relatórios',
    'nav.account': 'Conta',
    'nav.team': 'Equipe',
    'nav.billing': 'Plano e cobrança',
    'nav.settings': 'Configurações',
    'plan.name': 'Plano Enterprise',
    'plan.renews': 'Renova em 1º de dezembro',
    'crumb.settings': 'Conta',
    'top.help': 'Ajuda',
    'page.title': 'Equipe',
    'page.lead':
      'Convide colegas, dê a cada um uma função e um orçamento de créditos, e decida quais ferramentas e tarefas eles podem usar.',
  },
  nl: {
    'nav.overview': 'Overzicht',
    'nav.rankings': 'Posities',
    'nav.audits': 'Site-audits',
    'nav.keywords': 'Zoekwoorden',
    'nav.reports': 'Rapporten',
    'nav.account': 'Account',
    'nav.team': 'Team',
    'nav.billing': 'Abonnement en facturering',
    'nav.settings': 'Instellingen',
    'plan.name': 'Enterprise-abonnement',
    'plan.renews': 'Wordt verlengd op 1 december',
    'crumb.settings': 'Account',
    'top.help': 'Help',
    'page.title': 'Team',
    'page.lead':
      'Nodig collega’s uit, geef ieder een rol en een creditbudget, en bepaal welke tools en taken ze mogen gebruiken.',
  },
  pl: {
    'nav.overview': 'Przegląd',
    'nav.rankings': 'Pozycje',
    'nav.audits': 'Audyty witryn',
    'nav.keywords': 'Słowa kluczowe',
    'nav.reports': 'Raporty',
    'nav.account': 'Konto',
    'nav.team': 'Zespół',
    'nav.billing': 'Plan i płatności',
    'nav.settings': 'Ustawienia',
    'plan.name': 'Plan Enterprise',
    'plan.renews': 'Odnawia się 1 grudnia',
    'crumb.settings': 'Konto',
    'top.help': 'Pomoc',
    'page.title': 'Zespół',
    'page.lead':
      'Zaproś współpracowników, nadaj każdemu rolę i budżet kredytów oraz zdecyduj, z których narzędzi i zadań mogą korzystać.',
  },
  ja: {
    'nav.overview': '概要',
    'nav.rankings': '順位',
    'nav.audits': 'サイト監査',
    'nav.keywords': 'キーワード',
    'nav.reports': 'レポート',
    'nav.account': 'アカウント',
    'nav.team': 'チーム',
    'nav.billing': 'プランとお支払い',
    'nav.settings': '設定',
    'plan.name': 'Enterprise プラン',
    'plan.renews': '12月1日に更新',
    'crumb.settings': 'アカウント',
    'top.help': 'ヘルプ',
    'page.title': 'チーム',
    'page.lead': '同僚を招待し、それぞれに役割とクレジット予算を割り当て、使えるツールとタスクを決めます。',
  },
  ar: {
    'nav.overview': 'نظرة عامة',
    'nav.rankings': 'الترتيب',
    'nav.audits': 'تدقيق المواقع',
    'nav.keywords': 'الكلمات المفتاحية',
    'nav.reports': 'التقارير',
    'nav.account': 'الحساب',
    'nav.team': 'الفريق',
    'nav.billing': 'الخطة والفوترة',
    'nav.settings': 'الإعدادات',
    'plan.name': 'خطة Enterprise',
    'plan.renews': 'تتجدد في 1 ديسمبر',
    'crumb.settings': 'الحساب',
    'top.help': 'المساعدة',
    'page.title': 'الفريق',
    'page.lead': 'ادعُ زملاءك، وامنح كلًّا منهم دورًا وميزانية من الأرصدة، وحدّد الأدوات والمهام التي يمكنهم استخدامها.',
  },
};

const form = document.querySelector<HTMLFormElement>('[data-demo-controls]')!;

const LANGS: Lang[] = availableLocales()
  .map((tag) => Intl.getCanonicalLocales(tag)[0]!)
  .sort((a, b) => Number(a === 'en-XA') - Number(b === 'en-XA'));

/** A language by its own name ("Deutsch", "日本語", "العربية"); the pseudo-locale by what it is. */
function languageName(tag: Lang): string {
  if (tag === 'en-XA') return 'Pseudo (en-XA)';
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

const langSelect = form.elements.namedItem('lang') as HTMLSelectElement;
langSelect.replaceChildren(
  ...LANGS.map((tag) => {
    const option = new Option(languageName(tag), tag);
    option.lang = tag;
    option.dir = directionOf(tag);
    return option;
  }),
);
const panel = document.querySelector<RosterPanel>('roster-panel')!;
const panelHost = document.querySelector<HTMLElement>('[data-panel-host]')!;

function readSettings(): DemoSettings {
  const params = new URLSearchParams(location.search);
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value as T) ? (value as T) : fallback;
  return {
    as: pick(params.get('as'), ['owner', 'manager', 'specialist', 'guest'], 'owner'),
    lang: pick(params.get('lang'), LANGS, LANGS.find((tag) => navigator.language.startsWith(tag)) ?? 'en'),
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
  langSelect.value = settings.lang;
  for (const name of ['theme'] as const) {
    for (const input of form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`))
      input.checked = input.value === settings[name];
  }
  // Absent in the server build.
  const users = form.elements.namedItem('users') as HTMLInputElement | null;
  const faults = form.elements.namedItem('faults') as HTMLInputElement | null;
  if (users) users.checked = settings.users;
  if (faults) faults.checked = settings.faults;
  if (!SERVER) showAccountSettings(form, settings);
}

function applyLook(settings: DemoSettings) {
  document.documentElement.dataset.theme = settings.theme;
  document.documentElement.lang = settings.lang;
  // Arabic turns the whole page (the host product too) right to left; the panel follows by itself.
  document.documentElement.dir = directionOf(settings.lang);
  panelHost.lang = settings.lang;
  const strings = HOST_STRINGS[settings.lang.split('-')[0]!] ?? HOST_STRINGS.en!;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    node.textContent = strings[node.dataset.i18n!] ?? node.textContent;
  const [name, initials] = VIEWER_NAMES[settings.as];
  document.querySelector('[data-viewer-name]')!.textContent = name;
  const role = document.querySelector('[data-viewer-role]')!;
  const showRole = () => (role.textContent = catalogFor(settings.lang).roles[settings.as].name);
  showRole();
  void loadCatalog(settings.lang)?.then(showRole);
  document.querySelector('.viewer-chip__avatar')!.textContent = initials;
}

function setStatus(text: string) {
  (form.elements.namedItem('status') as HTMLOutputElement).value = text;
}

const worker = SERVER ? null : (await import('msw/browser')).setupWorker();
let current: DemoSettings | undefined;
let api: import('../src/mock/index.js').ReferenceApi | undefined;

/** Builds the reference API for the data options, and a client acting as the chosen viewer. */
async function connect(settings: DemoSettings, previous: DemoSettings | undefined) {
  const dataChanged =
    !api ||
    !previous ||
    previous.users !== settings.users ||
    previous.faults !== settings.faults ||
    accountChanged(previous, settings);
  if (dataChanged) {
    if (settings.users) {
      setStatus('Generating 10,000 users…');
      // Let the status paint before the generation takes the main thread.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    }
    const started = performance.now();
    const { createReferenceApi } = await import('../src/mock/index.js');
    api = createReferenceApi({
      data: 'demo',
      demoUsers: settings.users ? LARGE_TEAM : undefined,
      latency: [80, 300],
      faults: settings.faults ? { rate: 0.2 } : undefined,
      account: accountOptions(settings, settings.users ? LARGE_TEAM : undefined),
    });
    worker!.resetHandlers(...api.handlers);
    setStatus(settings.users ? `10,000 users generated in ${Math.round(performance.now() - started)} ms` : '');
  }
  const activeApi = api!;
  const viewer = DEMO_VIEWERS[settings.as];
  if (dataChanged || previous?.as !== settings.as) {
    panel.client = createRosterClient({ baseUrl: BASE_URL, getToken: () => activeApi.tokenFor(viewer) });
  }
}

/** A token of the demo server for `email`, fetched again shortly before it expires. */
function serverToken(email: string): () => Promise<string> {
  let cached: Promise<{ token: string; until: number }> | undefined;
  const fetchToken = async () => {
    const response = await fetch('/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    if (!response.ok) throw new Error(`/dev/token answered ${response.status}`);
    const { token, expiresIn } = (await response.json()) as { token: string; expiresIn: number };
    return { token, until: Date.now() + (expiresIn - 60) * 1000 };
  };
  return async () => {
    const entry = await (cached ??= fetchToken()).catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    if (entry.until > Date.now()) return entry.token;
    cached = fetchToken();
    return (await cached).token;
  };
}

function connectServer(settings: DemoSettings, previous: DemoSettings | undefined) {
  if (previous?.as === settings.as && panel.client) return;
  panel.client = createRosterClient({ baseUrl: BASE_URL, getToken: serverToken(DEMO_VIEWERS[settings.as]) });
}

/** The real server has its own data: the switches that rebuild the in-browser API go, the inbox comes. */
function adaptBarToServer() {
  for (const name of ['users', 'faults'])
    (form.elements.namedItem(name) as HTMLInputElement).closest('label')!.remove();
  // The server's demo account is what it is: no switching its password mode or seats here.
  form.querySelector('input[name="passwords"]')!.closest('fieldset')!.remove();
  (form.elements.namedItem('seats') as HTMLSelectElement).remove();
  const inbox = document.createElement('a');
  inbox.href = '/dev/inbox';
  inbox.textContent = 'Inbox';
  inbox.target = '_blank';
  inbox.className = 'demo-bar__inbox';
  // CSSOM, not a style attribute: the page's CSP allows no inline styles.
  Object.assign(inbox.style, { color: 'inherit', textUnderlineOffset: '0.2em' });
  form.querySelector('.demo-bar__status')!.before(inbox);
}

async function apply(settings: DemoSettings) {
  const previous = current;
  current = settings;
  applyLook(settings);
  writeSettings(settings);
  if (SERVER) connectServer(settings, previous);
  else await connect(settings, previous);
}

form.addEventListener('change', () => void apply(settingsFromForm()));
form.addEventListener('submit', (event) => event.preventDefault());

if (SERVER) adaptBarToServer();
// The worker's URL is relative, so the built demo works from any sub-path of any static host.
else
  await worker!.start({ serviceWorker: { url: './mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
// The demo's sign-in tries the reference API in the page, or the server's own check through /dev/sign-in.
const signIn = (input: SignInInput): Promise<SignInResult> =>
  SERVER
    ? fetch('/dev/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      }).then((r) => r.json())
    : api!.signIn(input);
setupSignIn(document.querySelector<HTMLFormElement>('[data-signin-form]')!, panel, signIn);
const initial = readSettings();
showSettings(initial);
await apply(initial);
