/**
 * Every element in the pseudo-locale `en-XA`, narrow and wide: no text left in plain English (a
 * string that bypasses the catalog) and no text cut off by the longer strings.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/panel/roster-panel.js';
import '../../src/components/shared-tasks/roster-shared-tasks.js';
import '../../src/components/user-list/roster-user-list.js';
import { availableLocales, catalogFor, loadCatalog } from '../../src/components/localize/catalogs.js';
import { en } from '../../src/components/localize/english.js';
import { pseudoLocalize, pseudoText } from '../../src/components/localize/pseudo.js';
import type { RosterPanel } from '../../src/components/panel/panel.js';
import type { RosterUserEditor } from '../../src/components/user-editor/user-editor.js';
import { DEMO_VIEWERS } from '../../src/mock/data.js';
import type { RosterClient } from '../../src/sdk/index.js';
import { clientFor, problemResponse, settled, setupApi, waitFor } from './helpers.js';
import { chooseRole, fillDetails, stepTitle, submit } from './user-editor-helpers.js';

const LOCALE = 'en-XA';
const pseudo = pseudoLocalize(en);

// Words Intl itself writes in English for en-XA (month and day names, "yesterday", "AM"): not the catalog's.
const INTL_WORDS = (() => {
  const words = new Set<string>();
  const add = (text: string) => text.match(/[A-Za-z]+/g)?.forEach((word) => words.add(word));
  for (let month = 0; month < 12; month++) {
    for (const style of ['long', 'short'] as const)
      add(
        new Intl.DateTimeFormat(LOCALE, { month: style, weekday: style }).format(new Date(2024, month, month + 1, 15)),
      );
  }
  const relative = new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' });
  for (const unit of ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'] as const) {
    for (const value of [-2, -1, 0, 1, 2]) add(relative.format(value, unit));
  }
  add(new Intl.DateTimeFormat(LOCALE, { timeStyle: 'short', dateStyle: 'medium' }).format(new Date(2024, 0, 1, 9)));
  add(new Intl.DateTimeFormat(LOCALE, { timeStyle: 'short' }).format(new Date(2024, 0, 1, 21)));
  return words;
})();

/** User text is shown in an isolate (shared/bidi.ts); values the viewer types sit in inputs; initials. */
const USER_DATA = 'bdi, [dir], .bidi, style, script, svg, input, textarea, .avatar';
/** A letter only pseudo text has: a text node with one came from the catalog (values passed in included). */
const PSEUDO_LETTER = /[åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ]/;

function shadowRoots(host: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const walk = (root: ShadowRoot) => {
    roots.push(root);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(host.shadowRoot!);
  return roots;
}

const where = (el: Element) =>
  `${(el.getRootNode() as ShadowRoot).host?.localName} ${el.localName}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;

/** Rendered text (visually hidden included) with an English word in it, outside user data. */
function plainEnglish(host: Element): string[] {
  const found: string[] = [];
  for (const root of shadowRoots(host)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(USER_DATA)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (range.getClientRects().length === 0) continue;
      if (PSEUDO_LETTER.test(node.textContent!)) continue;
      const words = node.textContent!.match(/[A-Za-z]{2,}/g)?.filter((word) => !INTL_WORDS.has(word));
      if (words?.length) found.push(`${where(parent)}: "${node.textContent!.trim().slice(0, 60)}"`);
    }
  }
  return found;
}

/** Elements that cut their content off without an ellipsis and a title to read it in full. */
function clipped(host: Element): string[] {
  const found: string[] = [];
  for (const root of shadowRoots(host)) {
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      const style = getComputedStyle(el);
      if (!/hidden|clip/.test(style.overflowX) || el.scrollWidth <= el.clientWidth + 1) continue;
      if (el.getClientRects().length === 0 || el.closest('.visually-hidden, [hidden]')) continue;
      if (style.textOverflow === 'ellipsis' && el.closest('[title]')) continue;
      found.push(`${where(el)} (${el.scrollWidth} > ${el.clientWidth}): "${el.textContent!.trim().slice(0, 40)}"`);
    }
  }
  return found;
}

async function expectPseudo(host: Element, label: string) {
  await waitFor(() => settled(host), `${label} settled`);
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const english = plainEnglish(host);
  expect(english, `${label}: plain English\n${english.join('\n')}`).to.deep.equal([]);
  const cut = clipped(host);
  expect(cut, `${label}: clipped\n${cut.join('\n')}`).to.deep.equal([]);
}

const panelRoot = (panel: RosterPanel) => panel.shadowRoot!;
const editorOf = (panel: RosterPanel) => panelRoot(panel).querySelector<RosterUserEditor>('roster-user-editor');

async function renderPanel(client: RosterClient, width: number) {
  const panel = await fixture<RosterPanel>(
    html`<roster-panel locale=${LOCALE} .client=${client} style="width: ${width}px; height: 720px"></roster-panel>`,
  );
  await waitFor(
    () => panelRoot(panel).querySelector('roster-user-list')?.shadowRoot?.querySelector('.body [role="row"][data-id]'),
    'rows',
  );
  return panel;
}

async function openProfile(panel: RosterPanel, client: RosterClient) {
  for await (const user of client.users.iterate({ q: DEMO_VIEWERS.specialist })) await panel.select(user);
  await waitFor(() => editorOf(panel)?.shadowRoot?.querySelector('form'), 'profile open');
}

describe('the pseudo-locale en-XA', () => {
  it('should be its own loadable language, made from English', async () => {
    expect(availableLocales()).to.include('en-xa');
    await loadCatalog(LOCALE);
    const catalog = catalogFor(LOCALE);
    expect(catalog.common.save).to.equal(pseudoText(en.common.save));
    expect(catalog.common.save).to.match(/^\[Šåṽé ·+\]$/);
    expect(catalog.list.resent('sophie.becker@example.com'), 'a value passed in stays as it is').to.match(
      /^\[.*sophie\.becker@example\.com.*\]$/u,
    );
    expect(catalog.common.credits(1)).to.not.equal(catalog.common.credits(2));
    for (const text of [catalog.panel.label, catalog.list.seats(3, 12), catalog.editor.delete.title('Zoë')]) {
      expect(text.replace(/Zoë/, ''), text).to.not.match(/[A-Za-z#]/);
    }
    expect(pseudo.panel.label.length).to.be.at.least(en.panel.label.length * 1.35);
  });

  for (const width of [375, 1440]) {
    describe(`at ${width} px`, () => {
      it('should show the list, a profile, its access and its activity in pseudo text, uncut', async () => {
        const testApi = setupApi({ data: 'demo' });
        const client = clientFor(testApi.api, DEMO_VIEWERS.owner);
        const panel = await renderPanel(client, width);
        await expectPseudo(panel, 'list');
        await openProfile(panel, client);
        await expectPseudo(panel, 'profile');
        panel.tab = 'access';
        await waitFor(
          () => panelRoot(panel).querySelector('roster-access-grants')?.shadowRoot?.querySelector('.grants'),
          'access',
        );
        await expectPseudo(panel, 'access');
        panel.tab = 'activity';
        const stats = await waitFor(
          () => panelRoot(panel).querySelector<HTMLElement & { tab: string }>('roster-user-stats'),
          'activity',
        );
        await expectPseudo(panel, 'activity');
        stats.tab = 'events';
        await waitFor(() => stats.shadowRoot!.querySelector('#panel-events:not([hidden])'), 'events');
        await expectPseudo(panel, 'events');
      });

      it('should show every step of creating a user in pseudo text, uncut', async () => {
        const testApi = setupApi({ data: 'demo' });
        const panel = await renderPanel(clientFor(testApi.api, DEMO_VIEWERS.owner), width);
        await panel.createUser();
        const editor = await waitFor(
          () => editorOf(panel)?.shadowRoot?.querySelector('form') && editorOf(panel)!,
          'create',
        );
        await expectPseudo(panel, 'details');
        await fillDetails(editor, 'Zoë', 'Brandt', 'zoe.brandt@nordlicht.de');
        await submit(editor);
        expect(stepTitle(editor)).to.equal(pseudo.editor.steps.access);
        await chooseRole(editor, 'manager');
        await expectPseudo(panel, 'role and access');
        await submit(editor);
        expect(stepTitle(editor)).to.equal(pseudo.editor.steps.review);
        await expectPseudo(panel, 'review');
      });

      it('should show the audit log, the shared tasks, an error and an empty list in pseudo text, uncut', async () => {
        const testApi = setupApi({ data: 'demo' });
        const client = clientFor(testApi.api, DEMO_VIEWERS.owner);
        const panel = await renderPanel(client, width);
        panel.view = 'audit';
        await waitFor(
          () => panelRoot(panel).querySelector('roster-audit-log')?.shadowRoot?.querySelector('[role="row"], .state'),
          'audit log',
        );
        await expectPseudo(panel, 'audit log');

        const shared =
          await fixture<HTMLElement>(html`<roster-shared-tasks locale=${LOCALE} .client=${clientFor(testApi.api, DEMO_VIEWERS.specialist)}
          style="width: ${width}px"></roster-shared-tasks>`);
        await waitFor(() => shared.shadowRoot!.querySelector('tbody tr, .state'), 'shared tasks');
        await expectPseudo(shared, 'shared tasks');

        testApi.intercept(
          (request) => request.path === '/users',
          async () => problemResponse(500, 'server_error'),
        );
        const failing = await fixture<HTMLElement>(
          html`<roster-user-list locale=${LOCALE} .client=${client} style="width: ${width}px; height: 480px"></roster-user-list>`,
        );
        await waitFor(() => failing.shadowRoot!.querySelector('[part~="alert"]'), 'error state');
        await expectPseudo(failing, 'error');

        const empty =
          await fixture<HTMLElement>(html`<roster-user-list locale=${LOCALE} .client=${clientFor(setupApi({ data: 'demo' }).api, DEMO_VIEWERS.owner)}
          query="no such person anywhere" style="width: ${width}px; height: 480px"></roster-user-list>`);
        await waitFor(() => empty.shadowRoot!.querySelector('[part~="state"]'), 'empty state');
        await expectPseudo(empty, 'no results');
      });
    });
  }
});
