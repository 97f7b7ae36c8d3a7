import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/panel/roster-panel.js';
import {
  type BeforeUserDeleteEvent,
  UserCreatedEvent,
  UserCreateRequestEvent,
  UserDeletedEvent,
  EditorCloseRequestEvent,
} from '../../src/components/events.js';
import { de } from '../../src/components/localize/de.js';
import { en } from '../../src/components/localize/english.js';
import { EXPORT_PARTS } from '../../src/components/parts.js';
import type { RosterPanel } from '../../src/components/panel/panel.js';
import type { RosterUserList } from '../../src/components/user-list/user-list.js';
import { DEMO_VIEWERS } from '../../src/mock/data.js';
import type { RosterClient, User } from '../../src/sdk/index.js';
import { axeCheck, clientFor, outside, settled, setupApi, waitFor, type TestApi } from './helpers.js';

const root = (panel: RosterPanel) => panel.shadowRoot!;
const list = (panel: RosterPanel) => root(panel).querySelector<RosterUserList>('roster-user-list')!;
const rows = (panel: RosterPanel) => [
  ...(list(panel)?.shadowRoot?.querySelectorAll<HTMLElement>('.body [role="row"][data-id]') ?? []),
];
const rowOf = (panel: RosterPanel, name: string) =>
  rows(panel).find((row) => row.querySelector('.name')?.textContent?.trim() === name);
const title = (panel: RosterPanel) => root(panel).querySelector('.detail-title')?.textContent?.trim();
const shown = (element: Element | null | undefined) =>
  Boolean(element && (element as HTMLElement).offsetParent !== null);
const detail = (panel: RosterPanel) => root(panel).querySelector<HTMLElement>('.detail')!;
const backButton = (panel: RosterPanel) => root(panel).querySelector<HTMLButtonElement>('.back-button')!;
const tabPanel = (panel: RosterPanel) => root(panel).querySelector('.tab-panel:not([hidden])');
const defined = <T extends Element>(element: T | null | undefined) => (element?.shadowRoot ? element : undefined);

async function renderPanel(client: RosterClient, width = '1100px') {
  const panel = await fixture<RosterPanel>(
    html`<roster-panel .client=${client} style="width: ${width}; height: 640px"></roster-panel>`,
  );
  await waitFor(() => rows(panel).length > 0, 'rows rendered');
  return panel;
}

async function openUser(panel: RosterPanel, name: string) {
  rowOf(panel, name)!.click();
  await waitFor(() => title(panel) === name, `${name} open`);
  await panel.updateComplete;
}

async function demoUser(testApi: TestApi, email: string): Promise<User> {
  for await (const user of clientFor(testApi.api, DEMO_VIEWERS.owner).users.iterate({ q: email })) return user;
  throw new Error(`no ${email}`);
}

describe('<roster-panel>', () => {
  it('should render the team from the reference API and load the viewer once for every element', async () => {
    const testApi = setupApi({ data: 'demo' });
    const panel = await renderPanel(clientFor(testApi.api, DEMO_VIEWERS.owner));
    expect(rowOf(panel, 'Greta Hoffmann')).to.exist;
    expect(panel.matches(':state(open)')).to.equal(false);
    await openUser(panel, 'Sophie Becker');
    expect(testApi.requests.filter((r) => r.path === '/me')).to.have.length(1);
  });

  it('should create its client from base-url and getToken', async () => {
    const testApi = setupApi({ data: 'demo' });
    const realFetch = globalThis.fetch;
    globalThis.fetch = testApi.fetch;
    try {
      const panel = await fixture<RosterPanel>(html`<roster-panel base-url="/api/roster/v1" style="height: 600px"
        .getToken=${() => testApi.api.tokenFor(DEMO_VIEWERS.owner)}></roster-panel>`);
      await waitFor(() => rows(panel).length > 0, 'rows through the created client');
      expect(list(panel).client?.baseUrl).to.equal('/api/roster/v1');
      panel.remove();
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('should open the selected user with profile, access and activity', async () => {
    const testApi = setupApi({ data: 'demo' });
    const panel = await renderPanel(clientFor(testApi.api, DEMO_VIEWERS.owner));
    const sophie = await demoUser(testApi, DEMO_VIEWERS.specialist);
    await openUser(panel, 'Sophie Becker');
    expect(panel.selectedUser?.id).to.equal(sophie.id);
    expect(panel.matches(':state(open)')).to.equal(true);
    expect(root(panel).querySelector('.detail-subtitle')!.textContent).to.equal(sophie.email);
    const editor = tabPanel(panel)!.querySelector('roster-user-editor')!;
    expect(editor.getAttribute('user-id')).to.equal(sophie.id);
    // A host styling by state sees the profile loaded once it shows.
    await waitFor(() => editor.shadowRoot?.querySelector('#f-firstName'), 'the profile shown');
    await waitFor(() => !editor.hasCustomState('loading'), 'the editor no longer loading');
    const list = root(panel).querySelector('roster-user-list')!;
    await list.updateComplete;
    const selectedRows = [...list.shadowRoot!.querySelectorAll('[role="row"][aria-selected="true"]')];
    expect(
      selectedRows.map((row) => row.getAttribute('data-id')),
      'the open user is marked in the list',
    ).to.deep.equal([sophie.id]);

    const tabs = [...root(panel).querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs.map((tab) => tab.textContent!.trim())).to.deep.equal(Object.values(en.panel.tabs));
    tabs[1].click();
    await panel.updateComplete;
    expect(tabs[1].getAttribute('aria-selected')).to.equal('true');
    expect(tabPanel(panel)!.querySelector('roster-access-grants')!.getAttribute('user-id')).to.equal(sophie.id);
    tabs[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await panel.updateComplete;
    expect(panel.tab).to.equal('activity');
    expect(root(panel).activeElement).to.equal(tabs[2]);
    expect(tabPanel(panel)!.querySelector('roster-user-stats')!.getAttribute('user-id')).to.equal(sophie.id);

    // Another user keeps the tab, for comparing the same figures.
    await openUser(panel, "Liam O'Connor");
    expect(tabPanel(panel)!.querySelector('roster-user-stats')!.getAttribute('user-id')).to.equal(
      panel.selectedUser!.id,
    );
  });

  it('should name granted tasks and tasks of events through one lookup, reading no page of tasks twice', async () => {
    // 450 tasks plus Sam's own, the oldest, which sorts last: grants need page 2 of the tool's tasks, events page 3.
    let clock = new Date(Date.now() - 3 * 86_400_000);
    const tasks = Array.from({ length: 450 }, (_, i) => ({
      id: `rt-${i}`,
      toolId: 'rank-tracker',
      name: `Project ${String(i).padStart(3, '0')}`,
      ownerId: 'usr_sam',
      createdAt: new Date().toISOString(),
    }));
    const testApi = setupApi({
      now: () => clock,
      tasks,
      users: [
        {
          id: 'usr_sam',
          firstName: 'Sam',
          lastName: 'Spender',
          email: 'sam.spender@acme.de',
          role: 'specialist',
          access: { tools: ['rank-tracker'], tasks: [{ toolId: 'rank-tracker', taskId: 'rt-300' }] },
        },
      ],
    });
    await clientFor(testApi.api, 'sam.spender@acme.de').tasks.create({ toolId: 'rank-tracker', name: 'Zebra report' });
    clock = new Date();
    const panel = await renderPanel(clientFor(testApi.api, 'olivia.owner@acme.de'));
    await openUser(panel, 'Sam Spender');
    const tabs = [...root(panel).querySelectorAll<HTMLElement>('[role="tab"]')];
    tabs[1].click();
    // Each tab's element comes in a chunk of its own: it has a shadow root once defined.
    const grants = await waitFor(() => defined(tabPanel(panel)?.querySelector('roster-access-grants')), 'access tab');
    await waitFor(
      () => grants.shadowRoot!.querySelector('.task .task-name')?.textContent?.trim() === 'Project 300',
      'granted task named',
    );
    tabs[2].click();
    const stats = await waitFor(() => defined(tabPanel(panel)?.querySelector('roster-user-stats')), 'activity tab');
    stats.tab = 'events';
    await waitFor(
      () =>
        [
          ...(stats.shadowRoot
            ?.querySelector('roster-events-history')
            ?.shadowRoot?.querySelectorAll('.body [role="row"] .col-subject') ?? []),
        ].some((cell) => cell.textContent!.replace(/\s+/g, ' ').trim() === 'Rank Tracker · Zebra report'),
      'task of the event named',
    );
    const pages = testApi.requests
      .filter((r) => r.method === 'GET' && /^\/(tools\/[^/]+\/)?tasks$/.test(r.path))
      .map((r) => r.url.search);
    expect(pages).to.have.length(3);
    expect(new Set(pages).size, 'no page read twice').to.equal(3);
  });

  it('should open the editor in create mode for "New user", unless the host cancels the request', async () => {
    const testApi = setupApi({ data: 'demo' });
    const panel = await renderPanel(clientFor(testApi.api, DEMO_VIEWERS.owner));
    const newUserButton = () =>
      list(panel).shadowRoot!.querySelector<HTMLButtonElement>('[part~="toolbar"] [part~="button-primary"]')!;
    await waitFor(() => newUserButton(), 'new-user action');

    const veto = (event: Event) => event.preventDefault();
    panel.addEventListener('roster-user-create-request', veto);
    newUserButton().click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(title(panel)).to.equal(undefined);
    panel.removeEventListener('roster-user-create-request', veto);

    newUserButton().focus();
    newUserButton().click();
    await waitFor(() => title(panel) === en.panel.newUserTitle, 'create mode');
    const editor = root(panel).querySelector('roster-user-editor')!;
    expect(editor.hasAttribute('user-id')).to.equal(false);
    expect(root(panel).querySelector('[role="tab"]')).to.equal(null);
    // Beside the list as on its own: the form the viewer asked for has focus, so a screen reader says it opened.
    await panel.updateComplete;
    expect(root(panel).activeElement?.className, "focus on the form's title").to.equal('detail-title');
  });

  it('should hand "New user" to a listener on the document once, from the panel, and open nothing it cancels', async () => {
    const testApi = setupApi({ data: 'demo' });
    const panel = await renderPanel(clientFor(testApi.api, DEMO_VIEWERS.owner));
    const newUserButton = await waitFor(
      () => list(panel).shadowRoot!.querySelector<HTMLButtonElement>('[part~="toolbar"] [part~="button-primary"]'),
      'new-user action',
    );
    const heard: Event[] = [];
    let veto = true;
    const listener = (event: Event) => {
      heard.push(event);
      if (veto) event.preventDefault();
    };
    document.addEventListener('roster-user-create-request', listener);
    try {
      newUserButton.click();
      expect(heard.map((event) => event.target)).to.deep.equal([panel]);
      await new Promise((resolve) => setTimeout(resolve));
      await panel.updateComplete;
      expect(title(panel), 'nothing opened').to.equal(undefined);

      veto = false;
      newUserButton.click();
      await waitFor(() => title(panel) === en.panel.newUserTitle, 'create mode');
      expect(heard.map((event) => event.target)).to.deep.equal([panel, panel]);
    } finally {
      document.removeEventListener('roster-user-create-request', listener);
    }
  });

  it('should hand a delete to a listener on the document once, and keep the user, deleting nothing, when it cancels', async () => {
    const testApi = setupApi({ data: 'demo' });
    const panel = await renderPanel(clientFor(testApi.api, DEMO_VIEWERS.owner));
    await openUser(panel, "Liam O'Connor");
    const id = panel.selectedUser!.id;
    root(panel).querySelector<HTMLElement>('#tab-access')!.click();
    await waitFor(() => root(panel).querySelector('#panel-access roster-access-grants'), 'access tab');
    root(panel).querySelector<HTMLElement>('#tab-profile')!.click();
    const heard: BeforeUserDeleteEvent[] = [];
    let veto = true;
    const listener = (event: BeforeUserDeleteEvent) => {
      heard.push(event);
      if (veto) event.preventDefault();
    };
    const confirmDelete = async () => {
      const deleteButton = await waitFor(
        () =>
          tabPanel(panel)
            ?.querySelector('roster-user-editor')
            ?.shadowRoot?.querySelector<HTMLButtonElement>('.danger-zone > [part~="button"]'),
        'loaded',
      );
      deleteButton.click();
      (deleteButton.getRootNode() as ShadowRoot)
        .querySelector<HTMLButtonElement>('#delete-dialog [part~="button-danger"]')!
        .click();
    };
    document.addEventListener('roster-before-user-delete', listener);
    try {
      await confirmDelete();
      expect(heard.map((event) => [event.target, event.detail.user.id, event.detail.tasks])).to.deep.equal([
        [panel, id, 'transfer'],
      ]);
      await new Promise((resolve) => setTimeout(resolve));
      await panel.updateComplete;
      expect(
        testApi.requests.filter((r) => r.method === 'DELETE'),
        'nothing deleted',
      ).to.deep.equal([]);
      expect(title(panel)).to.equal("Liam O'Connor");
      expect(
        root(panel).querySelector('#panel-access roster-access-grants')!.getAttribute('user-id'),
        'the access tab keeps the user',
      ).to.equal(id);

      veto = false;
      await confirmDelete();
      await waitFor(() => title(panel) === undefined, 'deleted and closed');
      expect(heard).to.have.length(2);
      expect(testApi.requests.filter((r) => r.method === 'DELETE')).to.have.length(1);
    } finally {
      document.removeEventListener('roster-before-user-delete', listener);
    }
  });

  it('should select a created user, open it after the confirmation, and close a deleted one', async () => {
    const testApi = setupApi({ data: 'demo' });
    const panel = await renderPanel(clientFor(testApi.api, DEMO_VIEWERS.owner));
    list(panel).dispatchEvent(new UserCreateRequestEvent());
    await waitFor(() => root(panel).querySelector('roster-user-editor'), 'create mode');
    const created = await clientFor(testApi.api, DEMO_VIEWERS.owner).users.create({
      firstName: 'Jonas',
      lastName: 'Keller',
      email: 'jonas.keller@nordlicht.de',
      role: 'manager',
      password: 'lighthouse-harbour-42',
    });
    const editor = root(panel).querySelector('roster-user-editor')!;
    editor.dispatchEvent(new UserCreatedEvent(created));
    await panel.updateComplete;
    expect(panel.selectedUser?.id).to.equal(created.id);
    // The editor keeps showing its confirmation until the viewer is done with it.
    expect(root(panel).querySelector('roster-user-editor')).to.equal(editor);

    editor.dispatchEvent(new EditorCloseRequestEvent(undefined));
    await waitFor(() => title(panel) === 'Jonas Keller', 'the new user open');
    expect(tabPanel(panel)!.querySelector('roster-user-editor')!.getAttribute('user-id')).to.equal(created.id);

    tabPanel(panel)!.querySelector('roster-user-editor')!.dispatchEvent(new UserDeletedEvent(created, 'transfer'));
    await panel.updateComplete;
    expect(panel.selectedUser).to.equal(undefined);
    expect(title(panel)).to.equal(undefined);
  });

  it('should keep focus in the panel when the detail holding it closes or changes', async () => {
    const testApi = setupApi({ data: 'demo' });
    const panel = await renderPanel(clientFor(testApi.api, DEMO_VIEWERS.owner));
    const focusedRow = () =>
      list(panel).shadowRoot!.activeElement?.closest('[role="row"]')?.querySelector('.name')?.textContent?.trim();
    const enter = (row: HTMLElement) => {
      row.focus();
      row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    };

    // The row is looked up each time: until /me has answered, the view switch may still appear above
    // the list and move its rows between recycled slots.
    await waitFor(() => {
      if (title(panel) !== 'Sophie Becker') enter(rowOf(panel, 'Sophie Becker')!);
      return title(panel) === 'Sophie Becker';
    }, 'open');
    backButton(panel).focus();
    backButton(panel).click();
    await waitFor(() => title(panel) === undefined, 'closed');
    await list(panel).updateComplete;
    expect(document.activeElement?.localName).to.equal('roster-panel');
    expect(focusedRow(), 'back on the row it was opened from').to.equal('Sophie Becker');

    // "Done" after a create opens the new user in place of the form the focus was in.
    list(panel).dispatchEvent(new UserCreateRequestEvent());
    const form = await waitFor(() => root(panel).querySelector('roster-user-editor'), 'create mode');
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLElement>('#f-firstName')!.focus();
    const created = await clientFor(testApi.api, DEMO_VIEWERS.owner).users.create({
      firstName: 'Jonas',
      lastName: 'Keller',
      email: 'jonas.keller@nordlicht.de',
      role: 'manager',
      password: 'lighthouse-harbour-42',
    });
    form.dispatchEvent(new UserCreatedEvent(created));
    form.dispatchEvent(new EditorCloseRequestEvent(undefined));
    await waitFor(() => title(panel) === 'Jonas Keller', 'the new user open');
    expect(root(panel).activeElement?.className).to.equal('detail-title');

    await openUser(panel, "Liam O'Connor");
    const deleteButton = await waitFor(
      () =>
        tabPanel(panel)!
          .querySelector('roster-user-editor')!
          .shadowRoot!.querySelector<HTMLButtonElement>('.danger-zone > [part~="button"]'),
      'loaded',
    );
    deleteButton.focus();
    deleteButton.click();
    (deleteButton.getRootNode() as ShadowRoot)
      .querySelector<HTMLButtonElement>('#delete-dialog [part~="button-danger"]')!
      .click();
    await waitFor(() => title(panel) === undefined, 'deleted and closed');
    await list(panel).updateComplete;
    expect(document.activeElement?.localName).to.equal('roster-panel');
    expect(focusedRow(), 'on the row that took its place').to.equal('Mehmet Yılmaz');
  });

  it("should say a delete in a live region that outlives the editor, in the viewer's language", async () => {
    const testApi = setupApi({ data: 'demo' });
    const panel =
      await fixture<RosterPanel>(html`<roster-panel lang="de" .client=${clientFor(testApi.api, DEMO_VIEWERS.owner)}
      style="width: 1100px; height: 640px"></roster-panel>`);
    await waitFor(() => rows(panel).length > 0, 'rows rendered');
    const status = root(panel).querySelector('[role="status"]');
    expect(status?.textContent?.trim(), 'an empty live region before anything happened').to.equal('');
    await openUser(panel, "Liam O'Connor");
    const deleteButton = await waitFor(
      () =>
        tabPanel(panel)!
          .querySelector('roster-user-editor')!
          .shadowRoot!.querySelector<HTMLButtonElement>('.danger-zone > [part~="button"]'),
      'loaded',
    );
    deleteButton.click();
    (deleteButton.getRootNode() as ShadowRoot)
      .querySelector<HTMLButtonElement>('#delete-dialog [part~="button-danger"]')!
      .click();
    await waitFor(() => title(panel) === undefined, 'deleted and closed');
    expect(Boolean(root(panel).querySelector('roster-user-editor')), 'the editor is gone').to.equal(false);
    expect(root(panel).querySelector('[role="status"]') === status, 'the same region').to.equal(true);
    expect(status!.textContent!.trim()).to.equal(de.editor.delete.deleted("Liam O'Connor"));
  });

  it('should let a keyboard reach every tab panel, also one without controls', async () => {
    const testApi = setupApi({ data: 'demo' });
    const panel = await renderPanel(clientFor(testApi.api, DEMO_VIEWERS.owner));
    await openUser(panel, 'Jürgen Weiß');
    const tabs = [...root(panel).querySelectorAll<HTMLElement>('[role="tab"]')];
    tabs[1].click();
    const grants = await waitFor(() => defined(tabPanel(panel)?.querySelector('roster-access-grants')), 'access tab');
    await waitFor(() => grants.shadowRoot!.querySelector('[part~="note"]'), 'the manager sentence');
    expect(
      Boolean(grants.shadowRoot!.querySelector('button, input, select')),
      "a manager's access has no controls",
    ).to.equal(false);
    // Something to reach after the panel: Tab never leaves the page.
    panel.after(document.createElement('button'));
    tabs[1].focus();
    await sendKeys({ press: 'Tab' });
    expect(root(panel).activeElement?.id, 'Tab from the tab goes to its panel').to.equal('panel-access');
    expect(
      [...root(panel).querySelectorAll('[role="tabpanel"]')].map((tabPanel) => tabPanel.getAttribute('tabindex')),
    ).to.deep.equal(['0', '0', '0']);
  });

  it('should ask the editor before leaving unsaved changes, and stay when the viewer keeps them', async () => {
    const testApi = setupApi({ data: 'demo' });
    const panel = await renderPanel(clientFor(testApi.api, DEMO_VIEWERS.owner));
    await openUser(panel, 'Sophie Becker');
    const editor = tabPanel(panel)!.querySelector('roster-user-editor')!;
    let answer = false;
    let asked = 0;
    editor.confirmLeave = () => {
      asked += 1;
      return Promise.resolve(answer);
    };
    rowOf(panel, "Liam O'Connor")!.click();
    await waitFor(() => asked === 1, 'asked once');
    await panel.updateComplete;
    expect(title(panel)).to.equal('Sophie Becker');
    expect(await panel.clearSelection()).to.equal(false);

    answer = true;
    rowOf(panel, "Liam O'Connor")!.click();
    await waitFor(() => title(panel) === "Liam O'Connor", 'moved on');
  });

  it("should open a user in the list's place with a way back, in a narrow container and a wide one", async () => {
    const testApi = setupApi({ data: 'demo' });
    const panel = await renderPanel(clientFor(testApi.api, DEMO_VIEWERS.owner), '480px');
    expect(shown(list(panel))).to.equal(true);
    expect(shown(detail(panel))).to.equal(false);
    await openUser(panel, 'Sophie Becker');
    expect(shown(list(panel))).to.equal(false);
    expect(shown(detail(panel))).to.equal(true);
    expect(root(panel).activeElement).to.equal(root(panel).querySelector('.detail-title'));
    const back = root(panel).querySelector<HTMLButtonElement>('.back-button')!;
    expect(shown(back)).to.equal(true);
    expect(back.textContent!.trim()).to.equal(en.panel.back);
    back.click();
    await waitFor(() => shown(list(panel)), 'the list again');
    expect(shown(detail(panel))).to.equal(false);

    panel.style.width = '1400px';
    await openUser(panel, 'Sophie Becker');
    expect(shown(list(panel))).to.equal(false);
    expect(shown(detail(panel)) && shown(backButton(panel))).to.equal(true);
  });

  it("should re-export the children's parts for styling from outside, under their own names", async () => {
    const testApi = setupApi({ data: 'demo' });
    const style = document.createElement('style');
    style.textContent = `roster-panel::part(row) { outline-color: rgb(1, 2, 3); }
      roster-panel::part(button-primary) { outline-color: rgb(4, 5, 6); }`;
    document.head.append(style);
    try {
      const panel = await renderPanel(clientFor(testApi.api, DEMO_VIEWERS.owner));
      expect(getComputedStyle(rows(panel)[0]).outlineColor).to.equal('rgb(1, 2, 3)');
      const button = await waitFor(
        () => list(panel).shadowRoot!.querySelector('[part~="toolbar"] [part~="button-primary"]'),
        'button',
      );
      expect(getComputedStyle(button).outlineColor).to.equal('rgb(4, 5, 6)');
      await openUser(panel, 'Sophie Becker');
      expect(root(panel).querySelector('roster-user-editor')!.getAttribute('exportparts')).to.equal(EXPORT_PARTS);
      expect(tabPanel(panel)!.getAttribute('part')).to.equal('tab-panel');
    } finally {
      style.remove();
    }
  });

  // A 390 px phone (326 px of panel) and a 320 px one at 200 % text (rem = 32px), in German: every
  // tab and each tab's content reflow into the panel, with no sideways scrolling. Hannah's status
  // ("Verifizierung gesendet") is the longest badge, Sophie has tools and tasks to grant.
  for (const width of [326, 256]) {
    it(`should keep the header, every tab and their content inside the panel at ${width}px and 200 % text`, async () => {
      document.documentElement.style.fontSize = '32px';
      try {
        const testApi = setupApi({ data: 'demo' });
        const panel =
          await fixture<RosterPanel>(html`<roster-panel lang="de" .client=${clientFor(testApi.api, DEMO_VIEWERS.owner)}
          style="width: ${width}px; height: 2400px"></roster-panel>`);
        await waitFor(() => rows(panel).length > 0, 'rows rendered');
        for (const name of ['Hannah Müller', 'Sophie Becker']) {
          await openUser(panel, name);
          for (const tab of ['profile', 'access', 'activity']) {
            const button = root(panel).querySelector<HTMLElement>(`#tab-${tab}`)!;
            button.click();
            await waitFor(
              () => tabPanel(panel)?.id === `panel-${tab}` && tabPanel(panel)!.firstElementChild && settled(panel),
              `${name}: ${tab} loaded`,
            );
            expect(outside(panel), `${name}, ${tab}`).to.deep.equal([]);
            const tabs = root(panel).querySelector<HTMLElement>('[role="tablist"]')!;
            expect(tabs.scrollWidth, 'no hidden sideways scroll').to.be.at.most(tabs.clientWidth);
            const list = tabs.getBoundingClientRect();
            for (const each of tabs.querySelectorAll('[role="tab"]')) {
              const { left, right } = each.getBoundingClientRect();
              expect(left >= list.left && right <= list.right, `${each.textContent} shown whole`).to.be.true;
            }
          }
          root(panel).querySelector<HTMLElement>('.back-button')!.click();
          await waitFor(() => rowOf(panel, 'Sophie Becker'), 'back to the list');
        }
      } finally {
        document.documentElement.style.fontSize = '';
      }
    });
  }

  describe('permissions', () => {
    it('should let a manager browse the team without the new-user action enabled', async () => {
      const testApi = setupApi({ data: 'demo' });
      const panel = await renderPanel(clientFor(testApi.api, DEMO_VIEWERS.manager));
      const button = await waitFor(
        () => list(panel).shadowRoot!.querySelector('[part~="toolbar"] [part~="button-primary"]'),
        'button',
      );
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      await openUser(panel, 'Sophie Becker');
      expect(shown(backButton(panel))).to.equal(true);
      // A manager may read profiles, not change them: the sheet says so.
      expect(root(panel).querySelector('.badge.read-only')?.textContent?.trim()).to.equal(en.panel.readOnly);
    });

    for (const viewer of ['specialist', 'guest'] as const) {
      it(`should show a ${viewer} their own profile only, marked view only, without a "no access" notice`, async () => {
        const testApi = setupApi({ data: 'demo' });
        const me = await demoUser(testApi, DEMO_VIEWERS[viewer]);
        testApi.requests.length = 0;
        const panel =
          await fixture<RosterPanel>(html`<roster-panel .client=${clientFor(testApi.api, DEMO_VIEWERS[viewer])}
          style="width: 1100px; height: 640px"></roster-panel>`);
        await waitFor(() => title(panel) === `${me.firstName} ${me.lastName}`, 'own profile');
        await panel.updateComplete;
        expect(list(panel), 'no list to refuse them').to.equal(null);
        expect(root(panel).textContent).to.not.include(en.list.noPermissionText);
        expect(root(panel).querySelector('.badge.read-only')?.textContent?.trim()).to.equal(en.panel.readOnly);
        // The list's first page goes out with `GET /me`, before the viewer is known; nothing after it.
        const pages = testApi.requests.filter((r) => r.method === 'GET' && r.path === '/users');
        expect(
          pages.length <= 1 && pages.every((r) => !r.url.searchParams.has('cursor')),
          `at most the first page: ${pages.map((r) => r.url.search)}`,
        ).to.equal(true);
        expect(panel.tab).to.equal('activity');
        expect(tabPanel(panel)!.querySelector('roster-user-stats')!.getAttribute('user-id')).to.equal(me.id);
        expect(root(panel).textContent).to.include(en.panel.ownProfileText);
        expect(root(panel).querySelector('.back-button')).to.equal(null);

        // Narrow: the profile, with nowhere to go back to.
        panel.style.width = '420px';
        await new Promise((resolve) => requestAnimationFrame(resolve));
        expect(shown(detail(panel))).to.equal(true);
      });
    }

    it('should start over when the client changes to another viewer', async () => {
      const testApi = setupApi({ data: 'demo' });
      const panel = await renderPanel(clientFor(testApi.api, DEMO_VIEWERS.owner));
      await openUser(panel, "Liam O'Connor");
      panel.client = clientFor(testApi.api, DEMO_VIEWERS.guest);
      await waitFor(() => title(panel) === 'Emily Carter', "the guest's own profile");
      panel.client = clientFor(testApi.api, DEMO_VIEWERS.manager);
      await waitFor(() => rows(panel).length > 0 && title(panel) === undefined, 'the team, nothing open');
    });
  });

  it('should be accessible in light and dark', async () => {
    const testApi = setupApi({ data: 'demo' });
    const light = await renderPanel(clientFor(testApi.api, DEMO_VIEWERS.owner));
    await openUser(light, 'Sophie Becker');
    await axeCheck(light);
    const lightSurface = getComputedStyle(detail(light)).backgroundColor;
    // The virtualiser renders rows on screen only: the dark panel takes the light one's place.
    light.remove();
    const wrapper = await fixture<HTMLDivElement>(html`<div style="color-scheme: dark; background: #000; color: #fff">
      <roster-panel .client=${clientFor(testApi.api, DEMO_VIEWERS.owner)} style="width: 1100px; height: 640px"></roster-panel></div>`);
    const dark = wrapper.querySelector('roster-panel')!;
    await waitFor(() => rows(dark).length > 0, 'dark rows');
    await openUser(dark, 'Sophie Becker');
    expect(getComputedStyle(detail(dark)).backgroundColor).to.not.equal(lightSurface);
    await axeCheck(dark);
  });

  it("should fire the list's roster-select through the panel to the host", async () => {
    const testApi = setupApi({ data: 'demo' });
    const panel = await renderPanel(clientFor(testApi.api, DEMO_VIEWERS.owner));
    const selected = oneEvent(panel, 'roster-select');
    rowOf(panel, 'Zoë Schröder')!.click();
    expect((await selected).detail.user.email).to.equal('zoe.schroeder@nordlicht.de');
  });

  it('should show a typed error with a retry, never a blank panel, when GET /me breaks the contract', async () => {
    const testApi = setupApi({ data: 'demo' });
    let broken = true;
    testApi.intercept(
      (request) => broken && request.path === '/me',
      async () => Response.json({ user: { id: 'u1' }, permissions: 'all' }),
    );
    const panel = await fixture<RosterPanel>(
      html`<roster-panel .client=${clientFor(testApi.api, DEMO_VIEWERS.owner)} style="width: 1100px; height: 640px"></roster-panel>`,
    );
    const deepText = (node: Node): string =>
      [...(node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : []), ...node.childNodes]
        .map((child) => (child.nodeType === Node.TEXT_NODE ? (child.textContent ?? '') : deepText(child)))
        .join(' ');
    await waitFor(() => deepText(panel).includes(en.errors.invalid_response), 'the shape error is shown');
    broken = false;
    const retry = await waitFor(() => {
      const walk = (node: ParentNode): HTMLButtonElement | undefined => {
        for (const element of node.querySelectorAll('*')) {
          if (element.matches('[part~="alert"] > [part~="button"]')) return element as HTMLButtonElement;
          const inner = element.shadowRoot && walk(element.shadowRoot);
          if (inner) return inner;
        }
        return undefined;
      };
      return walk(root(panel));
    }, 'a retry button');
    retry.click();
    await waitFor(() => rows(panel).length > 0, 'rows after the retry');
  });
});
