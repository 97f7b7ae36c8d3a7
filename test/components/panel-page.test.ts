import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/panel/roster-panel.js';
import { UserUpdatedEvent } from '../../src/components/events.js';
import { en } from '../../src/components/localize/english.js';
import { nameText } from '../../src/components/shared/bidi.js';
import type { RosterPanel } from '../../src/components/panel/panel.js';
import type { RosterUserList } from '../../src/components/user-list/user-list.js';
import { DEMO_VIEWERS } from '../../src/mock/data.js';
import { axeCheck, clientFor, outside, problemResponse, settled, setupApi, waitFor } from './helpers.js';

// The panel as a host page holds it: in the page's flow, with the host's own content below it.
const root = (panel: RosterPanel) => panel.shadowRoot!;
const list = (panel: RosterPanel) => root(panel).querySelector<RosterUserList>('roster-user-list')!;
const rows = (panel: RosterPanel) => [
  ...(list(panel)?.shadowRoot?.querySelectorAll<HTMLElement>('.body [role="row"][data-id]') ?? []),
];
const rowOf = (panel: RosterPanel, name: string) =>
  rows(panel).find((row) => row.querySelector('.name')?.textContent?.trim() === name);
const title = (panel: RosterPanel) => root(panel).querySelector('.detail-title')?.textContent?.trim();
const toast = (panel: RosterPanel) => root(panel).querySelector<HTMLElement>('[part~="toast"]');
const status = (panel: RosterPanel) => root(panel).querySelector<HTMLElement>('.toast-region')!;
const editor = (panel: RosterPanel) => root(panel).querySelector('.tab-panel:not([hidden]) roster-user-editor')!;
/** The deepest focused element, through shadow roots. */
const deepActive = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

/** Every element in the panel that scrolls on its own (its content taller or wider than its box). */
function scrollAreas(host: Element): string[] {
  const found: string[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll<HTMLElement>('*')) {
      const { overflowX, overflowY } = getComputedStyle(el);
      const scrolls =
        (/auto|scroll/.test(overflowY) && el.scrollHeight > el.clientHeight + 1) ||
        (/auto|scroll/.test(overflowX) && el.scrollWidth > el.clientWidth + 1);
      if (scrolls) found.push(`${el.localName}.${el.className}`);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(host.shadowRoot!);
  return found;
}

/** The live regions anywhere in the panel whose text includes `text` (outermost only), as "host element.class". */
function liveRegionsSaying(host: Element, text: string): string[] {
  const found: string[] = [];
  const live = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]';
  const walk = (node: ShadowRoot) => {
    for (const el of node.querySelectorAll<HTMLElement>('*')) {
      if (el.matches(live) && !el.parentElement?.closest(live) && el.textContent!.includes(text)) {
        found.push(`${(node.host as Element).localName} ${el.localName}.${el.className}`);
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(host.shadowRoot!);
  return found;
}

async function pageWithPanel(viewer: keyof typeof DEMO_VIEWERS = 'owner', width = '1100px') {
  const testApi = setupApi({ data: 'demo' });
  const page = await fixture<HTMLDivElement>(html`<div>
    <roster-panel .client=${clientFor(testApi.api, DEMO_VIEWERS[viewer])} style="display: block; width: ${width}"></roster-panel>
    <footer style="block-size: 200px">The host's own content</footer></div>`);
  const panel = page.querySelector('roster-panel')!;
  return { testApi, page, panel, footer: page.querySelector('footer')! };
}

/** Opens the profile's `tab` and waits for what it shows to load. */
async function showTab(panel: RosterPanel, tab: string) {
  root(panel).querySelector<HTMLElement>(`#tab-${tab}`)!.click();
  await waitFor(() => root(panel).querySelector(`#panel-${tab}:not([hidden]) > *`) && settled(panel), `${tab} loaded`);
}

async function openUser(panel: RosterPanel, name: string) {
  await waitFor(() => rowOf(panel, name), `${name} listed`);
  rowOf(panel, name)!.click();
  await waitFor(() => title(panel) === name, `${name} open`);
  await waitFor(() => settled(panel), 'the profile loaded');
}

describe('<roster-panel> in a page', () => {
  it('should end the page where its content ends, before and after a profile opens, with no scroll area of its own', async () => {
    const { panel, footer } = await pageWithPanel();
    await waitFor(() => rows(panel).length > 0 && settled(panel), 'rows rendered');
    // Nothing below the host's footer: the page is as tall as what it shows.
    const slack = () =>
      document.documentElement.scrollHeight - (footer.getBoundingClientRect().bottom + window.scrollY);
    const before = slack();
    await openUser(panel, 'Sophie Becker');
    for (const tab of ['access', 'activity', 'profile']) {
      await showTab(panel, tab);
      expect(slack(), `no empty page below the panel (${tab})`).to.be.at.most(Math.max(before, 0) + 1);
      expect(scrollAreas(panel), `no nested scroll area (${tab})`).to.deep.equal([]);
    }
    // The panel's box holds the footer's start: nothing of the panel lies below it.
    expect(footer.getBoundingClientRect().top).to.be.at.least(panel.getBoundingClientRect().bottom - 0.5);
  });

  it('should confirm a resent link in a visible, announced message, leaving focus on the button', async () => {
    const { panel } = await pageWithPanel();
    const row = await waitFor(() => rowOf(panel, 'Hannah Müller'), 'pending user');
    const resend = row.querySelector<HTMLButtonElement>('[part~="row"] [part~="button-icon"]')!;
    resend.focus();
    resend.click();
    const message = await waitFor(() => toast(panel), 'a message');
    expect(status(panel).getAttribute('role')).to.equal('status');
    expect(status(panel).getAttribute('aria-live')).to.equal('polite');
    expect(message.textContent).to.include(en.list.resent('hannah.mueller@nordlicht.de'));
    // The address is isolated: in a right-to-left language it keeps its order and leaves the sentence's alone.
    expect([...message.querySelectorAll('bdi')].map((bdi) => bdi.textContent)).to.deep.equal([
      'hannah.mueller@nordlicht.de',
    ]);
    const box = message.getBoundingClientRect();
    expect(box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight, 'in view').to.equal(true);
    await waitFor(
      () => !list(panel).shadowRoot!.querySelector('[part~="row"] [part~="button-icon"][aria-disabled="true"]'),
      'sent',
    );
    expect(deepActive() === resend, 'focus still on "Resend link"').to.equal(true);
    await axeCheck(panel);
  });

  it('should announce a resent link once, from the list and from the profile', async () => {
    const { panel } = await pageWithPanel();
    const row = await waitFor(() => rowOf(panel, 'Hannah Müller'), 'pending user');
    const resent = en.list.resent('hannah.mueller@nordlicht.de');
    row.querySelector<HTMLButtonElement>('button.resend')!.click();
    await waitFor(() => toast(panel), 'a message');
    await waitFor(() => !list(panel).shadowRoot!.querySelector('button.resend[aria-disabled="true"]'), 'sent');
    expect(liveRegionsSaying(panel, resent), 'one live region says it: the message').to.deep.equal([
      'roster-panel div.toast-region',
    ]);

    root(panel).querySelector<HTMLElement>('.toast-close')!.click();
    await waitFor(() => !toast(panel), 'closed');
    await openUser(panel, 'Hannah Müller');
    const profile = editor(panel);
    profile.shadowRoot!.querySelector<HTMLButtonElement>('.verification button')!.click();
    await waitFor(
      () => profile.shadowRoot!.querySelector('.verification [part~="note"]'),
      'the note beside the button',
    );
    await waitFor(() => toast(panel), 'a message');
    expect(
      liveRegionsSaying(panel, en.editor.verification.resent('hannah.mueller@nordlicht.de')),
      'still once',
    ).to.deep.equal(['roster-panel div.toast-region']);
  });

  it('should keep a message while hovered or focused, and close it on request with focus kept in the panel', async () => {
    const { panel } = await pageWithPanel();
    await openUser(panel, 'Sophie Becker');
    const user = panel.selectedUser!;
    editor(panel).dispatchEvent(new UserUpdatedEvent({ ...user, phone: '+4930123456' }));
    const message = await waitFor(() => toast(panel), 'a message');
    expect(message.textContent).to.include(en.panel.saved(nameText(user)));
    const close = message.querySelector<HTMLButtonElement>('.toast-close')!;
    close.focus();
    close.click();
    await waitFor(() => !toast(panel), 'closed');
    expect(deepActive()?.className).to.equal('detail-title');
  });

  it('should go back to the row after a delete, say so, and ask nothing more of the deleted profile', async () => {
    const { panel, testApi } = await pageWithPanel();
    await openUser(panel, "Liam O'Connor");
    const id = panel.selectedUser!.id;
    // Every tab visited: each holds an element that loaded this profile.
    for (const tab of ['access', 'activity', 'profile']) {
      await showTab(panel, tab);
    }
    const deleteButton = await waitFor(
      () => editor(panel).shadowRoot!.querySelector<HTMLButtonElement>('.danger-zone > [part~="button"]'),
      'loaded',
    );
    deleteButton.click();
    const confirm = await waitFor(
      () =>
        (deleteButton.getRootNode() as ShadowRoot).querySelector<HTMLButtonElement>(
          '#delete-dialog [part~="button-danger"]',
        ),
      'asked',
    );
    const deleteAt = testApi.requests.length;
    confirm.focus();
    confirm.click();
    await waitFor(() => title(panel) === undefined, 'closed');
    await waitFor(() => toast(panel)?.textContent?.includes(en.editor.delete.deleted("Liam O'Connor")), 'announced');
    expect(
      deepActive()?.closest('[role="row"]')?.querySelector('.name')?.textContent?.trim(),
      'focus on the next row',
    ).to.equal('Mehmet Yılmaz');
    // Give late requests a chance: the list settles, then nothing asks for the deleted user.
    await waitFor(() => settled(panel), 'settled');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const after = testApi.requests.slice(deleteAt).filter((r) => r.path.includes(id) && r.method !== 'DELETE');
    expect(
      after.map((r) => `${r.method} ${r.path}`),
      `no request for the deleted profile: ${testApi.requests.slice(deleteAt).map((r) => r.method + ' ' + r.path)}`,
    ).to.deep.equal([]);
  });

  it('should keep the access and activity of a profile whose delete failed', async () => {
    const { panel, testApi } = await pageWithPanel();
    await openUser(panel, "Liam O'Connor");
    const id = panel.selectedUser!.id;
    for (const tab of ['access', 'activity', 'profile']) {
      await showTab(panel, tab);
    }
    testApi.intercept(
      (r) => r.method === 'DELETE' && r.path === `/users/${id}`,
      async () => problemResponse(403, 'forbidden'),
    );
    const deleteButton = await waitFor(
      () => editor(panel).shadowRoot!.querySelector<HTMLButtonElement>('.danger-zone > [part~="button"]'),
      'loaded',
    );
    deleteButton.click();
    const dialogRoot = deleteButton.getRootNode() as ShadowRoot;
    const confirm = await waitFor(
      () => dialogRoot.querySelector<HTMLButtonElement>('#delete-dialog [part~="button-danger"]'),
      'asked',
    );
    confirm.click();
    await waitFor(() => dialogRoot.querySelector('#delete-dialog [role="alert"]'), 'the refusal shown');
    dialogRoot.querySelector<HTMLDialogElement>('#delete-dialog')!.close();
    expect(title(panel), 'the profile stays open').to.equal("Liam O'Connor");

    root(panel).querySelector<HTMLElement>('#tab-access')!.click();
    const grants = root(panel).querySelector('#panel-access roster-access-grants')!;
    await waitFor(() => grants.shadowRoot?.querySelector('[data-tool-id]'), 'the tools of the kept profile');
    expect(grants.getAttribute('user-id')).to.equal(id);
    root(panel).querySelector<HTMLElement>('#tab-activity')!.click();
    const stats = root(panel).querySelector('#panel-activity roster-user-stats')!;
    expect(stats.getAttribute('user-id')).to.equal(id);
    await waitFor(() => stats.shadowRoot?.querySelector('[part~="item"]'), 'the figures of the kept profile');
  });

  it('should return to the same place in the page when a profile closes', async () => {
    const testApi = setupApi({ data: 'demo', demoUsers: 300 });
    const page =
      await fixture<HTMLDivElement>(html`<div><roster-panel .client=${clientFor(testApi.api, DEMO_VIEWERS.owner)}
      style="display: block; width: 1100px"></roster-panel></div>`);
    const panel = page.querySelector('roster-panel')!;
    await waitFor(() => rows(panel).length > 0, 'rows');
    // The page scrolls, not the list: rows far down come as the page does.
    await waitFor(() => {
      window.scrollTo(0, window.scrollY + 600);
      return rows(panel).some((row) => Number(row.dataset.index) > 60);
    }, 'rows further down rendered as the page scrolls');
    const row = rows(panel).find((candidate) => {
      const { top, bottom } = candidate.getBoundingClientRect();
      return top > 100 && bottom < window.innerHeight;
    })!;
    const name = row.querySelector('.name')!.textContent!.trim();
    const scrolled = window.scrollY;
    row.click();
    await waitFor(() => title(panel) === name, 'open');
    expect(
      root(panel).querySelector('.detail')!.getBoundingClientRect().top,
      'the sheet starts in view',
    ).to.be.at.least(-1);
    root(panel).querySelector<HTMLButtonElement>('.back-button')!.click();
    await waitFor(() => title(panel) === undefined, 'closed');
    await waitFor(() => deepActive()?.closest('[role="row"]'), 'a row focused');
    expect(Math.abs(window.scrollY - scrolled), 'the page where it was').to.be.below(2);
    expect(deepActive()!.closest('[role="row"]')!.querySelector('.name')!.textContent!.trim()).to.equal(name);
    window.scrollTo(0, 0);
  });

  it('should keep every card of the list inside a 375 px phone', async () => {
    const { panel } = await pageWithPanel('owner', '375px');
    await waitFor(() => rows(panel).length > 0 && settled(panel), 'rows rendered');
    expect(outside(list(panel))).to.deep.equal([]);
    const grid = list(panel).shadowRoot!.querySelector<HTMLElement>('[part~="table"]')!;
    expect(grid.scrollWidth, 'no sideways scroll').to.be.at.most(grid.clientWidth);
    await openUser(panel, 'Hannah Müller');
    expect(outside(panel)).to.deep.equal([]);
    expect(root(panel).querySelector('.back-button')!.getBoundingClientRect().width).to.be.above(0);
  });

  it('should show owners the shared tasks as a place of the panel, and specialists none', async () => {
    const { panel } = await pageWithPanel();
    const tab = await waitFor(() => root(panel).querySelector<HTMLButtonElement>('#view-shared'), 'the view switch');
    expect(tab.textContent!.trim()).to.equal(en.panel.sharedView);
    tab.click();
    const shared = await waitFor(() => root(panel).querySelector('roster-shared-tasks'), 'shared tasks');
    await waitFor(() => settled(panel), 'loaded');
    expect(shared.shadowRoot!.textContent).to.include(en.grants.shared.columns.owner);
    await axeCheck(panel);
    const specialist = (await pageWithPanel('specialist')).panel;
    await waitFor(() => title(specialist) === 'Sophie Becker', 'own profile');
    expect(root(specialist).querySelector('#view-shared, roster-shared-tasks')).to.equal(null);
  });
});
