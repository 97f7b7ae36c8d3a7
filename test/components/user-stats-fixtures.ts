/** Shared set-up of the `<roster-user-stats>` tests: an account with a specialist who spends credits. */
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/components/user-stats/roster-user-stats.js';
import type { RosterUserStats } from '../../src/components/user-stats/user-stats.js';
import type { RosterClient, Tool } from '../../src/sdk/index.js';
import { clientFor, setupApi, waitFor, type ReferenceApiOptions, type TestApi } from './helpers.js';

export const OWNER = 'olivia.owner@acme.de';
export const SPENDER = 'sam.spender@acme.de';
export const SPENDER_ID = 'usr_sam';

export interface SpendingAccount {
  testApi: TestApi;
  owner: RosterClient;
  spender: RosterClient;
}

/** The default account plus Sam Spender, a specialist with every tool and the given credit limit. */
export function spendingAccount({
  creditLimit = null,
  credits = 1000,
  tools,
  tasks,
  now,
}: {
  creditLimit?: number | null;
  credits?: number;
  tools?: Tool[];
  tasks?: ReferenceApiOptions['tasks'];
  now?: () => Date;
} = {}): SpendingAccount {
  const options: ReferenceApiOptions = {
    account: { credits },
    tools,
    tasks,
    now,
    users: [
      {
        id: SPENDER_ID,
        firstName: 'Sam',
        lastName: 'Spender',
        email: SPENDER,
        role: 'specialist',
        creditLimit,
        access: {
          tools: (tools ?? [{ id: 'rank-tracker' }, { id: 'site-audit' }, { id: 'keyword-research' }]).map(
            (tool) => tool.id,
          ),
          tasks: [],
        },
      },
    ],
  };
  const testApi = setupApi(options);
  return { testApi, owner: clientFor(testApi.api, OWNER), spender: clientFor(testApi.api, SPENDER) };
}

export const root = (el: RosterUserStats) => el.shadowRoot!;
/** The shadow root of the `<roster-events-history>` in the Events tab. */
export const historyRoot = (el: RosterUserStats) => root(el).querySelector('roster-events-history')!.shadowRoot!;
export const text = (node: Element | ShadowRoot) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The text of the figure labelled `label` (e.g. "Credits spent"). */
export function figure(el: RosterUserStats, label: string): string | undefined {
  const item = [...root(el).querySelectorAll('.figure')].find(
    (node) => text(node.querySelector('dt') ?? node) === label,
  );
  return item ? text(item.querySelector('dd')!) : undefined;
}

export async function renderStats(
  client: RosterClient,
  userId: string,
  attributes: Partial<{ locale: string; tab: string }> = {},
  wrap?: (el: TemplateResult) => TemplateResult,
) {
  const element = html`<roster-user-stats .client=${client} user-id=${userId} locale=${attributes.locale ?? 'en'} tab=${attributes.tab ?? 'statistics'}
    style="width: 900px"></roster-user-stats>`;
  const host = await fixture<HTMLElement>(wrap ? wrap(element) : element);
  return (host.localName === 'roster-user-stats' ? host : host.querySelector('roster-user-stats')!) as RosterUserStats;
}

/** Waits for the figures (and the chart) of the statistics tab. */
export async function statsShown(el: RosterUserStats) {
  await waitFor(
    () =>
      root(el).querySelector('.figures:not(.skeleton-figures)') &&
      root(el).querySelector('[part="chart"], .chart-summary'),
    'figures and chart shown',
  );
  await el.updateComplete;
  return el;
}

/** Waits for the first rows of the events tab. */
export async function eventsShown(el: RosterUserStats) {
  await waitFor(
    () => root(el).querySelector('roster-events-history')?.shadowRoot?.querySelector('.body [role="row"][data-id]'),
    'event rows shown',
  );
  await el.updateComplete;
  return el;
}

export const eventRows = (el: RosterUserStats) => [
  ...historyRoot(el).querySelectorAll<HTMLElement>('.body [role="row"][data-id]'),
];
export const eventRequests = (testApi: TestApi) =>
  testApi.requests.filter((r) => r.method === 'GET' && /^\/users\/[^/]+\/events$/.test(r.path));

/** Local noon `daysAgo` days before today: safe from time-zone edges when grouping by day. */
export function localNoon(daysAgo: number): Date {
  const date = new Date();
  date.setHours(12, 0, 0, 0);
  date.setDate(date.getDate() - daysAgo);
  return date;
}

/** Creates `count` tasks as `email` straight through the reference API (fast, no SDK); returns their ids, oldest first. */
export async function createTasks(
  testApi: TestApi,
  email: string,
  toolId: string,
  count: number,
  name = (i: number) => `Task ${i}`,
) {
  const token = testApi.api.tokenFor(email);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await testApi.api.fetch('/api/roster/v1/tasks', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ toolId, name: name(i) }),
    });
    if (response.status !== 201) throw new Error(`Task ${i}: ${response.status} ${await response.text()}`);
    ids.push(((await response.json()) as { id: string }).id);
  }
  return ids;
}
