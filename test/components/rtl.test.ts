import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import '../../src/components/panel/roster-panel.js';
import type { RosterPanel } from '../../src/components/panel/panel.js';
import type { RosterUserEditor } from '../../src/components/user-editor/user-editor.js';
import { DEMO_VIEWERS } from '../../src/mock/data.js';
import { addEnglish } from '../../src/components/localize/catalogs.js';
import { editor } from '../../src/components/localize/en-editor.js';
import { directionOf } from '../../src/components/localize/localize-controller.js';
import { RosterElement } from '../../src/components/shared/base-element.js';
import { withName, withValue } from '../../src/components/shared/bidi.js';
import { skeletonStyles } from '../../src/components/styles/controls.styles.js';
import { hostStyles } from '../../src/components/styles/host.styles.js';
import { axeCheck, clientFor, settled, setupApi, waitFor } from './helpers.js';
import { ACCOUNT, OWNER, chooseRole, fill, fillDetails, submit } from './user-editor-helpers.js';

const ARABIC_RESENT = (email: string) => `تم إرسال رابط تحقق جديد إلى ${email}.`;

/** A Roster element with a back arrow and a sentence naming an email and a phone number. */
class DirectionProbe extends RosterElement {
  static override styles = [hostStyles, skeletonStyles];

  get direction() {
    return this.localize.dir;
  }

  protected override render() {
    const t = this.localize.t;
    return html`<svg class="directional" viewBox="0 0 16 16" width="16" height="16"><path d="M10 3 5 8l5 5"/></svg>
      <p class="email">${withName(t.list.resent, 'sophie.becker@example.com')}</p>
      <span class="skeleton"></span>
      <p class="phone">${withValue(t.editor.phoneSavedAs, '+49 30 1234567')}</p>`;
  }
}
// Like the editor, the probe reads `editor` strings, so it brings their English.
addEnglish({ editor });
customElements.define('roster-direction-probe', DirectionProbe);

/** A plain shadow host, to check that the direction crosses shadow roots. */
class PlainHost extends LitElement {
  protected override render() {
    return html`<roster-direction-probe></roster-direction-probe>`;
  }
}
customElements.define('test-plain-host', PlainHost);

const icon = (el: DirectionProbe) => el.shadowRoot!.querySelector('.directional')!;
const mirrored = (el: DirectionProbe) => getComputedStyle(icon(el)).scale.replace(/\s+/g, ' ') === '-1 1';
/** Left edge of the first occurrence of `text` inside `element`. */
function leftOf(element: Element, text: string): number {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const index = node.textContent!.indexOf(text);
    if (index < 0) continue;
    const range = document.createRange();
    range.setStart(node, index);
    range.setEnd(node, index + text.length);
    return range.getBoundingClientRect().left;
  }
  throw new Error(`${text} not found`);
}

describe('right to left', () => {
  it('should know which languages are written right to left', () => {
    for (const tag of ['ar', 'ar-EG', 'he', 'fa', 'ur', 'az-Arab']) expect(directionOf(tag), tag).to.equal('rtl');
    for (const tag of ['en', 'de-AT', 'ja', 'en-XA', 'az', 'not a tag']) expect(directionOf(tag), tag).to.equal('ltr');
  });

  it('should lay out right to left for locale="ar" in a left-to-right page, and back for English', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="ltr" lang="en"><roster-direction-probe locale="ar"></roster-direction-probe></div>`,
    );
    const el = wrapper.firstElementChild as DirectionProbe;
    // The fixture waits for the wrapper only; the probe renders once the Arabic catalog is loaded.
    await el.updateComplete;
    expect(el.direction).to.equal('rtl');
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(el.shadowRoot!.querySelector('p')!).direction).to.equal('rtl');
    expect(mirrored(el), 'the back arrow points right').to.equal(true);
    const shimmer = () => getComputedStyle(el.shadowRoot!.querySelector('.skeleton')!).animationDirection;
    expect(shimmer(), 'a loading shimmer runs right to left').to.equal('reverse');
    el.locale = 'en';
    await el.updateComplete;
    expect(el.direction).to.equal('ltr');
    expect(el.hasAttribute('dir'), 'nothing left behind on the host').to.equal(false);
    expect(mirrored(el)).to.equal(false);
    expect(shimmer()).to.equal('normal');
  });

  it('should follow dir="rtl" and <html lang="ar"> above it, without writing on the host', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl"><roster-direction-probe></roster-direction-probe></div>`,
    );
    const el = wrapper.firstElementChild as DirectionProbe;
    expect(el.direction).to.equal('rtl');
    expect(el.hasAttribute('dir')).to.equal(false);
    expect(mirrored(el)).to.equal(true);
    wrapper.dir = 'ltr';
    await waitForDirection(el, 'ltr');
    expect(mirrored(el)).to.equal(false);

    const documentLang = document.documentElement.lang;
    try {
      document.documentElement.lang = 'ar';
      const page = await fixture<DirectionProbe>(html`<roster-direction-probe></roster-direction-probe>`);
      expect(page.direction, 'an Arabic page that forgot its dir').to.equal('rtl');
      expect(mirrored(page)).to.equal(true);
    } finally {
      document.documentElement.lang = documentLang;
    }
  });

  it('should leave a dir the page set on the element alone', async () => {
    const el = await fixture<DirectionProbe>(
      html`<roster-direction-probe locale="ar" dir="ltr"></roster-direction-probe>`,
    );
    expect(el.direction).to.equal('ltr');
    expect(el.getAttribute('dir')).to.equal('ltr');
    el.locale = 'en';
    await el.updateComplete;
    expect(el.getAttribute('dir'), 'still the page’s').to.equal('ltr');
  });

  it('should pass the direction of a Roster ancestor’s locale through shadow roots', async () => {
    const outer = await fixture<DirectionProbe>(html`<roster-direction-probe locale="ar"></roster-direction-probe>`);
    const nested = document.createElement('roster-direction-probe') as DirectionProbe;
    outer.shadowRoot!.append(nested);
    await nested.updateComplete;
    expect(nested.direction).to.equal('rtl');
    expect(mirrored(nested)).to.equal(true);
    const host = await fixture<PlainHost>(html`<test-plain-host dir="rtl"></test-plain-host>`);
    const inner = host.shadowRoot!.querySelector('roster-direction-probe') as DirectionProbe;
    await inner.updateComplete;
    expect(inner.direction).to.equal('rtl');
    expect(mirrored(inner)).to.equal(true);
  });

  it('should keep an email and a phone number left to right inside Arabic text', async () => {
    const el = await fixture<DirectionProbe>(html`<roster-direction-probe locale="ar"
      .i18n=${{ list: { resent: ARABIC_RESENT }, editor: { phoneSavedAs: (phone: string) => `حُفظ باسم ${phone}.` } }}></roster-direction-probe>`);
    const email = el.shadowRoot!.querySelector('.email')!;
    expect(getComputedStyle(email).direction).to.equal('rtl');
    expect(getComputedStyle(email.querySelector('bdi')!).direction).to.equal('ltr');
    expect(leftOf(email, 'sophie'), 'the address reads left to right').to.be.below(leftOf(email, 'example.com'));
    expect(leftOf(email, 'example.com'), 'and sits left of the Arabic before it').to.be.below(leftOf(email, 'تم'));
    const phone = el.shadowRoot!.querySelector('.phone')!;
    expect(leftOf(phone, '+49'), 'the groups of a phone number keep their order').to.be.below(leftOf(phone, '1234567'));
  });
});

describe('<roster-panel> in Arabic, right to left', () => {
  it('should be accessible in the list, a profile and the create form', async () => {
    const testApi = setupApi({ data: 'demo' });
    const client = clientFor(testApi.api, DEMO_VIEWERS.owner);
    const panel = await fixture<RosterPanel>(
      html`<roster-panel locale="ar" dir="rtl" .client=${client} style="width: 1100px; height: 640px"></roster-panel>`,
    );
    const root = panel.shadowRoot!;
    await waitFor(
      () => root.querySelector('roster-user-list')?.shadowRoot?.querySelector('.body [role="row"][data-id]'),
      'rows',
    );
    await waitFor(() => settled(panel), 'list settled');
    const list = root.querySelector('roster-user-list')!;
    expect(getComputedStyle(list).direction, 'the list inside lays out right to left').to.equal('rtl');
    const rowBox = list.shadowRoot!.querySelector('.body [role="row"][data-id]')!.getBoundingClientRect();
    const nameBox = list.shadowRoot!.querySelector('.body [role="row"][data-id] .name')!.getBoundingClientRect();
    expect(rowBox.right - nameBox.right, 'the name column starts on the right').to.be.below(nameBox.left - rowBox.left);
    await axeCheck(panel);
    for await (const user of client.users.iterate({ q: DEMO_VIEWERS.specialist })) await panel.select(user);
    await waitFor(() => root.querySelector('roster-user-editor')?.shadowRoot?.querySelector('form'), 'profile');
    await waitFor(() => settled(panel), 'profile settled');
    await axeCheck(panel);
    await panel.createUser();
    await waitFor(
      () =>
        root.querySelector('roster-user-editor:not([user-id])')?.shadowRoot?.querySelector('form') ??
        root.querySelector('roster-user-editor[user-id=""]')?.shadowRoot?.querySelector('form'),
      'create form',
    );
    await waitFor(() => settled(panel), 'create settled');
    await axeCheck(panel);
  });
});

describe('<roster-user-editor> in Arabic', () => {
  it('should show a phone number and an email left to right inside Arabic sentences', async () => {
    const testApi = setupApi({ account: ACCOUNT });
    const el = await fixture<RosterUserEditor>(
      html`<roster-user-editor locale="ar" .client=${clientFor(testApi.api, OWNER)}></roster-user-editor>`,
    );
    await waitFor(() => el.shadowRoot!.querySelector('form'), 'create form');
    await fill(el, 'phone', '0049 30 1234 567');
    const hint = el.shadowRoot!.querySelector('#f-phone-hint')!;
    expect(getComputedStyle(hint).direction).to.equal('rtl');
    expect(leftOf(hint, '+'), '"Saved as +49301234567": the plus stays before the digits').to.be.below(
      leftOf(hint, '49301234567'),
    );
    await fillDetails(el, 'Zoë', 'Brandt', 'zoe.brandt@acme.de');
    await submit(el);
    await chooseRole(el, 'manager');
    await submit(el);
    const note = await waitFor(() => el.shadowRoot!.querySelector('p.notice[part~="note"]'), 'review');
    expect(note.querySelector('bdi[dir="ltr"]')?.textContent, 'the address in its own left-to-right isolate').to.equal(
      'zoe.brandt@acme.de',
    );
  });
});

describe('keyboard right to left', () => {
  it('should move through the profile tabs in reading direction: ArrowLeft to the next, ArrowRight back', async () => {
    const testApi = setupApi({ data: 'demo' });
    const client = clientFor(testApi.api, DEMO_VIEWERS.owner);
    // The direction comes from the locale alone, in a left-to-right page.
    const panel = await fixture<RosterPanel>(
      html`<roster-panel locale="ar" .client=${client} style="width: 1100px; height: 640px"></roster-panel>`,
    );
    const root = panel.shadowRoot!;
    for await (const user of client.users.iterate({ q: DEMO_VIEWERS.specialist })) await panel.select(user);
    const tab = (name: string) => root.querySelector<HTMLElement>(`#tab-${name}`)!;
    await waitFor(() => root.querySelector('#tab-profile'), 'tabs');
    const back = root.querySelector('.back-button svg.directional')!;
    expect(
      getComputedStyle(back).scale.replace(/\s+/g, ' '),
      'the back arrow points right (the shared directional rule)',
    ).to.equal('-1 1');
    expect(tab('access').getBoundingClientRect().right, 'Access shows left of Profile').to.be.at.most(
      tab('profile').getBoundingClientRect().left + 1,
    );
    tab('profile').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await waitFor(() => panel.tab === 'access', 'ArrowLeft opens the tab on the left');
    await waitFor(() => root.activeElement === tab('access'), 'focus on Access');
    await sendKeys({ press: 'ArrowLeft' });
    await waitFor(() => panel.tab === 'activity', 'then Activity');
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => panel.tab === 'access', 'ArrowRight goes back');
    await sendKeys({ press: 'Home' });
    await waitFor(() => panel.tab === 'profile', 'Home is the first tab');
    await sendKeys({ press: 'ArrowRight' });
    await panel.updateComplete;
    expect(panel.tab, 'nothing right of the first tab').to.equal('profile');
  });
});

async function waitForDirection(el: DirectionProbe, dir: 'ltr' | 'rtl') {
  for (let i = 0; i < 200 && el.direction !== dir; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  expect(el.direction).to.equal(dir);
}
