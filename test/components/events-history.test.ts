/**
 * `<roster-events-history>` on its own, as a host places it: inside a provider, defined on demand by
 * `import 'rosterkit'` (the autoloader), with the client and the viewer from the provider.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/define.js';
import { de } from '../../src/components/localize/de.js';
import { en } from '../../src/components/localize/english.js';
import type { RosterEventsHistory } from '../../src/components/events-history/events-history.js';
import { clientFor, problemResponse, setupApi, waitFor, type TestApi } from './helpers.js';

const OWNER = 'olivia.owner@acme.de';
const SAM = 'sam.spender@acme.de';
const SAM_ID = 'usr_sam';

/** The default account plus Sam, a specialist of one tool who created the task "Jahresaudit". */
async function samsAccount(): Promise<TestApi> {
  const testApi = setupApi({
    account: { credits: 10_000 },
    tools: [{ id: 'big', name: 'Großes Audit', taskCost: 1234 }],
    now: () => new Date('2026-11-20T10:00:00Z'),
    users: [
      {
        id: SAM_ID,
        firstName: 'Sam',
        lastName: 'Spender',
        email: SAM,
        role: 'specialist',
        creditLimit: null,
        access: { tools: ['big'], tasks: [] },
      },
    ],
  });
  await clientFor(testApi.api, SAM).tasks.create({ toolId: 'big', name: 'Jahresaudit' });
  return testApi;
}

/** The history of Sam alone in a provider, in the language of `lang` around it. */
async function renderHistory(testApi: TestApi, lang: string): Promise<RosterEventsHistory> {
  const host = await fixture<HTMLElement>(html`<div lang=${lang}>
    <roster-provider .client=${clientFor(testApi.api, OWNER)}>
      <roster-events-history user-id=${SAM_ID} style="width: 1000px"></roster-events-history>
    </roster-provider>
  </div>`);
  await waitFor(() => customElements.get('roster-events-history'), 'defined on demand');
  return host.querySelector('roster-events-history')!;
}

const text = (node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
const rows = (el: RosterEventsHistory) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('.body [role="row"][data-id]'),
];

describe('<roster-events-history>', () => {
  it("should list the user's events in the viewer's language, with the client and the viewer of its provider", async () => {
    const testApi = await samsAccount();
    const el = await renderHistory(testApi, 'de');
    await waitFor(() => rows(el).length === 1, 'the event listed');
    const row = rows(el)[0]!;
    expect(text(row.querySelector('.col-type')!)).to.equal(de.stats.types.task_created);
    expect(text(row.querySelector('.col-time')!)).to.match(/^20\.11\.2026, \d\d:00$/);
    expect(text(row.querySelector('.col-description')!)).to.equal('Hat die Aufgabe „Jahresaudit“ erstellt');
    expect(text(row.querySelector('.col-cost')!)).to.equal('1.234');
    // The tool's name comes from the viewer the provider loaded, the task's from the task directory.
    await waitFor(
      () => text(row.querySelector('.col-subject')!) === 'Großes Audit · Jahresaudit',
      'tool and task named',
    );
    expect(text(el.shadowRoot!.querySelector('[part="footer"]')!)).to.include('1 Ereignis');
    expect(text(el.shadowRoot!.querySelector('.total')!)).to.equal('Summe: 1.234 Credits');
    expect(text(el.shadowRoot!.querySelector('[part~="toolbar"] > [part~="button"]')!)).to.equal(de.stats.export);
    expect(el.hasCustomState('loading')).to.equal(false);
    expect(
      testApi.requests.filter((r) => r.path === '/me'),
      'the viewer of the provider, not one of its own',
    ).to.have.length(1);
    // Alone, the export is named after the user's profile.
    const { fileName, count } = await el.buildCsv();
    expect(count).to.equal(1);
    expect(fileName).to.match(/^Sam-Spender-Ereignisse-\d{4}-\d\d-\d\d\.csv$/);
  });

  it('should show the error with Try again when the events request fails, and the events after it', async () => {
    const testApi = await samsAccount();
    const stop = testApi.intercept(
      (r) => r.path === `/users/${SAM_ID}/events`,
      async () => problemResponse(503, 'server_error'),
    );
    const el = await renderHistory(testApi, 'en');
    const error = await waitFor(() => el.shadowRoot!.querySelector('.content [part~="state"][part~="alert"]'), 'error');
    expect(text(error)).to.include(en.errors.server_error);
    expect(rows(el)).to.deep.equal([]);
    const retry = error.querySelector<HTMLButtonElement>('[part~="button"]')!;
    expect(text(retry)).to.equal(en.common.retry);
    stop();
    retry.click();
    await waitFor(() => rows(el).length === 1, 'the event listed after Try again');
    expect(text(rows(el)[0]!.querySelector('.col-description')!)).to.equal('Created the task “Jahresaudit”');
    expect(el.shadowRoot!.querySelector('[part~="alert"]')).to.equal(null);
  });
});
