import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/panel/roster-panel.js';
import { en } from '../../src/components/localize/english.js';
import type { RosterPanel } from '../../src/components/panel/panel.js';
import { DEMO_VIEWERS } from '../../src/mock/data.js';
import type { RosterClient } from '../../src/sdk/index.js';
import { axeCheck, clientFor, setupApi, waitFor } from './helpers.js';

const root = (panel: RosterPanel) => panel.shadowRoot!;
const listRows = (panel: RosterPanel) =>
  root(panel).querySelector('roster-user-list')?.shadowRoot?.querySelectorAll('.body [role="row"][data-id]').length ??
  0;
const viewTab = (panel: RosterPanel, view: string) => root(panel).querySelector<HTMLButtonElement>(`#view-${view}`);
const auditLog = (panel: RosterPanel) => root(panel).querySelector('roster-audit-log');
const shown = (element: Element | null | undefined) =>
  Boolean(element && (element as HTMLElement).offsetParent !== null);

async function renderPanel(client: RosterClient) {
  const panel = await fixture<RosterPanel>(
    html`<roster-panel .client=${client} style="width: 1100px; height: 640px"></roster-panel>`,
  );
  await waitFor(() => listRows(panel) > 0 || root(panel).querySelector('.detail-title'), 'the panel rendered');
  return panel;
}

describe('<roster-panel> audit log', () => {
  for (const role of ['owner', 'manager'] as const) {
    it(`should offer the ${role} the audit log beside the team`, async () => {
      const testApi = setupApi({ data: 'demo' });
      const client = clientFor(testApi.api, DEMO_VIEWERS[role]);
      const sophie = (await client.users.list({ q: 'sophie.becker' })).items[0]!;
      await clientFor(testApi.api, DEMO_VIEWERS.owner).users.update(sophie.id, { creditLimit: 2600 });
      const panel = await renderPanel(client);
      const tab = await waitFor(() => viewTab(panel, 'audit'), 'the audit log tab');
      expect(tab.textContent!.trim()).to.equal(en.auditLog.label);
      expect(tab.hasAttribute('aria-current')).to.equal(false);
      expect(viewTab(panel, 'team')!.getAttribute('aria-current')).to.equal('page');
      tab.click();
      const log = await waitFor(() => auditLog(panel), 'the audit log');
      expect(panel.view).to.equal('audit');
      expect(tab.getAttribute('aria-current')).to.equal('page');
      expect(root(panel).querySelectorAll('[role="tab"]'), 'the profile tabs stay the only tabs').to.have.length(0);
      expect(shown(root(panel).querySelector('.layout')), 'the team hidden').to.equal(false);
      await waitFor(
        () => log.shadowRoot?.querySelector('.body [role="row"][data-id]'),
        'entries (once its code has loaded)',
      );
      expect(log.shadowRoot!.textContent).to.include(
        'Greta Hoffmann changed the credit limit of Sophie Becker from 2,500 to 2,600',
      );
      await axeCheck(panel);
      // Back to the team with the keyboard.
      viewTab(panel, 'team')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => panel.view === 'team' && shown(root(panel).querySelector('.layout')), 'the team again');
      expect(auditLog(panel)).to.equal(null);
    });
  }

  for (const role of ['specialist', 'guest'] as const) {
    it(`should not show the audit log to a ${role}, even when asked for it`, async () => {
      const testApi = setupApi({ data: 'demo' });
      const panel =
        await fixture<RosterPanel>(html`<roster-panel view="audit" .client=${clientFor(testApi.api, DEMO_VIEWERS[role])}
        style="width: 1100px; height: 640px"></roster-panel>`);
      await waitFor(() => root(panel).querySelector('.detail-title'), 'their own profile');
      expect(root(panel).querySelector('.views')).to.equal(null);
      expect(auditLog(panel)).to.equal(null);
      expect(shown(root(panel).querySelector('.layout'))).to.equal(true);
      expect(testApi.requests.some((request) => request.path === '/audit')).to.equal(false);
    });
  }
});
