/**
 * On-demand loading as a host sees it: `import 'rosterkit'` defines the panel and the list at once,
 * the editor when it first appears (in the document or a host's shadow root), and the panel fetches
 * the editor's code only after the list is usable, then prefetches it while idle.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
// Every module fetch of this page, seen before anything below loads on demand.
const fetched: PerformanceResourceTiming[] = [];
new PerformanceObserver((list) => fetched.push(...(list.getEntries() as PerformanceResourceTiming[]))).observe({
  type: 'resource',
  buffered: true,
});

import '../../src/components/define.js';
import { en } from '../../src/components/localize/english.js';
import {
  buttonStyles,
  feedbackStyles,
  skeletonStyles,
  utilityStyles,
} from '../../src/components/styles/controls.styles.js';
import { OnDemandController, onDemandModule } from '../../src/components/on-demand.js';
import { errorMessage } from '../../src/components/shared/errors.js';
import type { RosterPanel } from '../../src/components/panel/panel.js';
import type { RosterUserList } from '../../src/components/user-list/user-list.js';
import { DEMO_VIEWERS } from '../../src/mock/data.js';
import { clientFor, setupApi, waitFor } from './helpers.js';

const EDITOR_CHUNK = '/src/components/user-editor/roster-user-editor.ts';
const ACCOUNT_PASSWORD_FORM = '/src/components/panel/account-password-form.ts';
const fetchOf = (path: string) => fetched.find((entry) => new URL(entry.name).pathname === path);

describe('on-demand elements', () => {
  // First in this file: the page has not fetched the editor yet.
  it('should make the list usable before the editor is requested, then prefetch the editor while idle', async () => {
    expect(customElements.get('roster-panel'), 'the panel is defined up front').to.exist;
    expect(customElements.get('roster-user-list'), 'the list is defined up front').to.exist;
    expect(fetchOf(EDITOR_CHUNK), 'no editor code yet').to.equal(undefined);
    const testApi = setupApi({ data: 'demo' });
    const panel = await fixture<RosterPanel>(html`<roster-panel .client=${clientFor(testApi.api, DEMO_VIEWERS.owner)}
      style="width: 1100px; height: 640px"></roster-panel>`);
    const list = panel.shadowRoot!.querySelector<RosterUserList>('roster-user-list')!;
    // The moment a user row is there (a mutation callback runs before any idle callback or timer).
    let usableAt: number | undefined;
    const rows = () => list.shadowRoot?.querySelector('.body [role="row"][data-id]');
    const observer = new MutationObserver(() => (usableAt ??= rows() ? performance.now() : undefined));
    observer.observe(list.shadowRoot!, { childList: true, subtree: true });
    await waitFor(() => usableAt !== undefined, 'user rows');
    observer.disconnect();
    const editor = await waitFor(() => fetchOf(EDITOR_CHUNK), 'the editor prefetched while idle', 20000);
    expect(editor.startTime, 'the editor was requested after the list was usable').to.be.greaterThan(usableAt!);
    await waitFor(() => customElements.get('roster-user-editor'), 'the editor defined');
    expect(fetchOf(ACCOUNT_PASSWORD_FORM), 'no account password form where each profile has its own password').to.equal(
      undefined,
    );
  });

  it('should fetch the account password form for the owner of a shared-password account, before it is opened', async () => {
    const testApi = setupApi({ data: 'demo', account: { passwordMode: 'shared' } });
    const panel = await fixture<RosterPanel>(html`<roster-panel .client=${clientFor(testApi.api, DEMO_VIEWERS.owner)}
      style="width: 1100px; height: 640px"></roster-panel>`);
    await waitFor(() => panel.shadowRoot!.querySelector('.account-password button'), 'the account password section');
    await waitFor(() => fetchOf(ACCOUNT_PASSWORD_FORM), 'its form fetched ahead');
  });

  it('should load a module once, and import it again after a failure, saying to check the connection', async () => {
    let attempts = 0;
    const load = onDemandModule('A module', () =>
      ++attempts === 1 ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve({ attempts }),
    );
    const error: unknown = await load().then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(errorMessage(error, en)).to.equal(en.errors.network_error);
    const [first, second] = await Promise.all([load(), load()]);
    expect(first).to.equal(second);
    expect(await load()).to.deep.equal({ attempts: 2 });
    expect(attempts).to.equal(2);
  });

  it("should define an editor added later to the document, and one inside a host's shadow root", async () => {
    const testApi = setupApi({ data: 'demo' });
    const client = clientFor(testApi.api, DEMO_VIEWERS.owner);
    const inDocument = document.createElement('roster-user-editor');
    inDocument.client = client;
    document.body.append(inDocument);
    const host = document.createElement('div');
    document.body.append(host);
    const inShadow = document.createElement('roster-access-grants');
    host.attachShadow({ mode: 'open' }).append(inShadow);
    try {
      await waitFor(() => inDocument.shadowRoot?.querySelector('form, [part~="form"]'), 'the editor renders its form');
      await waitFor(
        () => customElements.get('roster-access-grants') && inShadow.shadowRoot,
        'the grants in a shadow root upgrade',
      );
      expect(inShadow).to.be.instanceOf(customElements.get('roster-access-grants')!);
    } finally {
      inDocument.remove();
      host.remove();
    }
  });

  it('should find a Roster element a host renders later into a shadow root already on the page', async () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const stats = document.createElement('roster-user-stats');
    root.append(stats);
    try {
      await waitFor(() => stats.shadowRoot, "the stats upgrade inside the host's shadow root");
    } finally {
      host.remove();
    }
  });

  it('should show the loading state while a chunk loads, the error with "Try again" when it fails, and import it again on retry', async () => {
    const tag = 'test-on-demand-chunk';
    let attempts = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    class ChunkHost extends LitElement {
      readonly onDemand = new OnDemandController(this, {
        [tag]: async () => {
          attempts += 1;
          // The first import is a real one that fails (no such file); the second defines the tag.
          if (attempts === 1) return gate.then(() => import(`/no-such-chunk-${Math.random()}.js` as string));
          customElements.define(tag, class extends HTMLElement {});
          return undefined;
        },
      });
      static override styles = [feedbackStyles, buttonStyles, skeletonStyles, utilityStyles];
      protected override render() {
        return this.onDemand.render(tag, html`<test-on-demand-chunk></test-on-demand-chunk>`, en);
      }
    }
    customElements.define('test-on-demand-host', ChunkHost);
    const host = await fixture<ChunkHost>(html`<test-on-demand-host></test-on-demand-host>`);
    const part = (name: string) => host.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
    expect(part('skeleton'), 'the loading state while the chunk loads').to.exist;
    expect(part('skeleton')!.textContent).to.contain(en.common.loading);
    release();
    await waitFor(() => part('alert'), 'the error state');
    expect(part('skeleton')).to.equal(null);
    expect(part('alert')!.textContent).to.contain(en.errors.network_error);
    part('alert')!.querySelector<HTMLElement>('[part~="button"]')!.click();
    await waitFor(() => customElements.get(tag) && !part('alert') && !part('skeleton'), 'loaded on retry');
    expect(attempts).to.equal(2);
    expect(host.shadowRoot!.querySelector(tag)).to.be.instanceOf(customElements.get(tag)!);
  });
});
