import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/provider/roster-provider.js';
import type { RosterProvider } from '../../src/components/provider/provider.js';
import '../../src/components/user-list/roster-user-list.js';
import type { RosterUserList } from '../../src/components/user-list/user-list.js';
import { en } from '../../src/components/localize/english.js';
import { DEMO_VIEWERS } from '../../src/mock/data.js';
import type { RosterClient } from '../../src/sdk/index.js';
import { axeCheck, clientFor, hang, outside, problemResponse, setupApi, waitFor, type TestApi } from './helpers.js';

const OWNER = 'olivia.owner@acme.de';
const ACCOUNT = {
  name: 'Acme GmbH',
  emailDomain: 'acme.de',
  seatLimit: 12,
  passwordMode: 'shared' as const,
  credits: 1000,
};

const root = (el: RosterUserList) => el.shadowRoot!;
const rows = (el: RosterUserList) => [...root(el).querySelectorAll<HTMLElement>('.body [role="row"][data-id]')];
const rowNames = (el: RosterUserList) => rows(el).map((row) => row.querySelector('.name')!.textContent!.trim());
const text = (el: RosterUserList) => root(el).textContent!.replace(/\s+/g, ' ');
const listRequests = (api: TestApi) => api.requests.filter((r) => r.method === 'GET' && r.path === '/users');

async function renderList(client: RosterClient, wrapper = html``) {
  const el = await fixture<RosterUserList>(
    html`${wrapper}<roster-user-list .client=${client} style="height: 480px"></roster-user-list>`,
  );
  return el;
}

async function loaded(el: RosterUserList) {
  await waitFor(() => rows(el).length > 0, 'rows rendered');
  await el.updateComplete;
  return el;
}

function type(el: RosterUserList, value: string) {
  const input = root(el).querySelector<HTMLInputElement>('[part="search"]')!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function press(target: Element, key: string, init: KeyboardEventInit = {}) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
}

const activeIndex = (el: RosterUserList) => Number((root(el).activeElement as HTMLElement | null)?.dataset.index);
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const cursorRequests = (api: TestApi) => listRequests(api).filter((r) => r.url.searchParams.has('cursor'));

/** Every node in the list's shadow root (elements, text, the template's comment markers). */
function nodeCount(el: RosterUserList): number {
  const walker = document.createTreeWalker(root(el), NodeFilter.SHOW_ALL);
  let count = 0;
  while (walker.nextNode()) count += 1;
  return count;
}

async function createUser(client: RosterClient, firstName: string, lastName: string) {
  return client.users.create({
    firstName,
    lastName,
    email: `${firstName}.${lastName}@acme.de`.toLowerCase(),
    role: 'specialist',
  });
}

describe('<roster-user-list>', () => {
  describe('rendering', () => {
    it('should render the team from the reference API, with roles, statuses and seats', async () => {
      const testApi = setupApi({ data: 'demo' });
      const el = await loaded(await renderList(clientFor(testApi.api, DEMO_VIEWERS.owner)));
      expect(rowNames(el)).to.include('Greta Hoffmann');
      const me = await clientFor(testApi.api, DEMO_VIEWERS.owner).me();
      expect(text(el)).to.include(en.list.seats(me.account.seatsUsed, me.account.plan.seatLimit));
      expect(text(el)).to.include(en.roles.owner.name);
      expect(text(el)).to.include(en.common.status.active);
      const grid = root(el).querySelector('[role="grid"]')!;
      expect(grid.getAttribute('aria-rowcount')).to.equal(String(me.account.seatsUsed + 1));
      expect(listRequests(testApi)[0].url.searchParams.get('sort')).to.equal('name');
    });

    // A phone (290 px of list) in German, whose "Verifizierung gesendet" is the longest status, and
    // the same phone at 200 % text size (rem = 32px, so 13rem is wider than the list).
    for (const [width, rootSize] of [
      [290, ''],
      [326, '32px'],
    ] as const) {
      it(`should keep the controls in view, every name readable and the status at the end of each card at ${width}px${rootSize ? ' and 200 % text' : ''}`, async () => {
        document.documentElement.style.fontSize = rootSize;
        try {
          const testApi = setupApi({ data: 'demo' });
          const wrapper = await fixture<HTMLDivElement>(html`<div lang="de">
            <roster-user-list .client=${clientFor(testApi.api, DEMO_VIEWERS.owner)} style="width: ${width}px; height: 1400px"></roster-user-list></div>`);
          const el = await loaded(wrapper.querySelector<RosterUserList>('roster-user-list')!);
          await waitFor(() => text(el).includes('Verifizierung gesendet'), 'German statuses');
          const box = el.getBoundingClientRect();
          for (const control of root(el).querySelectorAll(
            '[part="search"], [part="filter"], [part~="toolbar"] [part~="button-primary"]',
          )) {
            const { left, right } = control.getBoundingClientRect();
            expect(
              left >= box.left - 0.5 && right <= box.right + 0.5,
              `${control.getAttribute('part')} inside the list`,
            ).to.be.true;
          }
          for (const row of rows(el)) {
            // Shown whole, or with room for a few letters before the ellipsis.
            const name = row.querySelector<HTMLElement>('.name')!;
            if (name.scrollWidth > name.clientWidth) expect(name.clientWidth, name.textContent!).to.be.at.least(48);
            // A card: the status at the end of its line, inside the row.
            const cell = row.querySelector('.col-status')!.getBoundingClientRect();
            expect(cell.right, 'status at the end of the card').to.be.closeTo(row.getBoundingClientRect().right, 1);
            const badge = row.querySelector('.col-status [part~="badge"]')!.getBoundingClientRect();
            expect(badge.right, 'badge inside its cell').to.be.at.most(cell.right + 0.5);
          }
        } finally {
          document.documentElement.style.fontSize = '';
        }
      });
    }

    // At 200 % text "+ Neuer Nutzer" is wider than a narrow list (at 256 px already in the demo's font).
    it('should wrap the new-user button inside a 240px list at 200 % text', async () => {
      document.documentElement.style.fontSize = '32px';
      try {
        const testApi = setupApi({ data: 'demo' });
        const wrapper = await fixture<HTMLDivElement>(html`<div lang="de" style="font-family: sans-serif">
          <roster-user-list .client=${clientFor(testApi.api, DEMO_VIEWERS.owner)} style="width: 240px; height: 1400px"></roster-user-list></div>`);
        const el = await loaded(wrapper.querySelector<RosterUserList>('roster-user-list')!);
        await waitFor(
          () =>
            root(el).querySelector('[part~="toolbar"] [part~="button-primary"]')?.textContent?.includes('Neuer Nutzer'),
          'German button',
        );
        expect(outside(el)).to.deep.equal([]);
      } finally {
        document.documentElement.style.fontSize = '';
      }
    });

    // German column headers are long: "Verbrauchte Credits" in a 9rem column, next to the open detail.
    for (const width of [640, 900, 1200]) {
      it(`should show every column header whole, sort icon included, in German at ${width}px`, async () => {
        const testApi = setupApi({ data: 'demo' });
        const wrapper = await fixture<HTMLDivElement>(html`<div lang="de">
          <roster-user-list .client=${clientFor(testApi.api, DEMO_VIEWERS.owner)} style="width: ${width}px; height: 600px"></roster-user-list></div>`);
        const el = await loaded(wrapper.querySelector<RosterUserList>('roster-user-list')!);
        await waitFor(() => text(el).includes('Verbrauchte Credits'), 'German headers');
        for (const cell of root(el).querySelectorAll<HTMLElement>('.header-row .cell')) {
          if (!cell.offsetWidth) continue;
          const box = cell.getBoundingClientRect();
          for (const part of cell.querySelectorAll('button, svg')) {
            const { left, right } = part.getBoundingClientRect();
            expect(
              left >= box.left - 0.5 && right <= box.right + 0.5,
              `"${cell.textContent!.trim()}" ${part.localName} inside its column`,
            ).to.be.true;
          }
        }
      });
    }

    it('should isolate names in their own direction', async () => {
      const testApi = setupApi({ account: ACCOUNT });
      const owner = clientFor(testApi.api, OWNER);
      await owner.users.create({
        firstName: 'محمد',
        lastName: 'علي',
        email: 'mohammed.ali@acme.de',
        role: 'specialist',
      });
      const el = await loaded(await renderList(owner));
      const name = rows(el)
        .map((row) => row.querySelector('.name')!)
        .find((n) => n.textContent!.includes('محمد'))!;
      expect(name.getAttribute('dir')).to.equal('auto');
    });

    it('should be accessible in light and dark', async () => {
      const testApi = setupApi({ data: 'demo' });
      const light = await loaded(await renderList(clientFor(testApi.api, DEMO_VIEWERS.owner)));
      await axeCheck(light);
      const wrapper = await fixture<HTMLDivElement>(html`<div style="color-scheme: dark; background: #000; color: #fff">
        <roster-user-list .client=${clientFor(testApi.api, DEMO_VIEWERS.owner)} style="height: 480px"></roster-user-list></div>`);
      const dark = await loaded(wrapper.querySelector('roster-user-list')!);
      const surface = getComputedStyle(root(dark).querySelector('.content')!).backgroundColor;
      expect(surface).to.not.equal(getComputedStyle(root(light).querySelector('.content')!).backgroundColor);
      await axeCheck(dark);
    });
  });

  describe('search, filters and sorting', () => {
    it('should search on the server after a pause in typing, and abort the stale search', async () => {
      const testApi = setupApi({ data: 'demo' });
      const el = await loaded(await renderList(clientFor(testApi.api, DEMO_VIEWERS.owner)));
      const before = listRequests(testApi).length;
      type(el, 'g');
      type(el, 'gr');
      type(el, 'gre');
      const stop = testApi.intercept((r) => r.path === '/users' && r.url.searchParams.get('q') === 'gre', hang);
      const first = await waitFor(
        () => listRequests(testApi).find((r) => r.url.searchParams.get('q') === 'gre'),
        'search sent',
      );
      expect(listRequests(testApi).length, 'one request for three keystrokes').to.equal(before + 1);
      stop();
      type(el, 'greta');
      await waitFor(
        () => listRequests(testApi).find((r) => r.url.searchParams.get('q') === 'greta'),
        'second search sent',
      );
      expect(first.signal.aborted, 'the stale search is aborted').to.equal(true);
      await waitFor(
        () => rowNames(el).length > 0 && rowNames(el).every((name) => /greta/i.test(name)),
        'results shown',
      );
      expect(el.query).to.equal('greta');
    });

    it('should filter by role and status on the server', async () => {
      const testApi = setupApi({ data: 'demo' });
      const el = await loaded(await renderList(clientFor(testApi.api, DEMO_VIEWERS.owner)));
      const [role, status] = root(el).querySelectorAll<HTMLSelectElement>('[part="filter"]');
      role.value = 'specialist';
      role.dispatchEvent(new Event('change'));
      await waitFor(
        () => listRequests(testApi).at(-1)!.url.searchParams.get('role') === 'specialist',
        'role filter sent',
      );
      await waitFor(
        () => rows(el).length > 0 && rows(el).every((row) => row.textContent!.includes(en.roles.specialist.name)),
        'specialists only',
      );
      status.value = 'active';
      status.dispatchEvent(new Event('change'));
      const last = await waitFor(
        () => listRequests(testApi).find((r) => r.url.searchParams.get('status') === 'active'),
        'status filter sent',
      );
      expect(last.url.searchParams.get('role')).to.equal('specialist');
    });

    it('should sort by a column header and announce the order with aria-sort', async () => {
      const testApi = setupApi({ data: 'demo' });
      const el = await loaded(await renderList(clientFor(testApi.api, DEMO_VIEWERS.owner)));
      const header = () => root(el).querySelector<HTMLElement>('.col-name[role="columnheader"]')!;
      expect(header().getAttribute('aria-sort')).to.equal('ascending');
      const firstBefore = rowNames(el)[0];
      header().querySelector('button')!.click();
      await waitFor(
        () => listRequests(testApi).at(-1)!.url.searchParams.get('sort') === '-name',
        'descending sort sent',
      );
      await waitFor(() => rowNames(el)[0] !== firstBefore, 'order changed');
      expect(header().getAttribute('aria-sort')).to.equal('descending');
      root(el).querySelector<HTMLElement>('.col-credits[role="columnheader"] button')!.click();
      await waitFor(
        () => listRequests(testApi).at(-1)!.url.searchParams.get('sort') === 'creditsSpent',
        'credit sort sent',
      );
      expect(header().hasAttribute('aria-sort')).to.equal(false);
    });
  });

  describe('scale', () => {
    it('should load further pages as the viewer scrolls', async () => {
      const testApi = setupApi({ data: 'demo', demoUsers: 500 });
      const el = await loaded(await renderList(clientFor(testApi.api, DEMO_VIEWERS.owner)));
      const grid = root(el).querySelector<HTMLElement>('[part~="table"]')!;
      expect(cursorRequests(testApi)).to.have.length(0);
      // Polled, not a fixed number of steps: each page is fetched and rendered before the next scroll can ask for more.
      await waitFor(
        () => {
          grid.scrollTop = grid.scrollHeight;
          return root(el).querySelector('.body [data-index="499"][data-id]');
        },
        'the last user is reached',
        20000,
      );
      expect(listRequests(testApi).filter((r) => r.url.searchParams.has('cursor')).length).to.be.at.least(4);
    });

    it('should fill the view and scroll to every user when shown after loading while hidden', async () => {
      const testApi = setupApi({ data: 'demo', demoUsers: 150 });
      const wrapper = await fixture<HTMLDivElement>(html`<div hidden>
        <roster-user-list .client=${clientFor(testApi.api, DEMO_VIEWERS.owner)} style="height: 900px"></roster-user-list></div>`);
      const el = wrapper.querySelector<RosterUserList>('roster-user-list')!;
      await waitFor(
        () => root(el).querySelector('[role="grid"]')?.getAttribute('aria-rowcount') === '151',
        'first page loaded',
      );
      wrapper.hidden = false;
      const grid = root(el).querySelector<HTMLElement>('[part~="table"]')!;
      const bottom = () => grid.getBoundingClientRect().bottom;
      await waitFor(
        () => rows(el).length && rows(el).at(-1)!.getBoundingClientRect().bottom >= bottom(),
        'rows down to the bottom of the view',
      );
      await waitFor(() => {
        grid.scrollTop = grid.scrollHeight;
        return root(el).querySelector('.body [data-index="149"][data-id]');
      }, 'the last user is reached');
    });

    it('should keep the DOM the same size while scrolling through 10,000 users', async function () {
      this.timeout(120000);
      const testApi = setupApi({ data: 'demo', demoUsers: 10_000 });
      const el = await loaded(await renderList(clientFor(testApi.api, DEMO_VIEWERS.owner)));
      const grid = root(el).querySelector<HTMLElement>('[part~="table"]')!;
      await waitFor(() => root(el).querySelector('[role="grid"][aria-busy="false"]'), 'settled');
      const start = nodeCount(el);
      const rowHeight = rows(el)[0].offsetHeight;
      const counts: number[] = [];
      // 15 rows a frame: a fast scroll, in which the window keeps some rows and recycles the others.
      for (let top = 0; !root(el).querySelector('.body [data-index="9999"][data-id]'); top += 15 * rowHeight) {
        grid.scrollTop = Math.min(top, grid.scrollHeight - grid.clientHeight);
        await frame();
        await el.updateComplete;
        // Placeholder rows have fewer nodes than user rows: count the rows as loaded.
        if (!root(el).querySelector('.body .skeleton-row')) counts.push(nodeCount(el));
        else top -= 15 * rowHeight;
      }
      // A user row has 40–50 nodes (a pending user's resend button, the viewer's "You"): the rows'
      // contents vary, their number does not.
      expect(Math.max(...counts) - start, `from ${start} nodes`).to.be.below(60);
      expect(Math.abs(counts.at(-1)! - start), `from ${start} to ${counts.at(-1)} nodes`).to.be.below(60);
    });

    it('should keep the DOM to a few screens with 10,000 users', async function () {
      this.timeout(30000);
      const testApi = setupApi({ data: 'demo', demoUsers: 10_000 });
      const el = await loaded(await renderList(clientFor(testApi.api, DEMO_VIEWERS.owner)));
      const grid = root(el).querySelector<HTMLElement>('[part~="table"]')!;
      await waitFor(
        () => {
          grid.scrollTop = grid.scrollHeight;
          return Number(rows(el).at(-1)?.dataset.index) > 500;
        },
        'past the 500th user',
        20000,
      );
      expect(root(el).querySelectorAll('[role="row"]').length).to.be.below(80);
      expect(root(el).querySelectorAll('*').length).to.be.below(2000);
    });
  });

  describe('loading ahead', () => {
    it('should ask for the viewer and the first page together, both in flight at the first paint', async () => {
      const testApi = setupApi({ data: 'demo' });
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const inFlight = new Set<string>();
      testApi.intercept(
        (r) => r.path === '/me' || r.path === '/users',
        async (request) => {
          const path = new URL(request.url).pathname;
          inFlight.add(path);
          await gate;
          inFlight.delete(path);
          return testApi.api.fetch(request);
        },
      );
      const el = await renderList(clientFor(testApi.api, DEMO_VIEWERS.owner));
      await frame();
      expect(root(el).querySelectorAll('.skeleton-row').length, 'placeholders painted').to.be.greaterThan(3);
      expect([...inFlight].map((path) => path.replace(/.*\/v1/, '')).sort()).to.deep.equal(['/me', '/users']);
      release();
      await loaded(el);
    });

    it('should ask for the next page before the view reaches the end of the loaded rows', async () => {
      const testApi = setupApi({ data: 'demo', demoUsers: 1000 });
      const el = await loaded(await renderList(clientFor(testApi.api, DEMO_VIEWERS.owner)));
      const grid = root(el).querySelector<HTMLElement>('[part~="table"]')!;
      await waitFor(() => root(el).querySelector('[role="grid"][aria-busy="false"]'), 'settled');
      const pages = cursorRequests(testApi).length;
      // The body is as high as the rows it can show: those loaded.
      const rowHeight = rows(el)[0].offsetHeight;
      const loadedRows = Math.round(root(el).querySelector<HTMLElement>('.body')!.offsetHeight / rowHeight);
      // The last row in view 50 rows short of the end of those loaded.
      grid.scrollTop = (loadedRows - 50 - Math.floor(grid.clientHeight / rowHeight)) * rowHeight;
      await waitFor(() => cursorRequests(testApi).length > pages, 'next page asked for', 5000);
      const box = grid.getBoundingClientRect();
      const visible = rows(el).filter(
        (row) => row.getBoundingClientRect().bottom > box.top && row.getBoundingClientRect().top < box.bottom,
      );
      expect(Math.max(...visible.map((row) => Number(row.dataset.index)))).to.be.below(loadedRows - 40);
    });
  });

  describe('keyboard and selection', () => {
    it('should move a single tab stop with the arrow, Home, End and Page keys', async () => {
      const testApi = setupApi({ data: 'demo', demoUsers: 60 });
      const el = await loaded(await renderList(clientFor(testApi.api, DEMO_VIEWERS.owner)));
      const tabStops = () => rows(el).filter((row) => row.tabIndex === 0);
      expect(tabStops()).to.have.length(1);
      rows(el)[0].focus();
      press(rows(el)[0], 'ArrowDown');
      await waitFor(() => activeIndex(el) === 1, 'second row focused');
      press(root(el).activeElement!, 'ArrowDown');
      await waitFor(() => activeIndex(el) === 2, 'third row focused');
      press(root(el).activeElement!, 'ArrowUp');
      await waitFor(() => activeIndex(el) === 1, 'back to the second row');
      press(root(el).activeElement!, 'End');
      await waitFor(() => activeIndex(el) === 59, 'last row focused and scrolled into view');
      press(root(el).activeElement!, 'PageUp');
      await waitFor(() => activeIndex(el) < 59 && activeIndex(el) > 40, 'a page up');
      press(root(el).activeElement!, 'Home');
      await waitFor(() => activeIndex(el) === 0, 'first row focused');
      press(root(el).activeElement!, 'PageDown');
      await waitFor(() => activeIndex(el) > 1, 'a page down');
      expect(tabStops()).to.have.length(1);
    });

    it('should reach the last user by the current order with End, and the first with Home, without loading the pages between', async function () {
      this.timeout(30000);
      const testApi = setupApi({ data: 'demo', demoUsers: 10_000 });
      const client = clientFor(testApi.api, DEMO_VIEWERS.owner);
      const el = await loaded(await renderList(client));
      for (const [sort, reverse, ctrlKey] of [
        ['name', '-name', false],
        ['-creditsSpent', 'creditsSpent', true],
      ] as const) {
        el.sort = sort;
        await waitFor(
          () => listRequests(testApi).at(-1)!.url.searchParams.get('sort') === sort && rows(el).length,
          `sorted by ${sort}`,
        );
        const [first] = (await client.users.list({ sort, limit: 1 })).items;
        const [last] = (await client.users.list({ sort: reverse, limit: 1 })).items;
        await waitFor(() => rows(el)[0]?.dataset.id === first.id, 'first page shown');
        const before = listRequests(testApi).length;
        rows(el)[0].focus();
        press(rows(el)[0], 'End', { ctrlKey });
        const row = await waitFor(() => {
          const active = root(el).activeElement as HTMLElement | null;
          return active?.dataset.id && active.dataset.index === '9999' ? active : undefined;
        }, 'the last row focused');
        expect(row.dataset.id, `the last user by ${sort}`).to.equal(last.id);
        expect(row.getAttribute('aria-rowindex')).to.equal('10001');
        expect(root(el).querySelector('[role="grid"]')!.getAttribute('aria-rowcount')).to.equal('10001');
        const grid = root(el).querySelector('[part~="table"]')!.getBoundingClientRect();
        expect(row.getBoundingClientRect().bottom, 'in view').to.be.at.most(grid.bottom + 0.5);
        expect(listRequests(testApi).length - before, 'a page or two, not a hundred').to.be.below(5);
        press(row, 'ArrowUp');
        await waitFor(
          () => activeIndex(el) === 9998 && (root(el).activeElement as HTMLElement).dataset.id,
          'the row above, loaded with the last',
        );
        press(root(el).activeElement!, 'Home', { ctrlKey });
        await waitFor(() => activeIndex(el) === 0, 'the first row focused');
        expect((root(el).activeElement as HTMLElement).dataset.id).to.equal(first.id);
      }
    });

    it('should keep focus and the keys in the grid while Home waits for a page no longer in memory', async function () {
      this.timeout(20000);
      const testApi = setupApi({ data: 'demo', demoUsers: 400 });
      // 10 a page: past 20 pages (200 rows) the first ones are dropped and fetched again on return.
      const el = await loaded(
        await fixture<RosterUserList>(html`<roster-user-list .client=${clientFor(testApi.api, DEMO_VIEWERS.owner)}
        page-size="10" style="height: 480px"></roster-user-list>`),
      );
      rows(el)[0].focus();
      // Page by page (End would fetch the last page straight away, and keep the first in memory).
      await waitFor(
        () => {
          press(root(el).activeElement ?? rows(el).at(-1)!, 'PageDown');
          return activeIndex(el) >= 250;
        },
        'far down the list',
        15000,
      );
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      testApi.intercept(
        (r) => r.path === '/users' && r.url.searchParams.get('sort') === 'name' && !r.url.searchParams.has('cursor'),
        (request) => gate.then(() => testApi.api.fetch(request)),
      );
      press(root(el).activeElement!, 'Home');
      await waitFor(() => root(el).querySelector('.body [data-index="0"]'), 'first row placeholder');
      await el.updateComplete;
      expect(
        root(el).querySelector('.body [data-index="0"]')!.hasAttribute('data-id'),
        'first page still loading',
      ).to.equal(false);
      expect(Boolean(root(el).activeElement?.closest('.body')), 'focus in the grid').to.equal(true);
      press(root(el).activeElement!, 'ArrowDown');
      await waitFor(() => root(el).activeElement?.getAttribute('data-index') === '1', 'second placeholder focused');
      // The viewer goes on to the search before the page comes: focus stays where they put it.
      const search = root(el).querySelector<HTMLInputElement>('[part="search"]')!;
      search.focus();
      release();
      await waitFor(() => root(el).querySelector('.body [data-index="1"][data-id]'), 'first page loaded');
      await el.updateComplete;
      expect(root(el).activeElement === search, 'focus stays in the search').to.equal(true);
      expect(
        root(el).querySelector<HTMLElement>('.body [data-index="1"]')!.tabIndex,
        'the tab stop moved with the keys',
      ).to.equal(0);
    });

    it('should let the host put focus on the current row, where the keyboard left it', async () => {
      const testApi = setupApi({ data: 'demo' });
      const el = await loaded(await renderList(clientFor(testApi.api, DEMO_VIEWERS.owner)));
      const elsewhere = document.createElement('button');
      el.after(elsewhere);
      elsewhere.focus();
      expect(el.focusRow(), 'a row took focus').to.equal(true);
      expect(document.activeElement).to.equal(el);
      expect(activeIndex(el), 'the first row until the keyboard moved').to.equal(0);

      press(rows(el)[0], 'ArrowDown');
      await waitFor(() => activeIndex(el) === 1, 'second row focused');
      elsewhere.focus();
      expect(root(el).activeElement).to.equal(null);
      el.focusRow();
      expect(document.activeElement).to.equal(el);
      expect(activeIndex(el), 'the row the keyboard left').to.equal(1);
      elsewhere.focus();
      el.hidden = true;
      expect(el.focusRow(), 'a hidden list takes no focus').to.equal(false);
      expect(document.activeElement).to.equal(elsewhere);
      elsewhere.remove();
    });

    it('should fire roster-select with the user on Enter and on click', async () => {
      const testApi = setupApi({ data: 'demo' });
      const el = await loaded(await renderList(clientFor(testApi.api, DEMO_VIEWERS.owner)));
      rows(el)[0].focus();
      press(rows(el)[0], 'ArrowDown');
      await waitFor(() => activeIndex(el) === 1, 'second row focused');
      const expected = rows(el)[1].dataset.id;
      const selected = oneEvent(el, 'roster-select');
      press(root(el).activeElement!, 'Enter');
      const event = await selected;
      expect(event.detail.user.id).to.equal(expected);
      expect(event.bubbles && event.composed).to.equal(true);
      const clicked = oneEvent(el, 'roster-select');
      rows(el)[2].querySelector<HTMLElement>('.col-email')!.click();
      expect((await clicked).detail.user.id).to.equal(rows(el)[2].dataset.id);
    });
  });

  describe('states', () => {
    it('should show skeleton rows and the loading state while the first page loads', async () => {
      const testApi = setupApi({ data: 'demo' });
      testApi.intercept((r) => r.path === '/users', hang);
      const el = await renderList(clientFor(testApi.api, DEMO_VIEWERS.owner));
      await waitFor(() => listRequests(testApi).length > 0, 'list requested');
      await el.updateComplete;
      expect(el.matches(':state(loading)')).to.equal(true);
      expect(root(el).querySelectorAll('.skeleton-row').length).to.be.greaterThan(3);
      expect(root(el).querySelector('[role="grid"]')!.getAttribute('aria-busy')).to.equal('true');
      await axeCheck(el);
    });

    it('should show the empty state with the create action', async () => {
      const testApi = setupApi({ account: ACCOUNT });
      testApi.intercept(
        (r) => r.path === '/users',
        async () => Response.json({ items: [], nextCursor: null, total: 0 }),
      );
      const el = await renderList(clientFor(testApi.api, OWNER));
      await waitFor(() => text(el).includes(en.list.emptyTitle), 'empty state');
      expect(el.matches(':state(empty)')).to.equal(true);
      expect(root(el).querySelector('.state [part~="button-primary"]')).to.exist;
      await axeCheck(el);
    });

    it('should show "no results" for a search, and clear it', async () => {
      const testApi = setupApi({ data: 'demo' });
      const el = await loaded(await renderList(clientFor(testApi.api, DEMO_VIEWERS.owner)));
      el.query = 'nobody-is-called-this';
      await waitFor(() => text(el).includes(en.list.noResultsTitle), 'no results state');
      await axeCheck(el);
      [...root(el).querySelectorAll<HTMLButtonElement>('.state button')]
        .find((b) => b.textContent!.includes(en.list.clearFilters))!
        .click();
      await waitFor(() => rows(el).length > 0, 'rows again');
      expect(el.query).to.equal('');
    });

    it('should show a typed error with a retry that works', async () => {
      const testApi = setupApi({ data: 'demo' });
      const stop = testApi.intercept(
        (r) => r.path === '/users',
        async () => problemResponse(503, 'server_error', 'Unavailable'),
      );
      const el = await renderList(clientFor(testApi.api, DEMO_VIEWERS.owner));
      await waitFor(() => text(el).includes(en.errors.server_error), 'error shown');
      expect(el.matches(':state(error)')).to.equal(true);
      await axeCheck(el);
      stop();
      root(el).querySelector<HTMLButtonElement>('[part~="alert"] > [part~="button"]')!.click();
      await loaded(el);
      expect(el.matches(':state(error)')).to.equal(false);
    });

    it('should say the server answered in an unexpected format instead of breaking', async () => {
      const testApi = setupApi({ data: 'demo' });
      testApi.intercept(
        (r) => r.path === '/users',
        async () => Response.json({ items: 'not a list' }),
      );
      const el = await renderList(clientFor(testApi.api, DEMO_VIEWERS.owner));
      await waitFor(() => text(el).includes(en.errors.invalid_response), 'shape error shown');
    });

    for (const viewer of ['specialist', 'guest'] as const) {
      // The first page goes out with `GET /me` (who the viewer is is not known yet), and nothing after it.
      it(`should show "no permission" to a ${viewer}, asking for no users once the viewer is known`, async () => {
        const testApi = setupApi({ data: 'demo' });
        const el = await renderList(clientFor(testApi.api, DEMO_VIEWERS[viewer]));
        await waitFor(() => text(el).includes(en.list.noPermissionText), 'no permission state');
        expect(listRequests(testApi).map((r) => r.url.searchParams.has('cursor'))).to.deep.equal([false]);
        el.query = 'anna';
        await el.updateComplete;
        expect(listRequests(testApi)).to.have.length(1);
        expect(el.matches(':state(error)')).to.equal(false);
        expect(root(el).querySelector('[part~="toolbar"] [part~="button-primary"]')).to.not.exist;
        await axeCheck(el);
      });

      it(`should ask for no users when a provider already knows the viewer is a ${viewer}`, async () => {
        const testApi = setupApi({ data: 'demo' });
        const provider = await fixture<RosterProvider>(
          html`<roster-provider .client=${clientFor(testApi.api, DEMO_VIEWERS[viewer])}></roster-provider>`,
        );
        await waitFor(() => provider.viewer.me, 'viewer loaded');
        const el = document.createElement('roster-user-list');
        provider.append(el);
        await waitFor(() => text(el).includes(en.list.noPermissionText), 'no permission state');
        expect(listRequests(testApi)).to.have.length(0);
      });
    }
  });

  describe('the new-user action', () => {
    it('should ask the host to create a user when the owner has a free seat', async () => {
      const testApi = setupApi({ account: ACCOUNT });
      const el = await loaded(await renderList(clientFor(testApi.api, OWNER)));
      const button = root(el).querySelector<HTMLButtonElement>('[part~="toolbar"] [part~="button-primary"]')!;
      expect(button.getAttribute('aria-disabled')).to.equal('false');
      const requested = oneEvent(el, 'roster-user-create-request');
      button.click();
      const event = await requested;
      expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
    });

    it('should be disabled with the reason when every seat is used', async () => {
      const testApi = setupApi({ account: { ...ACCOUNT, seatLimit: 1 } });
      const el = await loaded(await renderList(clientFor(testApi.api, OWNER)));
      const button = root(el).querySelector<HTMLButtonElement>('[part~="toolbar"] [part~="button-primary"]')!;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(root(el).getElementById(button.getAttribute('aria-describedby')!)!.textContent).to.equal(
        en.list.newUserSeatsFull,
      );
      let fired = false;
      el.addEventListener('roster-user-create-request', () => (fired = true));
      button.click();
      expect(fired).to.equal(false);
    });

    it('should be disabled with the reason for a manager', async () => {
      const testApi = setupApi({ data: 'demo' });
      const el = await loaded(await renderList(clientFor(testApi.api, DEMO_VIEWERS.manager)));
      const button = root(el).querySelector<HTMLButtonElement>('[part~="toolbar"] [part~="button-primary"]')!;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(text(el)).to.include(en.list.newUserNoPermission);
      expect(root(el).querySelector('[part~="row"] [part~="button-icon"]')).to.not.exist;
    });
  });

  describe('live updates and verification', () => {
    it('should show a new pending user, resend the link once, and report it', async () => {
      const testApi = setupApi({ account: ACCOUNT });
      const owner = clientFor(testApi.api, OWNER);
      const el = await loaded(await renderList(owner));
      const user = await createUser(owner, 'Jonas', 'Becker');
      await waitFor(() => rowNames(el).includes('Jonas Becker'), 'new user listed');
      const row = rows(el).find((r) => r.dataset.id === user.id)!;
      expect(row.textContent).to.include(en.common.status.pending);
      const resend = row.querySelector<HTMLButtonElement>('[part~="row"] [part~="button-icon"]')!;
      expect(resend.getAttribute('aria-label')).to.equal(en.list.resendLabel('\u2068\u2068Jonas\u2069 Becker\u2069'));
      const sent = oneEvent(el, 'roster-verification-sent');
      resend.click();
      resend.click();
      expect((await sent).detail.user.id).to.equal(user.id);
      const posts = testApi.requests.filter((r) => r.method === 'POST' && r.path === `/users/${user.id}/verification`);
      expect(posts).to.have.length(1);
      await waitFor(() => text(el).includes(en.list.resent(user.email)), 'announced');
    });

    it('should patch an updated user in place without reloading the list', async () => {
      const testApi = setupApi({ account: ACCOUNT });
      const owner = clientFor(testApi.api, OWNER);
      const user = await createUser(owner, 'Anna', 'Schmidt');
      const el = await loaded(await renderList(owner));
      const before = listRequests(testApi).length;
      await owner.users.update(user.id, { lastName: 'Schmidt-Łukasiewicz' });
      await waitFor(() => rowNames(el).includes('Anna Schmidt-Łukasiewicz'), 'row updated');
      expect(listRequests(testApi).length).to.equal(before);
      await owner.users.delete(user.id);
      await waitFor(() => !rowNames(el).some((name) => name.startsWith('Anna')), 'row removed');
    });
  });
});
