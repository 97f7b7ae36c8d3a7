import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, type PropertyValues } from 'lit';
import { ClientProvider } from '../../src/components/provider/client-provider.js';
import type { ViewerState } from '../../src/components/context.js';
import '../../src/components/provider/roster-provider.js';
import '../../src/components/shared-tasks/roster-shared-tasks.js';
import '../../src/components/user-list/roster-user-list.js';
import type { RosterProvider } from '../../src/components/provider/provider.js';
import type { RosterSharedTasks } from '../../src/components/shared-tasks/shared-tasks.js';
import type { RosterUserList } from '../../src/components/user-list/user-list.js';
import { en } from '../../src/components/localize/english.js';
import type { RosterClient } from '../../src/sdk/index.js';
import { clientFor, problemResponse, setupApi, waitFor } from './helpers.js';

const OWNER = 'olivia.owner@acme.de';
const ACCOUNT = {
  name: 'Acme GmbH',
  emailDomain: 'acme.de',
  seatLimit: 12,
  passwordMode: 'shared' as const,
  credits: 1000,
};

const listText = (list: RosterUserList) => list.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const rowCount = (list: RosterUserList) => list.shadowRoot!.querySelectorAll('.body [role="row"][data-id]').length;
const taskCount = (tasks: RosterSharedTasks) => tasks.shadowRoot!.querySelectorAll('tbody tr').length;

describe('<roster-provider>', () => {
  it('should give nested elements its client and load the viewer once for all of them', async () => {
    const testApi = setupApi({ account: ACCOUNT });
    const provider = await fixture<RosterProvider>(html`<roster-provider .client=${clientFor(testApi.api, OWNER)}>
      <roster-user-list></roster-user-list><section><roster-user-list></roster-user-list></section>
    </roster-provider>`);
    const lists = [...provider.querySelectorAll('roster-user-list')];
    await waitFor(() => lists.every((list) => rowCount(list) > 0), 'both lists rendered');
    expect(testApi.requests.filter((r) => r.path === '/me')).to.have.length(1);
    expect(provider.viewer.me?.user.email).to.equal(OWNER);
    expect(getComputedStyle(provider).display).to.equal('contents');
  });

  it('should let a lone element load the viewer itself', async () => {
    const testApi = setupApi({ account: ACCOUNT });
    const list = await fixture<RosterUserList>(
      html`<roster-user-list .client=${clientFor(testApi.api, OWNER)}></roster-user-list>`,
    );
    await waitFor(() => rowCount(list) > 0, 'rows');
    expect(testApi.requests.filter((r) => r.path === '/me')).to.have.length(1);
  });

  it('should create a client from base-url and getToken', async () => {
    const testApi = setupApi({ account: ACCOUNT });
    const realFetch = globalThis.fetch;
    globalThis.fetch = testApi.fetch;
    try {
      const provider = await fixture<RosterProvider>(html`<roster-provider base-url="/api/roster/v1"
        .getToken=${() => testApi.api.tokenFor(OWNER)}><roster-user-list></roster-user-list></roster-provider>`);
      expect(provider.client?.baseUrl).to.equal('/api/roster/v1');
      const list = provider.querySelector('roster-user-list')!;
      await waitFor(() => rowCount(list) > 0, 'rows through the created client');
      expect(list.client).to.equal(provider.client);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('should reload the viewer when a user is added, so seat usage stays true', async () => {
    const testApi = setupApi({ account: ACCOUNT });
    const client = clientFor(testApi.api, OWNER);
    const provider = await fixture<RosterProvider>(
      html`<roster-provider .client=${client}><roster-user-list></roster-user-list></roster-provider>`,
    );
    const list = provider.querySelector('roster-user-list')!;
    await waitFor(() => listText(list).includes(en.list.seats(1, 12)), 'one seat used');
    await client.users.create({
      firstName: 'Jonas',
      lastName: 'Becker',
      email: 'jonas.becker@acme.de',
      role: 'manager',
    });
    await waitFor(() => listText(list).includes(en.list.seats(2, 12)), 'two seats used');
    expect(provider.viewer.me?.account.seatsUsed).to.equal(2);
  });

  it('should show a failed viewer load in its elements, and recover on retry', async () => {
    const testApi = setupApi({ account: ACCOUNT });
    const stop = testApi.intercept(
      (r) => r.path === '/me',
      async () => problemResponse(503, 'server_error'),
    );
    const provider = await fixture<RosterProvider>(html`<roster-provider .client=${clientFor(testApi.api, OWNER)}>
      <roster-user-list></roster-user-list></roster-provider>`);
    const list = provider.querySelector('roster-user-list')!;
    await waitFor(() => listText(list).includes(en.errors.server_error), 'error shown');
    expect(list.matches(':state(error)')).to.equal(true);
    stop();
    list.shadowRoot!.querySelector<HTMLButtonElement>('[part~="alert"] > [part~="button"]')!.click();
    await waitFor(() => rowCount(list) > 0, 'rows after retry');
  });

  it('should provide a replaced client to its elements', async () => {
    const first = setupApi({ account: ACCOUNT });
    const second = setupApi({
      account: { ...ACCOUNT, name: 'Other GmbH' },
      owner: { firstName: 'Otto', lastName: 'Other', email: 'otto.other@acme.de' },
    });
    const provider = await fixture<RosterProvider>(html`<roster-provider .client=${clientFor(first.api, OWNER)}>
      <roster-user-list></roster-user-list></roster-provider>`);
    const list = provider.querySelector('roster-user-list')!;
    await waitFor(() => listText(list).includes('Olivia Owner'), 'first account');
    provider.client = clientFor(second.api, 'otto.other@acme.de');
    await waitFor(
      () => listText(list).includes('Otto Other') && !listText(list).includes('Olivia Owner'),
      'second account',
    );
  });

  it('should take the client away from its elements when base-url or client is cleared, and give them the next one', async () => {
    const testApi = setupApi({
      account: ACCOUNT,
      users: [{ firstName: 'Sam', lastName: 'Specialist', email: 'sam.specialist@acme.de', role: 'specialist' }],
      tasks: [
        {
          toolId: 'site-audit',
          name: 'Sam audit',
          ownerId: 'sam.specialist@acme.de',
          createdAt: '2026-01-01T10:00:00Z',
        },
      ],
    });
    const realFetch = globalThis.fetch;
    globalThis.fetch = testApi.fetch;
    try {
      const provider = await fixture<RosterProvider>(html`<roster-provider base-url="/api/roster/v1"
        .getToken=${() => testApi.api.tokenFor(OWNER)}><roster-user-list></roster-user-list><roster-shared-tasks></roster-shared-tasks>
      </roster-provider>`);
      const list = provider.querySelector('roster-user-list')!;
      const tasks = provider.querySelector('roster-shared-tasks')!;
      await waitFor(() => rowCount(list) > 0 && taskCount(tasks) === 1, 'signed in');
      // Signing out: nothing of the previous viewer stays on screen.
      provider.baseUrl = undefined;
      await waitFor(() => taskCount(tasks) === 0, 'shared tasks cleared');
      expect(provider.client).to.equal(undefined);
      expect([list.client, tasks.client]).to.deep.equal([undefined, undefined]);
      expect(rowCount(list)).to.equal(0);
      expect(list.hasCustomState('loading') && tasks.hasCustomState('loading')).to.equal(true);
      provider.client = clientFor(testApi.api, OWNER);
      await waitFor(() => rowCount(list) > 0 && taskCount(tasks) === 1, 'signed in again');
      expect([list.client, tasks.client]).to.deep.equal([provider.client, provider.client]);
      provider.client = undefined;
      await waitFor(() => taskCount(tasks) === 0 && rowCount(list) === 0, 'cleared again');
      expect([list.client, tasks.client]).to.deep.equal([undefined, undefined]);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  describe('ClientProvider', () => {
    /** Provides to its shadow root, and notes each viewer its `willUpdate` sees change (by email). */
    class ProvidingElement extends LitElement {
      static override properties = { client: { attribute: false }, viewer: { state: true } };
      declare client?: RosterClient;
      declare viewer?: ViewerState;
      seen: (string | undefined)[] = [];
      readonly provider = new ClientProvider(this, (viewer) => (this.viewer = viewer));
      protected override willUpdate(changed: PropertyValues<this>) {
        if (changed.has('viewer')) this.seen.push(this.viewer?.me?.user.email);
      }
      protected override render() {
        return html`<roster-user-list></roster-user-list>`;
      }
    }
    customElements.define('test-providing-element', ProvidingElement);

    it('should let an element provide the client and viewer to its own shadow root', async () => {
      const testApi = setupApi({ account: ACCOUNT });
      const client = clientFor(testApi.api, OWNER);
      const el = await fixture<ProvidingElement>(
        html`<test-providing-element .client=${client}></test-providing-element>`,
      );
      const list = el.shadowRoot!.querySelector('roster-user-list')!;
      await waitFor(() => rowCount(list) > 0, 'rows through the provided client');
      expect(list.client).to.equal(client);
      expect(el.provider.client).to.equal(client);
      expect(el.provider.viewer.me?.user.email).to.equal(OWNER);
      expect(el.viewer).to.equal(el.provider.viewer);
      expect(testApi.requests.filter((r) => r.path === '/me')).to.have.length(1);
    });

    it("should let the element's willUpdate see the viewer leave when the client changes", async () => {
      const first = setupApi({ account: ACCOUNT });
      const second = setupApi({
        account: { ...ACCOUNT, name: 'Other GmbH' },
        owner: { firstName: 'Otto', lastName: 'Other', email: 'otto.other@acme.de' },
      });
      const el = await fixture<ProvidingElement>(
        html`<test-providing-element .client=${clientFor(first.api, OWNER)}></test-providing-element>`,
      );
      await waitFor(() => el.seen.includes(OWNER), 'first viewer');
      el.seen = [];
      el.client = clientFor(second.api, 'otto.other@acme.de');
      await waitFor(() => el.seen.includes('otto.other@acme.de'), 'second viewer');
      // The change of client is an update of the element itself: the viewer it clears still reaches willUpdate.
      expect(el.seen[0]).to.equal(undefined);
    });
  });
});
