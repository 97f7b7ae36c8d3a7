import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { RosterElement } from '../../src/components/shared/base-element.js';
import { addEnglish, availableLocales, catalogFor, registerLocale } from '../../src/components/localize/catalogs.js';
import { de } from '../../src/components/localize/de.js';
import { type Catalog, en } from '../../src/components/localize/english.js';
import { errorMessage } from '../../src/components/shared/errors.js';
import '../../src/components/user-list/roster-user-list.js';
import type { RosterUserList } from '../../src/components/user-list/user-list.js';
import { DEMO_VIEWERS } from '../../src/mock/data.js';
import { FIELD_MESSAGES, ForbiddenError, ResponseShapeError, ServerError } from '../../src/sdk/index.js';
import { clientFor, setupApi, waitFor } from './helpers.js';

/** A minimal Roster element that prints a string, its language and a formatted number. */
class LocaleProbe extends RosterElement {
  /** Every string rendered, in order. */
  readonly renders: string[] = [];

  protected override render() {
    const text = `${this.localize.t.list.newUser}|${this.localize.lang}|${this.localize.number(1234.5)}`;
    this.renders.push(text);
    return text;
  }
}
customElements.define('roster-locale-probe', LocaleProbe);

/** A plain shadow host, to check that the nearest `lang` is found across shadow roots. */
class ShadowHost extends LitElement {
  protected override render() {
    return html`<roster-locale-probe></roster-locale-probe>`;
  }
}
customElements.define('test-shadow-host', ShadowHost);

const printed = (el: Element) => el.shadowRoot!.textContent!;

describe('localisation', () => {
  const documentLang = document.documentElement.lang;
  afterEach(() => {
    document.documentElement.lang = documentLang;
  });

  // First in this file: German is not loaded yet here.
  it('should load a language on first use and render it only once it has arrived', async () => {
    expect(availableLocales()).to.include.members(['en', 'de']);
    expect(catalogFor('de-DE')).to.equal(catalogFor('en'));
    expect(catalogFor('de-DE').list).to.equal(en.list);
    const el = document.createElement('roster-locale-probe') as LocaleProbe;
    el.locale = 'de-DE';
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.append(el);
    await el.updateComplete;
    expect(catalogFor('de-DE')).to.equal(de);
    expect(el.renders).to.deep.equal([`${de.list.newUser}|de-DE|1.234,5`]);
  });

  it('should use English when nothing names a language', async () => {
    document.documentElement.removeAttribute('lang');
    const el = await fixture<LocaleProbe>(html`<roster-locale-probe></roster-locale-probe>`);
    expect(printed(el)).to.equal(`${en.list.newUser}|en|1,234.5`);
  });

  it('should follow the nearest lang attribute and its changes at run time', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de"><roster-locale-probe></roster-locale-probe></div>`,
    );
    const el = wrapper.firstElementChild as LocaleProbe;
    expect(printed(el)).to.equal(`${de.list.newUser}|de|1.234,5`);
    wrapper.lang = 'en-GB';
    await waitFor(() => printed(el).startsWith(en.list.newUser), 'switched to English');
    expect(el.shadowRoot!.textContent).to.equal(`${en.list.newUser}|en-GB|1,234.5`);
  });

  it('should follow <html lang> changes at run time', async () => {
    document.documentElement.lang = 'en';
    const el = await fixture<LocaleProbe>(html`<roster-locale-probe></roster-locale-probe>`);
    expect(printed(el)).to.match(/^New user/);
    document.documentElement.lang = 'de-AT';
    await waitFor(() => printed(el).startsWith(`${de.list.newUser}|de-AT|`), 'switched to Austrian German');
  });

  it('should prefer the locale attribute, and react when it changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de"><roster-locale-probe locale="en"></roster-locale-probe></div>`,
    );
    const el = wrapper.firstElementChild as LocaleProbe;
    expect(printed(el)).to.match(/^New user\|en\|/);
    el.setAttribute('locale', 'de');
    await el.updateComplete;
    expect(printed(el)).to.match(/^Neuer Nutzer\|de\|/);
    el.removeAttribute('locale');
    await el.updateComplete;
    expect(printed(el)).to.match(/^Neuer Nutzer\|de\|/);
  });

  it('should find the language across shadow roots, from lang or a Roster ancestor’s locale', async () => {
    const host = await fixture<ShadowHost>(html`<test-shadow-host lang="de"></test-shadow-host>`);
    const inner = host.shadowRoot!.querySelector('roster-locale-probe') as LocaleProbe;
    await inner.updateComplete;
    expect(printed(inner)).to.match(/^Neuer Nutzer\|de\|/);
    const outer = await fixture<HTMLElement>(html`<roster-locale-probe locale="de"></roster-locale-probe>`);
    const nested = document.createElement('roster-locale-probe') as LocaleProbe;
    outer.shadowRoot!.append(nested);
    await nested.updateComplete;
    expect(printed(nested)).to.match(/^Neuer Nutzer\|de\|/);
  });

  it('should fall back to English for an unknown or invalid language', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="xx-invalid-tag-"><roster-locale-probe></roster-locale-probe></div>`,
    );
    expect(printed(wrapper.firstElementChild!)).to.match(/^New user\|en\|/);
    // Korean is a language Roster has no catalog for: English words, Korean numbers and dates.
    const other = await fixture<LocaleProbe>(html`<roster-locale-probe locale="ko"></roster-locale-probe>`);
    expect(printed(other)).to.match(/^New user\|ko\|/);
  });

  it('should merge a host i18n override over the locale’s catalog', async () => {
    const el = await fixture<LocaleProbe>(
      html`<roster-locale-probe locale="de" .i18n=${{ list: { newUser: 'Kollegen einladen' } }}></roster-locale-probe>`,
    );
    expect(printed(el)).to.match(/^Kollegen einladen\|de\|/);
    const t = (el as unknown as { localize: { t: Catalog } }).localize.t;
    expect(t.list.search).to.equal(de.list.search);
    expect(t.list.seats(7, 12)).to.equal('7 von 12 Plätzen');
    el.i18n = { list: { seats: (used: number, limit: number) => `${used}/${limit}` } };
    await el.updateComplete;
    expect((el as unknown as { localize: { t: Catalog } }).localize.t.list.seats(7, 12)).to.equal('7/12');
  });

  it('should take a third language registered at run time', async () => {
    const el = await fixture<LocaleProbe>(html`<roster-locale-probe locale="sv"></roster-locale-probe>`);
    expect(printed(el)).to.match(/^New user\|sv\|/);
    registerLocale('sv', { ...en, list: { ...en.list, newUser: 'Ny användare' } });
    await el.updateComplete;
    expect(printed(el)).to.equal(`Ny användare|sv|${new Intl.NumberFormat('sv').format(1234.5)}`);
  });

  it('should format dates and relative times with Intl in the resolved locale', async () => {
    const el = await fixture<LocaleProbe>(html`<roster-locale-probe locale="de"></roster-locale-probe>`);
    const localize = (
      el as unknown as { localize: { date(v: string): string; relativeTime(v: number, now: number): string } }
    ).localize;
    expect(localize.date('2024-03-04T12:00:00Z')).to.equal('04.03.2024');
    const now = Date.UTC(2024, 2, 10);
    expect(localize.relativeTime(now - 3 * 86_400_000, now)).to.equal('vor 3 Tagen');
    expect(localize.relativeTime(now - 86_400_000, now)).to.equal('gestern');
  });

  it('should have every field and problem message in English and German', () => {
    for (const code of Object.keys(FIELD_MESSAGES)) {
      expect(en.errors, code).to.have.property(code);
      expect(de.errors, code).to.have.property(code);
    }
    for (const [code, message] of Object.entries(de.errors)) {
      expect(message, `German ${code}`).to.not.equal((en.errors as Record<string, string>)[code]);
    }
  });

  it('should describe errors by code, by class, then by title', () => {
    expect(errorMessage(new ForbiddenError({ status: 403, code: 'forbidden', title: 'Not allowed' }), de)).to.equal(
      de.errors.forbidden,
    );
    expect(errorMessage(new ResponseShapeError('items', 'expected array'), en)).to.equal(en.errors.invalid_response);
    expect(errorMessage(new ServerError({ status: 502, code: 'bad_gateway', title: 'Bad gateway' }), en)).to.equal(
      en.errors.server_error,
    );
    expect(errorMessage({ code: 'something_new', title: 'Something new happened' }, en)).to.equal(
      'Something new happened',
    );
    expect(errorMessage(undefined, de)).to.equal(de.errors.unknown);
  });

  it('should switch the user list between English and German at run time', async () => {
    const testApi = setupApi({ data: 'demo' });
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en">
      <roster-user-list .client=${clientFor(testApi.api, DEMO_VIEWERS.owner)} style="height: 400px"></roster-user-list></div>`);
    const list = wrapper.querySelector<RosterUserList>('roster-user-list')!;
    const text = () => list.shadowRoot!.textContent!;
    await waitFor(
      () => text().includes(en.list.newUser) && list.shadowRoot!.querySelector('.body [role="row"][data-id]'),
      'English list',
    );
    wrapper.lang = 'de';
    await waitFor(() => text().includes(de.list.newUser), 'German list');
    expect(text()).to.include(de.roles.owner.name);
    expect(text()).to.include(de.list.columns.created);
    expect(list.shadowRoot!.querySelector<HTMLInputElement>('[part="search"]')!.placeholder).to.equal(
      de.list.searchPlaceholder,
    );
    list.locale = 'en';
    await waitFor(() => text().includes(en.list.newUser), 'English again by the locale attribute');
  });

  describe('English strings of elements loaded on demand', () => {
    const tOf = (el: LocaleProbe) => (el as unknown as { localize: { t: Catalog } }).localize.t;

    it('are not in the first load: the list loaded alone has none of them', () => {
      expect(catalogFor('en').list).to.equal(en.list);
      expect(catalogFor('en')).to.not.have.property('stats');
      expect(catalogFor('en')).to.not.have.property('auditLog');
    });

    it('arrive as a new catalog, under an element’s i18n override, and shown English re-renders', async () => {
      const el = await fixture<LocaleProbe>(
        html`<roster-locale-probe locale="en" .i18n=${{ list: { newUser: 'Invite a colleague' } }}></roster-locale-probe>`,
      );
      const before = tOf(el);
      const renders = el.renders.length;
      expect(before.stats).to.equal(undefined);
      addEnglish({ stats: en.stats });
      await el.updateComplete;
      expect(el.renders.length).to.equal(renders + 1);
      expect(tOf(el)).to.not.equal(before);
      expect(tOf(el).stats.tabs).to.equal(en.stats.tabs);
      expect(tOf(el).list.newUser).to.equal('Invite a colleague');
      expect(catalogFor('und').stats).to.equal(en.stats);
    });

    it('add single keys to a section without dropping the others, and change nothing when there already', () => {
      addEnglish({ grants: { shared: en.grants.shared } });
      expect(catalogFor('en').grants.shared).to.equal(en.grants.shared);
      addEnglish({ grants: en.grants });
      const catalog = catalogFor('en');
      expect(catalog.grants).to.deep.equal(en.grants);
      addEnglish({ grants: { shared: en.grants.shared } });
      expect(catalogFor('en')).to.equal(catalog);
    });

    it('leave a catalog the host registered for English as it is', async () => {
      const builtIn = catalogFor('und');
      const own: Catalog = { ...en, list: { ...en.list, newUser: 'Add a colleague' } };
      registerLocale('en', own);
      try {
        const el = await fixture<LocaleProbe>(html`<roster-locale-probe locale="en"></roster-locale-probe>`);
        addEnglish({ auditLog: en.auditLog });
        await el.updateComplete;
        expect(catalogFor('en')).to.equal(own);
        expect(printed(el)).to.match(/^Add a colleague\|en\|/);
        expect(catalogFor('und')).to.not.equal(builtIn);
        expect(catalogFor('und').auditLog).to.equal(en.auditLog);
      } finally {
        registerLocale('en', catalogFor('und'));
      }
    });
  });
});
