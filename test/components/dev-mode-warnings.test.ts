// A host developing with Lit's dev build sees its warnings in the console. Lit warns once per message
// and page, so this file watches console.warn from before the first element renders, in a page of its own.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/panel/roster-panel.js';
import type { RosterPanel } from '../../src/components/panel/panel.js';
import '../../src/components/user-list/roster-user-list.js';
import type { RosterUserList } from '../../src/components/user-list/user-list.js';
import { DEMO_VIEWERS } from '../../src/mock/data.js';
import '../../src/components/user-editor/roster-user-editor.js';
import { OWNER, apiWith, fill, input, renderEditor, stepTitle, submit } from './user-editor-helpers.js';
import { clientFor, setupApi, waitFor } from './helpers.js';
import {
  SPENDER,
  SPENDER_ID,
  createTasks,
  eventRows,
  eventsShown,
  historyRoot,
  renderStats,
  spendingAccount,
} from './user-stats-fixtures.js';

const warnings: string[] = [];
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  warnings.push(args.map(String).join(' '));
  warn(...args);
};
// Every Lit warning but the one that says the dev build is loaded.
const litWarnings = () =>
  warnings.filter((warning) => warning.includes('lit.dev/msg/') && !warning.includes('lit.dev/msg/dev-mode'));

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Scrolls `scroller` to `top` (the end when undefined, again as pages arrive) until `row` is rendered. */
async function scrollTo(scroller: HTMLElement, top: number | undefined, row: () => Element | null | undefined) {
  await waitFor(
    () => {
      scroller.scrollTop = top ?? scroller.scrollHeight;
      return row();
    },
    `row rendered at ${top ?? 'the end'}`,
  );
  await frame();
}

describe('Lit dev-mode warnings', () => {
  beforeEach(() => warnings.splice(0));

  it('should log none while the list renders, scrolls, moves by keyboard and searches', async () => {
    const testApi = setupApi({ data: 'demo', demoUsers: 2000 });
    const el =
      await fixture<RosterUserList>(html`<roster-user-list .client=${clientFor(testApi.api, DEMO_VIEWERS.owner)}
      style="height: 480px"></roster-user-list>`);
    const rows = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.body [role="row"][data-id]')];
    const row = (index: number) => el.shadowRoot!.querySelector(`.body [data-index="${index}"][data-id]`);
    await waitFor(() => rows().length, 'rows rendered');
    await frame();
    const grid = el.shadowRoot!.querySelector<HTMLElement>('[part~="table"]')!;
    await scrollTo(grid, 60 * rows()[0]!.offsetHeight, () => row(60));
    await scrollTo(grid, undefined, () => row(299));
    await scrollTo(grid, 0, () => row(0));
    rows()[0]!.focus();
    rows()[0]!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, composed: true, cancelable: true }),
    );
    await waitFor(() => Number((el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.index) > 1, 'a page down');
    el.query = 'anna';
    await waitFor(
      () => rows().length && rows().every((r) => r.textContent!.toLowerCase().includes('anna')),
      'search results',
    );
    await frame();
    expect(litWarnings(), litWarnings().join('\n')).to.deep.equal([]);
  });

  it('should log none while the events of a user render and scroll', async () => {
    const { testApi, owner } = spendingAccount({ tools: [{ id: 'ping', name: 'Ping', taskCost: 1 }] });
    await createTasks(testApi, SPENDER, 'ping', 250);
    const el = await eventsShown(await renderStats(owner, SPENDER_ID, { tab: 'events' }));
    await frame();
    const body = historyRoot(el).querySelector<HTMLElement>('.table .body')!;
    const row = (index: number) => historyRoot(el).querySelector(`.body [data-index="${index}"][data-id]`);
    await scrollTo(body, 40 * eventRows(el)[0]!.offsetHeight, () => row(40));
    await scrollTo(body, undefined, () => row(249));
    await scrollTo(body, 0, () => row(0));
    el.tab = 'statistics';
    await el.updateComplete;
    el.tab = 'events';
    await waitFor(() => eventRows(el).length, 'events shown again');
    await frame();
    expect(litWarnings(), litWarnings().join('\n')).to.deep.equal([]);
  });

  it('should log none while the panel renders the team and opens the activity of a user', async () => {
    const testApi = setupApi({ data: 'demo' });
    const panel = await fixture<RosterPanel>(html`<roster-panel .client=${clientFor(testApi.api, DEMO_VIEWERS.owner)}
      style="width: 1100px; height: 640px"></roster-panel>`);
    const list = () => panel.shadowRoot!.querySelector<RosterUserList>('roster-user-list')!;
    const row = await waitFor(
      () => list()?.shadowRoot?.querySelectorAll<HTMLElement>('.body [role="row"][data-id]')[3],
      'rows rendered',
    );
    panel.tab = 'activity';
    row.click();
    const stats = await waitFor(() => panel.shadowRoot!.querySelector('roster-user-stats'), 'activity shown');
    await waitFor(() => stats.shadowRoot?.querySelector('.figures:not(.skeleton-figures)'), 'figures shown');
    await frame();
    expect(litWarnings(), litWarnings().join('\n')).to.deep.equal([]);
  });

  it('should log none while the editor leaves a step whose field has focus', async () => {
    const testApi = await apiWith();
    const el = await renderEditor(clientFor(testApi.api, OWNER));
    await fill(el, 'firstName', 'Ada');
    await fill(el, 'lastName', 'Lovelace');
    await fill(el, 'email', 'ada.lovelace@acme.de');
    const first = stepTitle(el);
    // A field not left yet has focus when the step moves on: it leaves the page during that render.
    input(el, 'phone').focus();
    await submit(el);
    await waitFor(() => stepTitle(el) !== first, 'next step shown');
    await frame();
    expect(litWarnings(), litWarnings().join('\n')).to.deep.equal([]);
  });
});
