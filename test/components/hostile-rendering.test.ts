// The accepted naughty strings and XSS payloads, stored through the SDK and the reference API, then
// rendered by every element: the page's text equals the input (trimmed, SPEC rule 1), no payload
// runs (a canary, stubbed dialogs, CSP violations), no markup from data appears in any shadow
// root, and nothing is written to console.error. Rendered in batches, one reference API each.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/access-grants/roster-access-grants.js';
import '../../src/components/user-editor/roster-user-editor.js';
import '../../src/components/user-list/roster-user-list.js';
import '../../src/components/user-stats/roster-user-stats.js';
import '../../src/components/panel/roster-panel.js';
import '../../src/components/shared-tasks/roster-shared-tasks.js';
import { en } from '../../src/components/localize/english.js';
import type { RosterAccessGrants } from '../../src/components/access-grants/access-grants.js';
import type { RosterUserEditor } from '../../src/components/user-editor/user-editor.js';
import type { RosterUserList } from '../../src/components/user-list/user-list.js';
import type { RosterUserStats } from '../../src/components/user-stats/user-stats.js';
import type { RosterPanel } from '../../src/components/panel/panel.js';
import {
  TaskCreateSchema,
  UserCreateSchema,
  type RosterClient,
  type RosterEvent,
  type Task,
  type User,
} from '../../src/sdk/index.js';
import { faker as arabic } from '@faker-js/faker/locale/ar';
import { faker as hebrew } from '@faker-js/faker/locale/he';
import { naughtyStrings } from '../fixtures/blns.js';
import { personalNames } from '../fixtures/personal-names.js';
import { xssPayloads } from '../fixtures/xss-payloads.js';
import { CANARY_PAYLOADS, guardPage, show, until, type PageGuard } from '../security/guards.js';
import { clientFor, setupApi, type TestApi } from './helpers.js';

const OWNER = 'olivia.owner@acme.de';
const SAM = 'sam.specialist@acme.de';
const GINA = 'gina.grantee@acme.de';
const TOOL = { id: 'keyword-research', name: 'Keyword Research' };
const USERS_PER_BATCH = 50;
const TASKS_PER_BATCH = 100;

const candidates = [...new Set([...naughtyStrings, ...xssPayloads, ...CANARY_PAYLOADS])];
const acceptedNames = candidates.filter(
  (name) =>
    UserCreateSchema.safeParse({ firstName: name, lastName: 'Probe', email: 'probe@acme.de', role: 'specialist' })
      .success,
);
const acceptedTaskNames = candidates.filter((name) => TaskCreateSchema.safeParse({ toolId: TOOL.id, name }).success);

/** Two accepted strings per profile: one as the first name, the next as the last name. */
const people = Array.from({ length: Math.ceil(acceptedNames.length / 2) }, (_, i) => ({
  firstName: acceptedNames[2 * i]!,
  lastName: acceptedNames[2 * i + 1] ?? 'Probe',
}));

const chunks = <T>(items: readonly T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const fullName = (user: Pick<User, 'firstName' | 'lastName'>) => `${user.firstName} ${user.lastName}`;

/** A cell a spreadsheet runs: a trigger first, also after blanks, controls, format characters or quotes it may drop. */
const startsFormula = (text: string) => /^[\s\p{Cc}\p{Cf}"]*[=+\-@]/u.test(text);

/**
 * What the CSV export writes for a text cell: an apostrophe before a field that starts a formula or
 * with a tab, CR, LF or NUL, and after each `,`, `;`, tab, `|` or line break a formula start follows
 * (a spreadsheet may split there); NUL characters dropped.
 */
function formulaSafe(text: string): string {
  let out = /^[\t\r\n\0]/.test(text) || startsFormula(text) ? "'" : '';
  for (let i = 0; i < text.length; i += 1) {
    out += text[i];
    if (',;\t|\r\n'.includes(text[i]!) && startsFormula(text.slice(i + 1))) out += "'";
  }
  return out.replaceAll('\0', '');
}

/** RFC 4180 records (CRLF line ends, quoted fields with doubled quotes). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), (i += 1));
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (record.push(field), (field = ''));
    else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      ((record = []), (field = ''), (i += 1));
    } else field += ch;
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

let guard: PageGuard;
beforeEach(() => (guard = guardPage()));
afterEach(() => guard.dispose());

describe('hostile input through the elements', () => {
  it('should have accepted strings to render from every corpus', () => {
    expect(acceptedNames.length, 'names').to.be.greaterThan(400);
    expect(acceptedTaskNames.length, 'task names').to.be.greaterThan(500);
    for (const payload of CANARY_PAYLOADS) expect(acceptedNames, show(payload)).to.include(payload);
    console.log(
      `hostile rendering: ${acceptedNames.length} of ${candidates.length} strings accepted as names ` +
        `(${people.length} profiles), ${acceptedTaskNames.length} as task names`,
    );
  });

  describe('names in the list and the editor', () => {
    chunks(people, USERS_PER_BATCH).forEach((batch, index) => {
      it(`should render batch ${index + 1} of profile names as text, equal to the input`, async function () {
        this.timeout(30000);
        const { api } = setupApi({ account: { seatLimit: batch.length + 1, credits: 1000 } });
        const owner = clientFor(api, OWNER);
        const users = await Promise.all(
          batch.map((person, i) =>
            owner.users.create({ ...person, email: `hostile.${i}@acme.de`, role: 'specialist' }),
          ),
        );
        users.forEach((user, i) => {
          expect(user.firstName, show(batch[i]!.firstName)).to.equal(batch[i]!.firstName.trim());
          expect(user.lastName, show(batch[i]!.lastName)).to.equal(batch[i]!.lastName.trim());
        });

        const list = await fixture<RosterUserList>(html`<roster-user-list .client=${owner} locale="en"
          style="height: ${(users.length + 4) * 64 + 200}px"></roster-user-list>`);
        const rows = () => [...list.shadowRoot!.querySelectorAll<HTMLElement>('.body [role="row"][data-id]')];
        await until(() => rows().length === users.length + 1, `${users.length + 1} rows`);
        for (const user of users) {
          const name = list.shadowRoot!.querySelector(`[data-id="${user.id}"] .name`)!;
          expect(name.textContent, show(fullName(user))).to.equal(fullName(user));
          expect(name.getAttribute('dir')).to.equal('auto');
        }
        await guard.assertClean(list);

        const editor = await fixture<RosterUserEditor>(
          html`<roster-user-editor .client=${owner} locale="en"></roster-user-editor>`,
        );
        const field = (name: string) => editor.shadowRoot!.querySelector<HTMLInputElement>(`#f-${name}`);
        for (const user of users) {
          editor.userId = user.id;
          await until(() => editor.user?.id === user.id && field('firstName'), `editor for ${show(fullName(user))}`);
          await editor.updateComplete;
          expect(field('firstName')!.value, show(user.firstName)).to.equal(user.firstName);
          expect(field('lastName')!.value, show(user.lastName)).to.equal(user.lastName);
          expect(field('firstName')!.dir).to.equal('auto');
          expect(editor.shadowRoot!.querySelector('#editor-title bdi')!.textContent).to.equal(fullName(user));
          expect(editor.shadowRoot!.querySelector('#editor-title')!.textContent).to.equal(
            en.editor.editTitle(fullName(user)),
          );
          expect(editor.shadowRoot!.querySelector('#delete-title bdi')!.textContent).to.equal(fullName(user));
          expect(editor.shadowRoot!.querySelector('#delete-title')!.textContent).to.equal(
            en.editor.delete.title(fullName(user)),
          );
        }
        await guard.assertClean(editor);
      });
    });

    it('should save a payload typed into the editor as text and show it back', async () => {
      const { api } = setupApi({
        users: [{ firstName: 'Sam', lastName: 'Specialist', email: SAM, role: 'specialist' }],
      });
      const owner = clientFor(api, OWNER);
      const sam = (await owner.users.list({ q: SAM })).items[0]!;
      const editor = await fixture<RosterUserEditor>(
        html`<roster-user-editor .client=${owner} user-id=${sam.id} locale="en"></roster-user-editor>`,
      );
      const field = (name: string) => editor.shadowRoot!.querySelector<HTMLInputElement>(`#f-${name}`)!;
      await until(() => editor.user && field('firstName'), 'editor');
      let version = sam.version;
      for (const payload of CANARY_PAYLOADS) {
        field('firstName').value = payload;
        field('firstName').dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await editor.updateComplete;
        editor.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
        version += 1;
        await until(() => editor.user?.version === version && !editor.saving, `saved ${show(payload)}`);
        await editor.updateComplete;
        expect((await owner.users.get(sam.id)).firstName).to.equal(payload);
        expect(field('firstName').value).to.equal(payload);
        expect(editor.shadowRoot!.querySelector('#editor-title')!.textContent).to.equal(
          en.editor.editTitle(`${payload} Specialist`),
        );
      }
      await guard.assertClean(editor);
    });
  });

  it('should isolate right-to-left and real names in list rows, the editor and its dialog', async function () {
    this.timeout(20000);
    arabic.seed(7);
    hebrew.seed(7);
    const rtl = [arabic, hebrew].flatMap((faker) =>
      Array.from({ length: 8 }, () => ({ firstName: faker.person.firstName(), lastName: faker.person.lastName() })),
    );
    const real = personalNames.map((full) => ({
      firstName: full.slice(0, full.indexOf(' ')),
      lastName: full.slice(full.indexOf(' ') + 1),
    }));
    const { api } = setupApi({ account: { seatLimit: rtl.length + real.length + 1 } });
    const owner = clientFor(api, OWNER);
    const users = await Promise.all(
      [...rtl, ...real].map((person, i) =>
        owner.users.create({ ...person, email: `name.${i}@acme.de`, role: 'specialist' }),
      ),
    );
    const rtlIds = new Set(users.slice(0, rtl.length).map((user) => user.id));

    const list = await fixture<RosterUserList>(html`<roster-user-list .client=${owner} locale="en"
      style="height: ${(users.length + 4) * 64 + 200}px"></roster-user-list>`);
    await until(
      () => list.shadowRoot!.querySelectorAll('.body [role="row"][data-id]').length === users.length + 1,
      'every row',
    );
    for (const user of users) {
      const name = list.shadowRoot!.querySelector<HTMLElement>(`[data-id="${user.id}"] .name`)!;
      expect(name.textContent).to.equal(fullName(user));
      expect(name.getAttribute('dir')).to.equal('auto');
      expect(getComputedStyle(name).unicodeBidi, 'isolated from the row').to.equal('isolate');
      expect(name.matches(':dir(rtl)'), show(fullName(user))).to.equal(rtlIds.has(user.id));
    }

    const editor = await fixture<RosterUserEditor>(
      html`<roster-user-editor .client=${owner} user-id=${users[0]!.id} locale="en"></roster-user-editor>`,
    );
    await until(() => editor.user && editor.shadowRoot!.querySelector('#f-firstName'), 'editor');
    await editor.updateComplete;
    const $ = (selector: string) => editor.shadowRoot!.querySelector<HTMLElement>(selector)!;
    expect($('#f-firstName').matches(':dir(rtl)'), 'first name field').to.equal(true);
    // The sentence keeps the page's direction; only the name inside it runs right to left.
    expect($('#editor-title').matches(':dir(ltr)'), 'title').to.equal(true);
    expect($('#editor-title bdi').matches(':dir(rtl)'), 'the name in the title').to.equal(true);
    expect(getComputedStyle($('#editor-title bdi')).unicodeBidi).to.equal('isolate');
    $('.danger-zone > [part~="button"]').click();
    await editor.updateComplete;
    const dialog = $('#delete-dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector('#delete-title')!.textContent).to.equal(en.editor.delete.title(fullName(users[0]!)));
    expect(dialog.querySelector('#delete-title')!.matches(':dir(ltr)'), 'the dialog title').to.equal(true);
    const dialogTitle = dialog.querySelector<HTMLElement>('#delete-title bdi')!;
    expect(dialogTitle.textContent).to.equal(fullName(users[0]!));
    expect(dialogTitle.matches(':dir(rtl)'), 'the name in the dialog').to.equal(true);
    expect(getComputedStyle(dialogTitle).unicodeBidi).to.equal('isolate');
    dialog.close();
    await guard.assertClean(list, editor);
  });

  describe('a right-to-left override in a name or a task name', () => {
    // The server refuses these characters in names; a server that lets one through must still not
    // reverse the text around it. Stored as placeholders, rewritten in every answer.
    const FIRST = 'Ad\u202Emin';
    const LAST = 'gnp.exe';
    const TASK = 'Re\u202Eport.exe';
    const spoofed = (testApi: TestApi) =>
      testApi.intercept(
        () => true,
        async (request) => {
          const answer = await testApi.api.fetch(request);
          if (answer.status === 204 || answer.status === 304) return answer;
          const body = (await answer.text())
            .replaceAll('Zfirst', FIRST)
            .replaceAll('Zlast', LAST)
            .replaceAll('Ztask', TASK);
          return new Response(body, { status: answer.status, headers: answer.headers });
        },
      );

    /** The nearest element around `node` that isolates its text: a `<bdi>`, or computed `unicode-bidi: isolate`. */
    const isolateOf = (node: Node) => {
      for (let el = node.parentElement; el; el = el.parentElement) {
        if (el.localName === 'bdi' || getComputedStyle(el).unicodeBidi === 'isolate') return el;
      }
      return null;
    };
    /** Asserts each text under `root` holding U+202E ends in its own isolate, inside one around `whole` (a name's two parts). */
    const assertIsolated = (root: ParentNode | null | undefined, own: string, whole: string, where: string) => {
      expect(root, where).to.exist;
      const walker = document.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT);
      const texts: Node[] = [];
      while (walker.nextNode()) if (walker.currentNode.textContent!.includes('\u202E')) texts.push(walker.currentNode);
      expect(texts, `${where}: the override is shown`).to.not.be.empty;
      for (const text of texts) {
        const inner = isolateOf(text);
        expect(inner?.textContent, `${where}: the override ends with its own text`).to.equal(own);
        if (whole !== own)
          expect(isolateOf(inner!)?.textContent, `${where}: the whole is isolated from what is around it`).to.equal(
            whole,
          );
      }
    };

    it('should end the override with the name or task name in every element', async function () {
      this.timeout(30000);
      const testApi = setupApi({
        users: [
          {
            firstName: 'Zfirst',
            lastName: 'Zlast',
            email: SAM,
            role: 'specialist',
            access: { tools: [TOOL.id], tasks: [] },
          },
          { firstName: 'Gina', lastName: 'Grantee', email: GINA, role: 'specialist' },
        ],
      });
      spoofed(testApi);
      const owner = clientFor(testApi.api, OWNER);
      const sam = clientFor(testApi.api, SAM);
      const task = await sam.tasks.create({ toolId: TOOL.id, name: 'Ztask' });
      const samUser = (await owner.users.list({ q: SAM })).items[0]!;
      const gina = (await owner.users.list({ q: GINA })).items[0]!;
      await owner.users.update(gina.id, { access: { tools: [], tasks: [{ toolId: task.toolId, taskId: task.id }] } });
      const fullName = `${FIRST} ${LAST}`;

      const list = await fixture<RosterUserList>(
        html`<roster-user-list .client=${owner} locale="en" style="height: 600px"></roster-user-list>`,
      );
      const row = await until(() => list.shadowRoot!.querySelector(`[data-id="${samUser.id}"]`), 'list row');
      assertIsolated(row.querySelector('.name'), FIRST, fullName, 'list row');

      const editor = await fixture<RosterUserEditor>(
        html`<roster-user-editor .client=${owner} user-id=${samUser.id} locale="en"></roster-user-editor>`,
      );
      await until(() => editor.user && editor.shadowRoot!.querySelector('#editor-title'), 'editor');
      await editor.updateComplete;
      assertIsolated(editor.shadowRoot!.querySelector('#editor-title'), FIRST, fullName, 'editor heading');
      editor.shadowRoot!.querySelector<HTMLElement>('.danger-zone > [part~="button"]')!.click();
      await editor.updateComplete;
      assertIsolated(editor.shadowRoot!.querySelector('#delete-title'), FIRST, fullName, 'delete dialog');
      editor.shadowRoot!.querySelector<HTMLDialogElement>('#delete-dialog')!.close();

      const grants = await fixture<RosterAccessGrants>(
        html`<roster-access-grants .client=${owner} user-id=${gina.id} locale="en"></roster-access-grants>`,
      );
      const granted = await until(
        () => grants.shadowRoot!.querySelector(`li.task[data-task-id="${task.id}"] .task-name[dir="auto"]`),
        'granted task',
      );
      assertIsolated(granted, TASK, TASK, 'granted task');
      expect(grants.shadowRoot!.querySelector('.task [part~="button-icon"]')!.getAttribute('aria-label')).to.equal(
        en.grants.removeLabel(`\u2068${TASK}\u2069`),
      );

      const shared = await fixture(html`<roster-shared-tasks .client=${owner} locale="en"></roster-shared-tasks>`);
      const ownerCell = await until(
        () => [...shared.shadowRoot!.querySelectorAll('tbody td')].find((td) => td.textContent!.includes(LAST)),
        'task owner',
      );
      assertIsolated(ownerCell, FIRST, fullName, 'task owner');

      const stats = await fixture<RosterUserStats>(
        html`<roster-user-stats .client=${owner} user-id=${samUser.id} tab="events" locale="en"></roster-user-stats>`,
      );
      const subject = await until(
        () =>
          stats
            .shadowRoot!.querySelector('roster-events-history')
            ?.shadowRoot?.querySelector('[role="row"][data-id] .col-subject .muted + [dir="auto"]'),
        'event task name',
      );
      assertIsolated(subject.parentElement, TASK, TASK, 'event task name');

      const panel = await fixture<RosterPanel>(
        html`<roster-panel .client=${owner} locale="en" style="width: 1100px; height: 640px"></roster-panel>`,
      );
      const panelList = () => panel.shadowRoot!.querySelector<RosterUserList>('roster-user-list')!;
      const panelRow = await until(
        () => panelList()?.shadowRoot!.querySelector<HTMLElement>(`[data-id="${samUser.id}"]`),
        'panel row',
      );
      panelRow.click();
      const title = await until(
        () =>
          panel.shadowRoot!.querySelector('.detail-title')?.textContent?.includes(LAST) &&
          panel.shadowRoot!.querySelector('.detail-title'),
        'panel header',
      );
      assertIsolated(title, FIRST, fullName, 'panel header');
      expect(panel.shadowRoot!.querySelector('.detail')!.getAttribute('aria-label')).to.equal(
        en.panel.detailLabel(`\u2068\u2068${FIRST}\u2069 ${LAST}\u2069`),
      );
      await guard.assertClean(list, editor, grants, shared, stats, panel);
    });
  });

  describe('task names in grants, events and the CSV export', () => {
    chunks(acceptedTaskNames, TASKS_PER_BATCH).forEach((names, index) => {
      it(`should render batch ${index + 1} of task names as text, equal to the input`, async function () {
        this.timeout(30000);
        const { api } = setupApi({
          account: { credits: 100000 },
          users: [
            {
              firstName: 'Sam',
              lastName: 'Specialist',
              email: SAM,
              role: 'specialist',
              access: { tools: [TOOL.id], tasks: [] },
            },
            { firstName: 'Gina', lastName: 'Grantee', email: GINA, role: 'specialist' },
          ],
        });
        const owner = clientFor(api, OWNER);
        const sam = clientFor(api, SAM);
        const tasks: Task[] = [];
        // One at a time: the events must come out in the order the names went in.
        for (const name of names) tasks.push(await sam.tasks.create({ toolId: TOOL.id, name }));
        tasks.forEach((task, i) => expect(task.name, show(names[i]!)).to.equal(names[i]!.trim()));
        const [samUser, gina] = await Promise.all([owner.users.list({ q: SAM }), owner.users.list({ q: GINA })]).then(
          (pages) => pages.map((p) => p.items[0]!),
        );
        await owner.users.update(gina!.id, {
          access: { tools: [], tasks: tasks.map((task) => ({ toolId: task.toolId, taskId: task.id })) },
        });

        await renderGrants(owner, gina!.id, tasks);
        await renderEvents(owner, samUser!.id, tasks);
      });
    });
  });
});

async function renderGrants(owner: RosterClient, userId: string, tasks: Task[]) {
  const grants = await fixture<RosterAccessGrants>(
    html`<roster-access-grants .client=${owner} user-id=${userId} locale="en"></roster-access-grants>`,
  );
  const named = () => grants.shadowRoot!.querySelectorAll('li.task .task-name[dir="auto"]');
  await until(() => named().length === tasks.length, `${tasks.length} granted task names`);
  for (const task of tasks) {
    const item = grants.shadowRoot!.querySelector(`li.task[data-task-id="${task.id}"]`)!;
    expect(item.querySelector('.task-name')!.textContent, show(task.name)).to.equal(task.name);
    expect(item.querySelector('.task [part~="button-icon"]')!.getAttribute('aria-label')).to.equal(
      en.grants.removeLabel(`\u2068${task.name}\u2069`),
    );
  }
  await guard.assertClean(grants);
}

async function renderEvents(owner: RosterClient, userId: string, tasks: Task[]) {
  const events: RosterEvent[] = [];
  for await (const event of owner.users.iterateEvents(userId, { limit: 200 })) events.push(event);
  expect(events).to.have.length(tasks.length);
  const taskOf = new Map(tasks.map((task) => [task.id, task]));
  for (const event of events) expect(event.description).to.include(taskOf.get(event.taskId!)!.name);

  // Tall enough to render every row at once: rows grow with the names they wrap.
  const stats =
    await fixture<RosterUserStats>(html`<roster-user-stats .client=${owner} user-id=${userId} tab="events" locale="en"
    style="--roster-user-stats-events-height: ${(events.length + 4) * 300}px"></roster-user-stats>`);
  const row = (id: string) =>
    stats
      .shadowRoot!.querySelector('roster-events-history')
      ?.shadowRoot?.querySelector(`[role="row"][data-id="${id}"]`);
  // The subject shows the task name once the element has looked the names up.
  await until(
    () => events.every((event) => row(event.id)?.querySelector('.col-subject .muted + [dir="auto"]')),
    'every event row with its task name',
  );
  for (const event of events) {
    // The sentence in the viewer's language, the task's name in its own isolate.
    const name = taskOf.get(event.taskId!)!.name;
    expect(event.taskName).to.equal(name);
    expect(row(event.id)!.querySelector('.col-description bdi')!.textContent, show(name)).to.equal(name);
    expect(row(event.id)!.querySelector('.col-description')!.textContent!.trim()).to.equal(
      en.stats.descriptions.task_created(name),
    );
    expect(row(event.id)!.querySelector('.col-subject .muted + [dir="auto"]')!.textContent).to.equal(
      taskOf.get(event.taskId!)!.name,
    );
  }

  const csv = await stats.buildCsv();
  const bytes = new Uint8Array(await csv.blob.arrayBuffer());
  expect([...bytes.slice(0, 3)], 'UTF-8 byte order mark').to.deep.equal([0xef, 0xbb, 0xbf]);
  const records = parseCsv(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).slice(1));
  const c = en.stats.csv;
  expect(records[0]).to.deep.equal([c.time, c.type, c.description, c.tool, c.task, c.cost]);
  expect(records.slice(1)).to.deep.equal(
    events.map((event) => [
      event.at,
      en.stats.types.task_created,
      formulaSafe(en.stats.descriptions.task_created(event.taskName!)),
      TOOL.name,
      formulaSafe(taskOf.get(event.taskId!)!.name),
      String(event.cost),
    ]),
  );
  await guard.assertClean(stats);
}
