import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/access-grants/roster-access-grants.js';
import type { RosterAccessGrants } from '../../src/components/access-grants/access-grants.js';
import { de } from '../../src/components/localize/de.js';
import { en } from '../../src/components/localize/english.js';
import type { RosterChangeEvent } from '../../src/components/events.js';
import { DEMO_VIEWERS } from '../../src/mock/data.js';
import type { SeedTask, SeedUser } from '../../src/mock/index.js';
import type { Access, Role, RosterClient } from '../../src/sdk/index.js';
import {
  axeCheck,
  clientFor,
  hang,
  outside,
  problemResponse,
  settled,
  setupApi,
  waitFor,
  type TestApi,
} from './helpers.js';

const OWNER = 'olivia.owner@acme.de';
const SPECIALIST = 'sam.specialist@acme.de';
const GUEST = 'gina.guest@acme.de';
const MANAGER = 'mona.manager@acme.de';
const RANK_TASKS = 1500;

const rankTask = (i: number) => `rt-${String(i).padStart(4, '0')}`;
const TASKS: SeedTask[] = [
  ...Array.from({ length: RANK_TASKS }, (_, i) => ({
    id: rankTask(i),
    toolId: 'rank-tracker',
    name: `Project ${String(i).padStart(4, '0')}`,
    ownerId: OWNER,
  })),
  { id: 'sa-1', toolId: 'site-audit', name: 'Shop audit', ownerId: OWNER },
  { id: 'sa-2', toolId: 'site-audit', name: 'Blog audit', ownerId: OWNER },
];
const USERS: SeedUser[] = [
  {
    firstName: 'Sam',
    lastName: 'Specialist',
    email: SPECIALIST,
    role: 'specialist',
    access: {
      tools: ['rank-tracker'],
      tasks: [
        { toolId: 'rank-tracker', taskId: rankTask(2) },
        { toolId: 'site-audit', taskId: 'sa-1' },
      ],
    },
  },
  {
    firstName: 'Gina',
    lastName: 'Guest',
    email: GUEST,
    role: 'guest',
    access: { tools: [], tasks: [{ toolId: 'rank-tracker', taskId: rankTask(1) }] },
  },
  {
    firstName: 'Mona',
    lastName: 'Manager',
    email: MANAGER,
    role: 'manager',
    access: { tools: ['site-audit'], tasks: [{ toolId: 'site-audit', taskId: 'sa-2' }] },
  },
];

const setup = () => setupApi({ users: USERS, tasks: TASKS });
const root = (el: RosterAccessGrants) => el.shadowRoot!;
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const $ = <T extends Element = HTMLElement>(el: RosterAccessGrants, selector: string) =>
  root(el).querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: RosterAccessGrants, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];
const checkbox = (el: RosterAccessGrants, toolId: string) => $<HTMLInputElement>(el, `input[data-tool-id="${toolId}"]`);
const search = (el: RosterAccessGrants) => $<HTMLInputElement>(el, '#task-search');
const options = (el: RosterAccessGrants) => $$(el, '[role="option"][data-index]');
const grantedNames = (el: RosterAccessGrants) => $$(el, '.task .task-name').map((n) => n.textContent!.trim());
const taskRequests = (api: TestApi, toolId = 'rank-tracker') =>
  api.requests.filter((r) => r.path === `/tools/${toolId}/tasks`);
const searchRequests = (api: TestApi) => taskRequests(api).filter((r) => r.url.searchParams.get('limit') === '50');

async function userId(client: RosterClient, email: string) {
  const page = await client.users.list({ q: email });
  return page.items[0].id;
}

async function renderControl(client: RosterClient, value: Access, role: Role = 'specialist') {
  const el = await fixture<RosterAccessGrants>(
    html`<roster-access-grants .client=${client} .value=${value} .role=${role}></roster-access-grants>`,
  );
  await waitFor(() => !el.hasCustomState('loading'), 'viewer loaded');
  await el.updateComplete;
  return el;
}

function typeSearch(el: RosterAccessGrants, value: string) {
  const input = search(el);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const changes = (el: RosterAccessGrants) => {
  const seen: Access[] = [];
  el.addEventListener('roster-change', (event) => seen.push((event as RosterChangeEvent<Access>).detail.value));
  return seen;
};

describe('<roster-access-grants>', () => {
  describe('tools', () => {
    it('should offer every tool with its credit cost per task, and grant and revoke them', async () => {
      const { api } = setup();
      const el = await renderControl(clientFor(api, OWNER), { tools: ['site-audit'], tasks: [] });
      const seen = changes(el);
      expect(text(el))
        .to.include('Rank Tracker')
        .and.include(en.grants.perTask(en.common.credits(10)));
      expect(text(el)).to.include(en.grants.perTask(en.common.credits(25)));
      expect(checkbox(el, 'site-audit').checked).to.equal(true);
      expect(checkbox(el, 'rank-tracker').checked).to.equal(false);
      checkbox(el, 'rank-tracker').click();
      expect(seen.at(-1)!.tools).to.have.members(['site-audit', 'rank-tracker']);
      checkbox(el, 'site-audit').click();
      expect(seen.at(-1)!.tools).to.deep.equal(['rank-tracker']);
      expect(el.value.tools).to.deep.equal(['rank-tracker']);
    });

    it('should grant all tools and none', async () => {
      const { api } = setup();
      const el = await renderControl(clientFor(api, OWNER), { tools: [], tasks: [] });
      const seen = changes(el);
      $(el, '.bulk > [part~="button"]:first-child').click();
      expect(seen.at(-1)!.tools).to.deep.equal(['rank-tracker', 'site-audit', 'keyword-research']);
      await el.updateComplete;
      expect($$<HTMLInputElement>(el, 'input[data-tool-id]').every((box) => box.checked)).to.equal(true);
      $(el, '.bulk > [part~="button"]:last-child').click();
      expect(seen.at(-1)!.tools).to.deep.equal([]);
      await el.updateComplete;
      expect($$<HTMLInputElement>(el, 'input[data-tool-id]').some((box) => box.checked)).to.equal(false);
    });
  });

  describe('tasks', () => {
    it('should list granted tasks by tool, with names resolved through the API', async () => {
      const testApi = setup();
      const el = await renderControl(clientFor(testApi.api, OWNER), {
        tools: [],
        tasks: [
          { toolId: 'site-audit', taskId: 'sa-1' },
          { toolId: 'rank-tracker', taskId: rankTask(2) },
        ],
      });
      await waitFor(
        () => grantedNames(el).every((name) => name.startsWith('Project') || name.endsWith('audit')),
        'names resolved',
      );
      const groups = $$(el, '.task-group').map((group) => group.querySelector('.group-title')!.textContent!.trim());
      expect(groups).to.deep.equal(['Rank Tracker', 'Site Audit']);
      expect(grantedNames(el)).to.deep.equal(['Project 0002', 'Shop audit']);
      // The lookup stops at the first page that holds every wanted id.
      expect(taskRequests(testApi).length).to.equal(1);
      expect(taskRequests(testApi)[0].url.searchParams.get('limit')).to.equal('200');
    });

    it('should show a placeholder while names load and say when a task no longer exists', async () => {
      const testApi = setup();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      testApi.intercept(
        (r) => r.path === '/tools/site-audit/tasks',
        async (request) => {
          await gate;
          return testApi.api.fetch(request);
        },
      );
      const el = await renderControl(clientFor(testApi.api, OWNER), {
        tools: [],
        tasks: [
          { toolId: 'site-audit', taskId: 'sa-gone' },
          { toolId: 'site-audit', taskId: 'sa-2' },
        ],
      });
      expect($$(el, '.task .skeleton').length).to.equal(2);
      expect(text(el)).to.include(en.grants.taskLoading);
      release();
      await waitFor(() => $(el, '.task.missing'), 'missing task shown');
      expect($(el, '.task.missing').textContent).to.include(en.grants.taskMissing).and.include('sa-gone');
      expect(grantedNames(el)[1]).to.equal('Blog audit');
    });

    it('should show names that arrive after the element moved in the page', async () => {
      const testApi = setup();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      testApi.intercept(
        (r) => r.path === '/tools/site-audit/tasks',
        async (request) => {
          await gate;
          return testApi.api.fetch(request);
        },
      );
      const el = await renderControl(clientFor(testApi.api, OWNER), {
        tools: [],
        tasks: [{ toolId: 'site-audit', taskId: 'sa-2' }],
      });
      expect($$(el, 'li.task .skeleton').length).to.equal(1);
      // A host re-parenting the element (a dialog, a tab) while the lookup is in flight.
      const elsewhere = document.createElement('div');
      el.parentElement!.append(elsewhere);
      elsewhere.append(el);
      release();
      await waitFor(() => grantedNames(el)[0] === 'Blog audit', 'name shown');
    });

    it('should remove a granted task and move focus to the next remove button', async () => {
      const { api } = setup();
      const el = await renderControl(clientFor(api, OWNER), {
        tools: [],
        tasks: [
          { toolId: 'site-audit', taskId: 'sa-1' },
          { toolId: 'site-audit', taskId: 'sa-2' },
        ],
      });
      await waitFor(() => grantedNames(el).includes('Shop audit'), 'names');
      const seen = changes(el);
      const remove = $(el, '.task [part~="button-icon"][data-task-id="sa-1"]');
      expect(remove.getAttribute('aria-label')).to.equal(en.grants.removeLabel('\u2068Shop audit\u2069'));
      remove.click();
      expect(seen.at(-1)!.tasks).to.deep.equal([{ toolId: 'site-audit', taskId: 'sa-2' }]);
      await el.updateComplete;
      await waitFor(
        () => root(el).activeElement?.getAttribute('data-task-id') === 'sa-2',
        'focus on the next remove button',
      );
      expect(text(el)).to.include(en.grants.removed('Shop audit'));
    });

    it('should search the chosen tool on the server, debounced, and add several tasks', async () => {
      const testApi = setup();
      const el = await renderControl(clientFor(testApi.api, OWNER), { tools: [], tasks: [] });
      const seen = changes(el);
      const select = $<HTMLSelectElement>(el, '#task-tool');
      select.value = 'site-audit';
      select.dispatchEvent(new Event('change'));
      typeSearch(el, 'a');
      typeSearch(el, 'au');
      typeSearch(el, 'audit');
      await waitFor(() => options(el).length === 2, 'two results');
      const requests = taskRequests(testApi, 'site-audit').filter((r) => r.url.searchParams.get('limit') === '50');
      expect(requests.map((r) => r.url.searchParams.get('q'))).to.deep.equal(['audit']);
      options(el)[0].click();
      await el.updateComplete;
      options(el)[1].click();
      await el.updateComplete;
      expect(seen.at(-1)!.tasks.map((ref) => ref.taskId)).to.deep.equal(['sa-2', 'sa-1']);
      expect(options(el).map((o) => o.getAttribute('aria-selected'))).to.deep.equal(['true', 'true']);
      expect(grantedNames(el)).to.deep.equal(['Blog audit', 'Shop audit']);
      // Choosing a granted option again revokes it.
      options(el)[0].click();
      expect(seen.at(-1)!.tasks.map((ref) => ref.taskId)).to.deep.equal(['sa-1']);
    });

    it('should page through thousands of tasks as the listbox scrolls, with cursors', async () => {
      const testApi = setup();
      const el = await renderControl(clientFor(testApi.api, OWNER), { tools: [], tasks: [] });
      typeSearch(el, 'Project');
      await waitFor(() => options(el).length === 50, 'first page');
      expect(searchRequests(testApi)[0].url.searchParams.get('cursor')).to.equal(null);
      const listbox = $(el, '[role="listbox"]');
      listbox.scrollTop = listbox.scrollHeight;
      listbox.dispatchEvent(new Event('scroll'));
      await waitFor(() => options(el).length === 100, 'second page');
      const second = searchRequests(testApi)[1];
      expect(second.url.searchParams.get('cursor')).to.be.a('string').and.not.equal('');
      expect(second.url.searchParams.get('q')).to.equal('Project');
      expect(text(el)).to.include(en.grants.results(RANK_TASKS));
    });

    it('should abort a stale search when the text changes', async () => {
      const testApi = setup();
      testApi.intercept((r) => r.path === '/tools/rank-tracker/tasks' && r.url.searchParams.get('q') === 'Proj', hang);
      const el = await renderControl(clientFor(testApi.api, OWNER), { tools: [], tasks: [] });
      typeSearch(el, 'Proj');
      const stale = await waitFor(
        () => searchRequests(testApi).find((r) => r.url.searchParams.get('q') === 'Proj'),
        'first search sent',
      );
      expect(text(el)).to.include(en.grants.searching);
      typeSearch(el, 'Project 1499');
      await waitFor(() => options(el).length > 0, 'second search answered');
      expect(stale.signal.aborted).to.equal(true);
      expect(options(el).map((o) => o.textContent!.trim())).to.deep.equal(['Project 1499']);
    });

    it('should say when nothing matches', async () => {
      const { api } = setup();
      const el = await renderControl(clientFor(api, OWNER), { tools: [], tasks: [] });
      typeSearch(el, 'zzz');
      await waitFor(() => text(el).includes(en.grants.noMatches), 'no matches');
      expect(search(el).getAttribute('aria-expanded')).to.equal('false');
    });
  });

  describe('combobox keyboard', () => {
    it('should follow the WAI-ARIA combobox pattern', async () => {
      const { api } = setup();
      const el = await renderControl(clientFor(api, OWNER), { tools: [], tasks: [] });
      const seen = changes(el);
      const input = search(el);
      expect(input.getAttribute('role')).to.equal('combobox');
      expect(input.getAttribute('aria-controls')).to.equal('task-listbox');
      expect(root(el).getElementById('task-listbox')!.getAttribute('role')).to.equal('listbox');
      input.focus();
      // One key at a time: WebKitGTK's WebDriver drops a repeated key within one typed string.
      for (const key of 'Project 000') await sendKeys({ type: key });
      // 0000–0009 and 1000
      await waitFor(() => options(el).length === 11, 'results');
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      const active = () => {
        const id = input.getAttribute('aria-activedescendant');
        return id ? root(el).getElementById(id) : null;
      };
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(active()!.textContent!.trim()).to.equal('Project 0000');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(active()!.textContent!.trim()).to.equal('Project 0001');
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(active()!.textContent!.trim()).to.equal('Project 1000');
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(active()!.textContent!.trim()).to.equal('Project 0000');
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(active()!.textContent!.trim()).to.equal('Project 0000');
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(seen.at(-1)!.tasks.map((ref) => ref.taskId)).to.deep.equal([rankTask(0), rankTask(1)]);
      expect(active()!.getAttribute('aria-selected')).to.equal('true');
      expect(root(el).activeElement).to.equal(input);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
      // ↓ on a closed combobox opens it on the first option.
      await sendKeys({ press: 'ArrowDown' });
      await waitFor(() => active()?.textContent!.trim() === 'Project 0000', 'reopened on the first option');
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(input.value).to.equal('');
    });
  });

  describe('failed search', () => {
    it('should announce a failed search and let the keyboard search again: reopening, or Tab to "Try again"', async () => {
      const testApi = setup();
      const stop = testApi.intercept(
        (r) => r.path === '/tools/rank-tracker/tasks',
        async () => problemResponse(500, 'internal'),
      );
      const el = await renderControl(clientFor(testApi.api, OWNER), { tools: [], tasks: [] });
      const status = $(el, '[part~="field"]:has(> .combobox-anchor) [role="status"]');
      const error = () => $(el, '[part~="field"]:has(> .combobox-anchor) [part~="alert"]');
      typeSearch(el, 'Project 1499');
      await waitFor(() => error()?.textContent!.includes(en.errors.server_error), 'failure shown');
      expect(error().getAttribute('role'), 'and announced').to.equal('alert');
      expect(searchRequests(testApi)).to.have.length(1);

      // Closed and opened again with the same text: the search is sent again.
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(Boolean(error()), 'the failure stays in view').to.equal(true);
      await sendKeys({ press: 'ArrowDown' });
      await waitFor(() => searchRequests(testApi).length === 2, 'searched again on ↓');

      // Tab closes the popup but reaches "Try again", which searches again and puts focus back in the field.
      await waitFor(() => error(), 'failed again');
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      const retry = error()!.querySelector('[part~="button"]')!;
      expect(retry.textContent!.trim()).to.equal(en.common.retry);
      expect(root(el).activeElement, 'on "Try again"').to.equal(retry);
      stop();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => options(el).length === 1, 'results');
      expect(searchRequests(testApi)).to.have.length(3);
      expect(root(el).activeElement?.id, 'back in the field').to.equal('task-search');
      expect(search(el).getAttribute('aria-expanded')).to.equal('true');
      expect(Boolean(error())).to.equal(false);
      expect(status.textContent!.trim()).to.equal(en.grants.results(1));
    });
  });

  describe('roles', () => {
    it('should replace the controls for a manager and keep the stored grants', async () => {
      const { api } = setup();
      const stored: Access = { tools: ['site-audit'], tasks: [{ toolId: 'site-audit', taskId: 'sa-2' }] };
      const el = await renderControl(clientFor(api, OWNER), stored, 'manager');
      expect(text(el)).to.include(en.grants.managerNote);
      expect($$(el, 'input').length).to.equal(0);
      expect(el.value).to.deep.equal(stored);
      el.role = 'specialist';
      await el.updateComplete;
      expect(checkbox(el, 'site-audit').checked).to.equal(true);
    });

    it("should keep a guest's last task and say why, and say what a guest grant means", async () => {
      const { api } = setup();
      const el = await renderControl(
        clientFor(api, OWNER),
        { tools: [], tasks: [{ toolId: 'site-audit', taskId: 'sa-1' }] },
        'guest',
      );
      const seen = changes(el);
      expect(text(el)).to.include(en.grants.guestNote);
      await waitFor(() => grantedNames(el).includes('Shop audit'), 'names');
      $(el, '.task [part~="button-icon"]').click();
      await el.updateComplete;
      expect(seen).to.deep.equal([]);
      expect(el.value.tasks.length).to.equal(1);
      expect($(el, '[role="alert"]').textContent).to.include(en.grants.guestNeedsTask);
      expect(el.checkValidity()).to.equal(true);
      el.value = { tools: [], tasks: [] };
      expect(el.checkValidity()).to.equal(false);
    });
  });

  describe('standalone', () => {
    async function renderStandalone(client: RosterClient, id: string) {
      const el = await fixture<RosterAccessGrants>(
        html`<roster-access-grants .client=${client} user-id=${id}></roster-access-grants>`,
      );
      await waitFor(() => !el.hasCustomState('loading'), 'user loaded');
      await el.updateComplete;
      return el;
    }
    const saveButton = (el: RosterAccessGrants) =>
      $<HTMLButtonElement>(el, '[part~="actions"] [part~="button-primary"]');

    it('should load the user and save its access with the version it loaded', async () => {
      const testApi = setup();
      const owner = clientFor(testApi.api, OWNER);
      const id = await userId(owner, SPECIALIST);
      let ifMatch: string | null = null;
      testApi.intercept(
        (r) => r.method === 'PATCH',
        (request) => {
          ifMatch = request.headers.get('if-match');
          return testApi.api.fetch(request);
        },
      );
      const el = await renderStandalone(owner, id);
      expect(checkbox(el, 'rank-tracker').checked).to.equal(true);
      expect(saveButton(el).disabled).to.equal(true);
      checkbox(el, 'keyword-research').click();
      await el.updateComplete;
      expect(el.hasCustomState('dirty')).to.equal(true);
      expect(saveButton(el).disabled).to.equal(false);
      const saved = oneEvent(el, 'roster-grants-changed');
      saveButton(el).click();
      const { detail } = await saved;
      expect(ifMatch).to.equal('"1"');
      expect(detail.access.tools).to.have.members(['rank-tracker', 'keyword-research']);
      expect((await owner.users.get(id)).access.tools).to.have.members(['rank-tracker', 'keyword-research']);
      await el.updateComplete;
      expect(el.hasCustomState('dirty')).to.equal(false);
      expect(text(el)).to.include(en.grants.saved);
    });

    it("should refuse to overwrite a profile changed elsewhere (412) and reload with the viewer's changes on top", async () => {
      const testApi = setup();
      const owner = clientFor(testApi.api, OWNER);
      const elsewhere = clientFor(testApi.api, OWNER);
      const id = await userId(owner, SPECIALIST);
      const el = await renderStandalone(owner, id);
      let fired = false;
      el.addEventListener('roster-grants-changed', () => (fired = true));
      checkbox(el, 'site-audit').click();
      await elsewhere.users.update(id, { access: { tools: ['keyword-research'], tasks: [] } });
      const patches = () => testApi.requests.filter((r) => r.method === 'PATCH').length;
      const before = patches();
      await el.updateComplete;
      saveButton(el).click();
      const conflict = await waitFor(() => root(el).querySelector('.conflict'), 'conflict shown');
      expect(conflict.textContent).to.include(en.grants.conflict);
      expect(patches()).to.equal(before + 1);
      expect((await owner.users.get(id)).access.tools).to.deep.equal(['keyword-research']);
      expect(fired).to.equal(false);
      expect(saveButton(el).disabled).to.equal(true);
      $(el, '.conflict [part~="button"]:not([part~="button-primary"])').click();
      await waitFor(
        () => !root(el).querySelector('.conflict') && checkbox(el, 'keyword-research')?.checked,
        'reloaded',
      );
      // Their removal of rank-tracker holds; the viewer's site-audit is still there, unsaved.
      expect(checkbox(el, 'rank-tracker').checked).to.equal(false);
      expect(checkbox(el, 'site-audit').checked).to.equal(true);
      expect(el.value).to.deep.equal({ tools: ['keyword-research', 'site-audit'], tasks: [] });
      expect(el.hasCustomState('dirty')).to.equal(true);
      const saved = oneEvent(el, 'roster-grants-changed');
      saveButton(el).click();
      await saved;
      expect((await owner.users.get(id)).access.tools).to.deep.equal(['keyword-research', 'site-audit']);
    });

    it('should show field errors of a refused save next to the task', async () => {
      const testApi = setupApi({
        users: [
          {
            firstName: 'Una',
            lastName: 'Known',
            email: 'una.known@acme.de',
            role: 'specialist',
            access: {
              tools: [],
              tasks: [
                { toolId: 'site-audit', taskId: 'sa-1' },
                { toolId: 'site-audit', taskId: 'sa-gone' },
              ],
            },
          },
        ],
        tasks: TASKS.slice(-2),
      });
      const owner = clientFor(testApi.api, OWNER);
      const el = await renderStandalone(owner, await userId(owner, 'una.known@acme.de'));
      await waitFor(() => $(el, '.task.missing'), 'missing task');
      checkbox(el, 'site-audit').click();
      await el.updateComplete;
      saveButton(el).click();
      const error = await waitFor(() => $(el, '.task.missing [part~="field-error"]'), 'field error');
      expect(error.textContent).to.include(en.errors.unknown_task);
      checkbox(el, 'site-audit').click();
      await el.updateComplete;
      expect(root(el).querySelector('[part~="field-error"]')).to.equal(null);
    });

    it('should not save when roster-before-user-update is cancelled', async () => {
      const testApi = setup();
      const owner = clientFor(testApi.api, OWNER);
      const el = await renderStandalone(owner, await userId(owner, SPECIALIST));
      el.addEventListener('roster-before-user-update', (event) => event.preventDefault());
      checkbox(el, 'site-audit').click();
      await el.updateComplete;
      saveButton(el).click();
      await el.updateComplete;
      expect(testApi.requests.filter((r) => r.method === 'PATCH')).to.deep.equal([]);
      expect(el.hasCustomState('dirty')).to.equal(true);
    });

    it('should use the loaded role: a guest keeps a task, a manager sees the sentence', async () => {
      const testApi = setup();
      const owner = clientFor(testApi.api, OWNER);
      const guest = await renderStandalone(owner, await userId(owner, GUEST));
      expect(text(guest)).to.include(en.grants.guestNote);
      $(guest, '.task [part~="button-icon"]').click();
      await guest.updateComplete;
      expect(text(guest)).to.include(en.grants.guestNeedsTask);
      expect(guest.value.tasks.length).to.equal(1);
      const manager = await renderStandalone(owner, await userId(owner, MANAGER));
      expect(text(manager)).to.include(en.grants.managerNote);
      expect(manager.value.tasks).to.deep.equal([{ toolId: 'site-audit', taskId: 'sa-2' }]);
    });
  });

  // A 320 px phone at 200 % text (rem = 32px), in German: tools, tasks and the save bar reflow.
  it('should keep every tool, task and button inside a 256px column at 200 % text', async () => {
    document.documentElement.style.fontSize = '32px';
    try {
      const testApi = setupApi({ data: 'demo' });
      const client = clientFor(testApi.api, DEMO_VIEWERS.owner);
      const id = await userId(client, DEMO_VIEWERS.specialist);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="de"><roster-access-grants .client=${client} user-id=${id} style="width: 256px"></roster-access-grants></div>`,
      );
      const el = wrapper.querySelector<RosterAccessGrants>('roster-access-grants')!;
      await waitFor(() => root(el).querySelector('.task') && settled(el), 'grants loaded');
      root(el).querySelector<HTMLInputElement>('[data-tool-id]:not(:checked)')!.click();
      await waitFor(
        () => root(el).querySelector('[part~="actions"] [part~="button"]:not([part~="button-primary"])'),
        'changed',
      );
      expect(outside(el)).to.deep.equal([]);
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  describe('permissions and states', () => {
    it('should be read-only for a viewer without users:write', async () => {
      const testApi = setup();
      const manager = clientFor(testApi.api, MANAGER);
      const id = await userId(manager, SPECIALIST);
      const el = await fixture<RosterAccessGrants>(
        html`<roster-access-grants .client=${manager} user-id=${id}></roster-access-grants>`,
      );
      await waitFor(() => grantedNames(el).includes('Project 0002'), 'granted tasks shown');
      expect(el.hasCustomState('readonly')).to.equal(true);
      expect(
        $$(el, 'input, select, .task [part~="button-icon"], [part~="actions"] [part~="button-primary"]'),
      ).to.deep.equal([]);
      expect(text(el)).to.include(en.grants.readOnly).and.include('Rank Tracker');
      await axeCheck(el);
    });

    it('should disable every control when disabled', async () => {
      const { api } = setup();
      const el = await renderControl(clientFor(api, OWNER), {
        tools: [],
        tasks: [{ toolId: 'site-audit', taskId: 'sa-1' }],
      });
      el.disabled = true;
      await el.updateComplete;
      const controls = $$<HTMLInputElement | HTMLButtonElement>(el, 'input, select, button');
      expect(controls.length).to.be.greaterThan(5);
      expect(controls.every((control) => control.disabled)).to.equal(true);
    });
  });

  describe('accessibility and language', () => {
    const a11yValue: Access = {
      tools: ['rank-tracker'],
      tasks: [
        { toolId: 'rank-tracker', taskId: rankTask(2) },
        { toolId: 'site-audit', taskId: 'sa-gone' },
      ],
    };

    it('should be accessible, with the search open', async () => {
      const { api } = setup();
      const el = await renderControl(clientFor(api, OWNER), a11yValue, 'guest');
      await waitFor(() => $(el, '.task.missing'), 'names');
      typeSearch(el, 'Project 000');
      await waitFor(() => options(el).length > 0, 'results');
      await el.updateComplete;
      await axeCheck(el);
    });

    it('should be accessible in dark', async () => {
      const { api } = setup();
      const light = await renderControl(clientFor(api, OWNER), a11yValue);
      const wrapper = await fixture<HTMLDivElement>(html`<div style="color-scheme: dark; background: #000; color: #fff">
        <roster-access-grants .client=${clientFor(api, OWNER)} .value=${a11yValue} .role=${'specialist'}></roster-access-grants></div>`);
      const dark = wrapper.querySelector('roster-access-grants')!;
      await waitFor(() => grantedNames(dark).includes('Project 0002'), 'dark rendered');
      const surface = (el: RosterAccessGrants) => getComputedStyle($(el, 'fieldset[part~="group"]')).backgroundColor;
      expect(surface(dark)).to.not.equal(surface(light));
      await axeCheck(dark);
    });

    it('should speak German', async () => {
      const { api } = setup();
      const el =
        await fixture<RosterAccessGrants>(html`<roster-access-grants locale="de" .client=${clientFor(api, OWNER)}
        .value=${{ tools: [], tasks: [{ toolId: 'site-audit', taskId: 'sa-1' }] }} .role=${'guest'}></roster-access-grants>`);
      await waitFor(() => grantedNames(el).includes('Shop audit'), 'rendered');
      expect(text(el))
        .to.include(de.grants.toolsTitle)
        .and.include(de.grants.tasksTitle)
        .and.include(de.grants.guestNote);
      expect(text(el)).to.include(de.grants.perTask(de.common.credits(25)));
      expect(text(el)).to.include('25 Credits pro Aufgabe');
      expect($(el, '.task [part~="button-icon"]').getAttribute('aria-label')).to.equal(
        'Zugriff auf \u2068Shop audit\u2069 entfernen',
      );
      expect(search(el).placeholder).to.equal(de.grants.searchPlaceholder);
      $(el, '.task [part~="button-icon"]').click();
      await el.updateComplete;
      expect(text(el)).to.include(de.grants.guestNeedsTask);
    });
  });
});
