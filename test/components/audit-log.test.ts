import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/audit-log/roster-audit-log.js';
import type { RosterAuditLog } from '../../src/components/audit-log/audit-log.js';
import { de } from '../../src/components/localize/de.js';
import { en } from '../../src/components/localize/english.js';
import type { RosterClient } from '../../src/sdk/index.js';
import { axeCheck, clientFor, hang, outside, problemResponse, setupApi, waitFor, type TestApi } from './helpers.js';

const OWNER = 'olivia.owner@acme.de';
const root = (el: RosterAuditLog) => el.shadowRoot!;
const text = (node: Element | ShadowRoot) => node.textContent!.replace(/\s+/g, ' ').trim();
const rows = (el: RosterAuditLog) => [...root(el).querySelectorAll<HTMLElement>('.body [role="row"][data-id]')];
const sentences = (el: RosterAuditLog) => rows(el).map((row) => text(row.querySelector('.col-change')!));
const auditRequests = (testApi: TestApi) => testApi.requests.filter((request) => request.path === '/audit');
const control = <T extends HTMLElement>(el: RosterAuditLog, name: string) =>
  root(el).querySelector<T>(`[name="${name}"]`)!;

function setValue(input: HTMLInputElement | HTMLSelectElement, value: string, type = 'change') {
  input.value = value;
  input.dispatchEvent(new Event(type, { bubbles: true }));
}

/** An account whose log holds a create, a grant, a credit limit change, the account password and a delete, made through the API. */
async function history(options: Parameters<typeof setupApi>[0] = {}) {
  const testApi = setupApi({ account: { passwordMode: 'shared' }, ...options });
  const owner = clientFor(testApi.api, OWNER);
  const task = await owner.tasks.create({ toolId: 'site-audit', name: 'Berlin audit' });
  const sophie = await owner.users.create({
    firstName: 'Sophie',
    lastName: 'Becker',
    email: 'sophie.becker@acme.de',
    role: 'specialist',
    creditLimit: 100,
  });
  const granted = await owner.users.update(sophie.id, {
    access: { tools: [], tasks: [{ toolId: 'site-audit', taskId: task.id }] },
  });
  await owner.users.update(sophie.id, { creditLimit: 250 }, { version: granted.version });
  await owner.account.setPassword('correct horse battery staple');
  const omar = await owner.users.create({
    firstName: 'Omar',
    lastName: 'Other',
    email: 'omar.other@acme.de',
    role: 'manager',
  });
  await owner.users.delete(omar.id);
  testApi.requests.length = 0;
  return { testApi, owner, task, sophie, omar };
}

async function renderLog(client: RosterClient, attributes: { locale?: string; width?: string } = {}) {
  const el = await fixture<RosterAuditLog>(html`<roster-audit-log .client=${client} locale=${attributes.locale ?? 'en'}
    style="width: ${attributes.width ?? '960px'}"></roster-audit-log>`);
  await waitFor(
    () => rows(el).length > 0 || root(el).querySelector('[part="state"], [part~="alert"]'),
    'rows or a state',
  );
  return el;
}

describe('<roster-audit-log>', () => {
  it('should tell each change made through the API as a sentence, newest first', async () => {
    const { owner } = await history();
    const el = await renderLog(owner);
    await waitFor(() => sentences(el).some((line) => line.includes('Berlin audit')), 'the task named');
    expect(sentences(el)).to.deep.equal([
      'Olivia Owner deleted Omar Other and gave their tasks to the owner',
      'Olivia Owner sent a verification link to Omar Other',
      'Olivia Owner added Omar Other as Manager',
      'Olivia Owner changed the account password',
      'Olivia Owner changed the credit limit of Sophie Becker from 100 to 250',
      'Olivia Owner gave Sophie Becker access to the task “Berlin audit” (Site Audit)',
      'Olivia Owner sent a verification link to Sophie Becker',
      'Olivia Owner added Sophie Becker as Specialist',
    ]);
    const first = rows(el)[0]!;
    expect(text(first.querySelector('.col-action')!)).to.equal(en.auditLog.actions['user.deleted']);
    expect(first.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    // Names are isolated: a right-to-left name cannot turn the sentence around.
    expect([...rows(el)[5]!.querySelectorAll('bdi')].map((bdi) => bdi.textContent)).to.deep.equal([
      'Olivia Owner',
      'Sophie Becker',
      'Berlin audit',
      'Site Audit',
    ]);
    expect(text(root(el).querySelector('[part="footer"]')!)).to.include(en.auditLog.count(8));
  });

  it("should tell a person's own password change (per-user passwords)", async () => {
    const testApi = setupApi({
      account: { passwordMode: 'per-user' },
      users: [{ firstName: 'Sophie', lastName: 'Becker', email: 'sophie.becker@acme.de', role: 'specialist' }],
    });
    const owner = clientFor(testApi.api, OWNER);
    const [sophie] = (await owner.users.list({ q: 'sophie' })).items;
    await owner.users.update(sophie!.id, { password: 'a long and unguessable sentence' });
    const el = await renderLog(owner);
    expect(sentences(el)).to.deep.equal(['Olivia Owner changed the password of Sophie Becker']);
  });

  it('should answer "who gave Sophie access to the Berlin audit, and when?" with a person and an action', async () => {
    const { testApi, owner, sophie } = await history();
    const el = await renderLog(owner);
    const person = control<HTMLInputElement>(el, 'person');
    setValue(person, 'Soph', 'input');
    const label = 'Sophie Becker (sophie.becker@acme.de)';
    await waitFor(
      () =>
        [...root(el).querySelectorAll('datalist option')].some(
          (option) => (option as HTMLOptionElement).value === label,
        ),
      'Sophie suggested',
    );
    expect(
      testApi.requests.some((request) => request.path === '/users' && request.url.searchParams.get('q') === 'Soph'),
    ).to.equal(true);
    setValue(person, label, 'input');
    await waitFor(
      () => auditRequests(testApi).some((request) => request.url.searchParams.get('targetId') === sophie.id),
      'targetId sent',
    );
    setValue(control<HTMLSelectElement>(el, 'action'), 'access.changed');
    const sent = await waitFor(
      () => auditRequests(testApi).find((request) => request.url.searchParams.get('action') === 'access.changed'),
      'action sent',
    );
    expect(sent.url.searchParams.get('targetId')).to.equal(sophie.id);
    expect(sent.url.searchParams.has('actorId')).to.equal(false);
    await waitFor(() => sentences(el).length === 1 && sentences(el)[0]!.includes('Berlin audit'), 'only the grant');
    expect(sentences(el)).to.deep.equal([
      'Olivia Owner gave Sophie Becker access to the task “Berlin audit” (Site Audit)',
    ]);
    expect(rows(el)[0]!.querySelector('time')!.textContent!.trim()).to.not.equal('');

    setValue(control<HTMLSelectElement>(el, 'role'), 'actor');
    const byHer = await waitFor(
      () => auditRequests(testApi).find((request) => request.url.searchParams.get('actorId') === sophie.id),
      'actorId sent',
    );
    expect(byHer.url.searchParams.has('targetId')).to.equal(false);
    await waitFor(() => text(root(el)).includes(en.auditLog.noResultsTitle), 'nothing by her');

    setValue(control<HTMLInputElement>(el, 'from'), '2024-03-01');
    setValue(control<HTMLInputElement>(el, 'to'), '2024-03-31');
    const dated = await waitFor(
      () => auditRequests(testApi).find((request) => request.url.searchParams.has('to')),
      'dates sent',
    );
    // Local midnight of the first day, local midnight after the last (the API's `to` is exclusive).
    expect(dated.url.searchParams.get('from')).to.equal(new Date(2024, 2, 1).toISOString());
    expect(dated.url.searchParams.get('to')).to.equal(new Date(2024, 3, 1).toISOString());

    // The answer of the dated query says there is nothing, and offers to clear the filters.
    const clear = await waitFor(
      () => root(el).querySelector<HTMLButtonElement>('[part="state"] button'),
      'clear filters offered',
    );
    clear.click();
    await waitFor(() => sentences(el).length === 8, 'every change again');
    expect(control<HTMLInputElement>(el, 'person').value).to.equal('');
  });

  it('should say when the text of the person field names nobody', async () => {
    const { owner } = await history();
    const el = await renderLog(owner);
    setValue(control<HTMLInputElement>(el, 'person'), 'Nobody at all', 'input');
    control<HTMLInputElement>(el, 'person').dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text(root(el).querySelector('#person-error')!)).to.equal(en.auditLog.personUnknown);
    expect(control(el, 'person').getAttribute('aria-invalid')).to.equal('true');
  });

  it('should export every change of the filters as formula-safe CSV', async () => {
    const testApi = setupApi({ account: { passwordMode: 'shared' } });
    const owner = clientFor(testApi.api, OWNER);
    await owner.users.create({
      firstName: '=HYPERLINK("http://evil")',
      lastName: '+Mallory',
      email: 'mallory@acme.de',
      role: 'manager',
    });
    await owner.account.setPassword('correct horse battery staple');
    const el = await renderLog(owner);
    const csv = await el.buildCsv();
    expect([...new Uint8Array(await csv.blob.slice(0, 3).arrayBuffer())], 'a byte order mark').to.deep.equal([
      0xef, 0xbb, 0xbf,
    ]);
    const lines = (await csv.blob.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).to.equal('"Time (UTC)","Action","Changed by","Person","Change"');
    expect(lines).to.have.length(4);
    expect(csv.count).to.equal(3);
    expect(lines[1]).to.match(
      /^"\d{4}-\d\d-\d\dT[^"]+","Account password changed","Olivia Owner","","Olivia Owner changed the account password"$/,
    );
    expect(lines[3]).to.include(
      '"User added","Olivia Owner","\'=HYPERLINK(""http://evil"") +Mallory","Olivia Owner added =HYPERLINK(""http://evil"") +Mallory as Manager"',
    );
    expect(csv.fileName).to.match(/^audit-log-\d{4}-\d\d-\d\d\.csv$/);

    // The download link is caught before the browser follows it: a real download opens Firefox's
    // downloads panel, which takes the keyboard focus from every later test in that browser.
    const links: HTMLAnchorElement[] = [];
    root(el).addEventListener(
      'click',
      (event) => {
        if (event.target instanceof HTMLAnchorElement) {
          event.preventDefault();
          links.push(event.target);
        }
      },
      true,
    );
    root(el).querySelector<HTMLButtonElement>('[part~="toolbar"] > [part~="button"]')!.click();
    await waitFor(
      () => text(root(el).querySelector('[role="status"]')!) === en.auditLog.exported(3, csv.fileName),
      'announced',
    );
    expect(links.map((link) => link.download)).to.deep.equal([csv.fileName]);
  });

  it('should speak German', async () => {
    const { owner } = await history();
    const el = await renderLog(owner, { locale: 'de' });
    await waitFor(() => sentences(el).some((line) => line.includes('Berlin audit')), 'the task named');
    expect(sentences(el)).to.include(
      'Olivia Owner hat Sophie Becker Zugriff auf die Aufgabe „Berlin audit“ (Site Audit) gegeben',
    );
    expect(sentences(el)).to.include('Olivia Owner hat das Credit-Limit von Sophie Becker von 100 auf 250 geändert');
    expect(sentences(el)).to.include('Olivia Owner hat das Account-Passwort geändert');
    expect([...root(el).querySelectorAll('[role="columnheader"]')].map(text)).to.deep.equal([
      de.auditLog.columns.time,
      de.auditLog.columns.action,
      de.auditLog.columns.change,
    ]);
    expect(text(root(el).querySelector('[part~="toolbar"] > [part~="button"]')!)).to.equal(de.auditLog.export);
    expect([...control<HTMLSelectElement>(el, 'action').options].map((option) => option.textContent)).to.include(
      de.auditLog.actions['access.changed'],
    );
  });

  it('should write role names as the language does inside a sentence', async () => {
    const { owner } = await history();
    const french = await renderLog(owner, { locale: 'fr' });
    await waitFor(
      () => sentences(french).includes('Olivia Owner a ajouté Sophie Becker comme spécialiste'),
      'French, lower case',
    );
    const spanish = await renderLog(owner, { locale: 'es' });
    await waitFor(
      () => sentences(spanish).includes('Olivia Owner añadió a Sophie Becker como especialista'),
      'Spanish, lower case',
    );
    const german = await renderLog(owner, { locale: 'de' });
    await waitFor(
      () => sentences(german).includes(de.auditLog.created('Olivia Owner', 'Sophie Becker', de.roles.specialist.name)),
      'German nouns keep their capital',
    );
  });

  it('should show the empty state, and an error with a retry that loads', async () => {
    const empty = setupApi();
    const quiet = await renderLog(clientFor(empty.api, OWNER));
    expect(text(root(quiet).querySelector('[part="state"]')!)).to.include(en.auditLog.emptyTitle);
    expect(root(quiet).querySelector<HTMLButtonElement>('[part~="toolbar"] > [part~="button"]')!.disabled).to.equal(
      true,
    );

    const { testApi, owner } = await history();
    const stop = testApi.intercept(
      (request) => request.path === '/audit',
      async () => problemResponse(503, 'server_error'),
    );
    const el = await renderLog(owner);
    const error = root(el).querySelector('[part~="alert"]')!;
    expect(text(error)).to.include(en.errors.server_error);
    stop();
    error.querySelector<HTMLButtonElement>('[part~="alert"] > [part~="button"]')!.click();
    await waitFor(() => rows(el).length === 8, 'rows after the retry');
  });

  it('should show placeholder rows while the first page loads, and "no access" to a specialist', async () => {
    const { testApi, owner } = await history({
      users: [{ firstName: 'Sam', lastName: 'Special', email: 'sam.special@acme.de', role: 'specialist' }],
    });
    const stop = testApi.intercept((request) => request.path === '/audit', hang);
    const el = await fixture<RosterAuditLog>(html`<roster-audit-log .client=${owner}></roster-audit-log>`);
    await waitFor(() => root(el).querySelector('[part~="row"][part~="skeleton"]'), 'placeholder rows');
    expect(el.hasCustomState('loading')).to.equal(true);
    stop();
    el.client = clientFor(testApi.api, 'sam.special@acme.de');
    await waitFor(() => root(el).querySelector('[part="state"]'), 'no access');
    expect(text(root(el).querySelector('[part="state"]')!)).to.include(en.auditLog.noPermissionText);
  });

  it('should stack its rows in a narrow container and stay accessible in light and dark', async () => {
    const { owner } = await history();
    const wide = await renderLog(owner);
    await axeCheck(wide);
    wide.remove();
    const wrapper =
      await fixture<HTMLDivElement>(html`<div style="color-scheme: dark; background: #000; color: #fff; width: 375px">
      <roster-audit-log .client=${owner} locale="en"></roster-audit-log></div>`);
    const narrow = wrapper.querySelector('roster-audit-log')!;
    await waitFor(() => rows(narrow).length > 0, 'rows');
    const row = rows(narrow)[0]!;
    const time = row.querySelector('.col-time')!.getBoundingClientRect();
    const change = row.querySelector('.col-change')!.getBoundingClientRect();
    expect(change.top, 'the sentence below the time').to.be.greaterThanOrEqual(time.bottom - 1);
    expect(
      row.querySelector('.sentence')!.getBoundingClientRect().height,
      'a long sentence on two lines',
    ).to.be.greaterThan(30);
    for (const each of rows(narrow)) {
      const sentence = each.querySelector('.sentence')!.getBoundingClientRect();
      expect(sentence.bottom, `"${text(each)}" inside its row`).to.be.at.most(
        each.getBoundingClientRect().bottom + 0.5,
      );
    }
    expect(outside(narrow)).to.deep.equal([]);
    await axeCheck(narrow);
  });
});
