import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/shared-tasks/roster-shared-tasks.js';
import type { RosterSharedTasks } from '../../src/components/shared-tasks/shared-tasks.js';
import { de } from '../../src/components/localize/de.js';
import { en } from '../../src/components/localize/english.js';
import type { SeedTask, SeedUser } from '../../src/mock/index.js';
import type { RosterClient } from '../../src/sdk/index.js';
import { axeCheck, clientFor, problemResponse, setupApi, waitFor } from './helpers.js';

const OWNER = 'olivia.owner@acme.de';
const SAM = 'sam.specialist@acme.de';
const TINA = 'tina.tester@acme.de';

const USERS: SeedUser[] = [
  {
    firstName: 'Sam',
    lastName: 'Specialist',
    email: SAM,
    role: 'specialist',
    access: { tools: ['rank-tracker'], tasks: [{ toolId: 'site-audit', taskId: 'ol-1' }] },
  },
  {
    firstName: 'Tina',
    lastName: 'Tester',
    email: TINA,
    role: 'specialist',
    access: { tools: ['site-audit'], tasks: [] },
  },
];
const TASKS: SeedTask[] = [
  { id: 'ol-1', toolId: 'site-audit', name: 'Olivia audit', ownerId: OWNER, createdAt: '2026-01-01T10:00:00Z' },
  { id: 'sam-1', toolId: 'rank-tracker', name: 'Sam ranking', ownerId: SAM, createdAt: '2026-01-03T10:00:00Z' },
  { id: 'tina-1', toolId: 'site-audit', name: 'Tina audit', ownerId: TINA, createdAt: '2026-01-02T10:00:00Z' },
];

const root = (el: RosterSharedTasks) => el.shadowRoot!;
const text = (el: RosterSharedTasks) => root(el).textContent!.replace(/\s+/g, ' ');
const rows = (el: RosterSharedTasks) => [...root(el).querySelectorAll<HTMLTableRowElement>('tbody tr')];
const cells = (el: RosterSharedTasks) =>
  rows(el).map((row) => [...row.cells].slice(0, 3).map((cell) => cell.textContent!.trim()));

async function render(client: RosterClient) {
  const el = await fixture<RosterSharedTasks>(html`<roster-shared-tasks .client=${client}></roster-shared-tasks>`);
  await waitFor(() => !el.hasCustomState('loading'), 'loaded');
  return el;
}

describe('<roster-shared-tasks>', () => {
  it('should list the tasks other profiles created, newest first, with owner names', async () => {
    const testApi = setupApi({ users: USERS, tasks: TASKS });
    const el = await render(clientFor(testApi.api, OWNER));
    await waitFor(() => text(el).includes('Tina Tester'), 'owner names');
    expect(cells(el)).to.deep.equal([
      ['Sam ranking', 'Rank Tracker', 'Sam Specialist'],
      ['Tina audit', 'Site Audit', 'Tina Tester'],
    ]);
    const taskList = testApi.requests.find((r) => r.path === '/tasks')!;
    expect(taskList.url.searchParams.get('shared')).to.equal('true');
    // The team is loaded once, in one request, for every owner.
    expect(testApi.requests.filter((r) => r.path.startsWith('/users')).length).to.equal(1);
    expect(text(el)).to.include(en.grants.shared.count(2));
  });

  it('should name a tool the account no longer has by its id, with no other element loaded', async () => {
    const retired: SeedTask = {
      id: 'sam-2',
      toolId: 'retired-tool',
      name: 'Old report',
      ownerId: SAM,
      createdAt: '2026-01-04T10:00:00Z',
    };
    const testApi = setupApi({ users: USERS, tasks: [...TASKS, retired] });
    const el = await render(clientFor(testApi.api, OWNER));
    // The owner's name arrives after the task: wait for both.
    await waitFor(
      () => text(el).includes('Old report') && !text(el).includes(en.common.loading),
      'the task of the retired tool and its owner',
    );
    expect(cells(el)[0]).to.deep.equal(['Old report', en.grants.unknownTool('retired-tool'), 'Sam Specialist']);
  });

  it('should show "another user" to a viewer without users:read, without asking for users', async () => {
    const testApi = setupApi({ users: USERS, tasks: TASKS });
    const el = await render(clientFor(testApi.api, SAM));
    expect(cells(el)).to.deep.equal([['Olivia audit', 'Site Audit', en.grants.shared.anotherUser]]);
    expect(testApi.requests.filter((r) => r.path.startsWith('/users'))).to.deep.equal([]);
  });

  it('should filter by tool and say when a tool has no shared tasks', async () => {
    const testApi = setupApi({ users: USERS, tasks: TASKS });
    const el = await render(clientFor(testApi.api, OWNER));
    const select = root(el).querySelector<HTMLSelectElement>('[part~="filter"]')!;
    select.value = 'site-audit';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => rows(el).length === 1, 'filtered');
    expect(el.toolId).to.equal('site-audit');
    expect(testApi.requests.at(-1)!.url.searchParams.get('toolId')).to.equal('site-audit');
    el.toolId = 'keyword-research';
    await waitFor(() => el.hasCustomState('empty'), 'empty');
    expect(text(el)).to.include(en.grants.shared.emptyTitle).and.include(en.grants.shared.emptyToolText);
  });

  it('should page with cursors through "Show more"', async () => {
    const many: SeedTask[] = Array.from({ length: 120 }, (_, i) => ({
      toolId: 'rank-tracker',
      name: `Shared ${i}`,
      ownerId: SAM,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    }));
    const testApi = setupApi({ users: USERS, tasks: many });
    const el = await render(clientFor(testApi.api, OWNER));
    expect(rows(el).length).to.equal(50);
    expect(text(el)).to.include(en.grants.shared.count(120));
    root(el).querySelector<HTMLButtonElement>('[part~="footer"] > [part~="button"]')!.click();
    await waitFor(() => rows(el).length === 100, 'second page');
    const pages = testApi.requests.filter((r) => r.path === '/tasks');
    expect(pages[1].url.searchParams.get('cursor')).to.be.a('string').and.not.equal('');
    root(el).querySelector<HTMLButtonElement>('[part~="footer"] > [part~="button"]')!.click();
    await waitFor(() => rows(el).length === 120, 'last page');
    expect(root(el).querySelector('[part~="footer"] > [part~="button"]')).to.equal(null);
  });

  it('should show an error with a retry', async () => {
    const testApi = setupApi({ users: USERS, tasks: TASKS });
    const stop = testApi.intercept(
      (r) => r.path === '/tasks',
      async () => problemResponse(503, 'server_error'),
    );
    const el = await render(clientFor(testApi.api, OWNER));
    await waitFor(() => el.hasCustomState('error'), 'error');
    expect(text(el)).to.include(en.errors.server_error);
    stop();
    root(el).querySelector<HTMLButtonElement>('[part~="alert"] > [part~="button"]')!.click();
    await waitFor(() => rows(el).length === 2, 'retried');
  });

  it('should look an owner up again when the list reloads after the lookup failed, but not one who is gone', async () => {
    const testApi = setupApi({
      users: [
        { ...USERS[0], id: 'usr_sam' },
        { ...USERS[1], id: 'usr_tina' },
      ],
      tasks: TASKS,
    });
    const lookups = () =>
      ['usr_sam', 'usr_tina'].map((id) => testApi.requests.filter((r) => r.path === `/users/${id}`).length);
    // Without the team, each owner is looked up alone: Sam's lookup fails for now, Tina's profile is gone.
    const stopTeam = testApi.intercept(
      (r) => r.path === '/users',
      async () => problemResponse(503, 'server_error'),
    );
    const stopSam = testApi.intercept(
      (r) => r.path === '/users/usr_sam',
      async () => problemResponse(503, 'server_error'),
    );
    testApi.intercept(
      (r) => r.path === '/users/usr_tina',
      async () => problemResponse(404, 'not_found'),
    );
    const el = await render(clientFor(testApi.api, OWNER));
    await waitFor(() => cells(el).every(([, , owner]) => owner === en.grants.shared.anotherUser), 'lookups failed');
    await el.updateComplete;
    // Rendering the failure does not ask again.
    expect(lookups()).to.deep.equal([1, 1]);
    stopTeam();
    stopSam();
    const select = root(el).querySelector<HTMLSelectElement>('[part~="filter"]')!;
    select.value = 'rank-tracker';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => text(el).includes('Sam Specialist'), 'name after the reload');
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => rows(el).length === 2, 'all tools again');
    expect(cells(el)).to.deep.equal([
      ['Sam ranking', 'Rank Tracker', 'Sam Specialist'],
      ['Tina audit', 'Site Audit', en.grants.shared.anotherUser],
    ]);
    expect(lookups()).to.deep.equal([2, 1]);
  });

  it('should be accessible in light and dark, and speak German', async () => {
    const testApi = setupApi({ users: USERS, tasks: TASKS });
    const light = await render(clientFor(testApi.api, OWNER));
    await waitFor(() => text(light).includes('Tina Tester'), 'names');
    await axeCheck(light);
    const wrapper =
      await fixture<HTMLDivElement>(html`<div lang="de" style="color-scheme: dark; background: #000; color: #fff">
      <roster-shared-tasks .client=${clientFor(testApi.api, OWNER)}></roster-shared-tasks></div>`);
    const dark = wrapper.querySelector('roster-shared-tasks')!;
    await waitFor(() => text(dark).includes('Tina Tester'), 'dark names');
    await axeCheck(dark);
    expect(text(dark))
      .to.include(de.grants.shared.columns.owner)
      .and.include(de.grants.shared.count(2))
      .and.include(de.grants.shared.allTools);
    expect(root(dark).querySelector('time')!.textContent).to.match(/\d{2}\.\d{2}\.\d{4}/);
  });
});
