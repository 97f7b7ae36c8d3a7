import { expect } from '@open-wc/testing';
import { en } from '../../src/components/localize/english.js';
import { de } from '../../src/components/localize/de.js';
import { buildCsv, csvField, csvRow, safeFileName } from '../../src/components/shared/csv.js';
import { DEMO_VIEWERS } from '../../src/mock/data.js';
import type { RosterEvent } from '../../src/sdk/index.js';
import { clientFor, hang, problemResponse, setupApi, waitFor } from './helpers.js';
import {
  SPENDER,
  SPENDER_ID,
  createTasks,
  eventRequests,
  eventRows,
  eventsShown,
  localNoon,
  historyRoot,
  renderStats,
  spendingAccount,
  text,
} from './user-stats-fixtures.js';

const CHEAP_TOOL = [{ id: 'ping', name: 'Ping', taskCost: 1 }];

function setValue(control: HTMLInputElement | HTMLSelectElement, value: string) {
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

/** An RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(csv: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (record.push(field), (field = ''));
    else if (c === '\r' && csv[i + 1] === '\n')
      (record.push(field), records.push(record), (record = []), (field = ''), i++);
    else field += c;
  }
  return records;
}

async function* eventsOf(events: RosterEvent[]) {
  yield* events;
}

const event = (patch: Partial<RosterEvent>): RosterEvent => ({
  id: 'evt_1',
  at: '2026-11-20T10:00:00.000Z',
  type: 'task_created',
  description: 'Created',
  cost: 5,
  toolId: null,
  taskId: null,
  ...patch,
});

describe('<roster-user-stats> events history', () => {
  it('should list events with localised types, tool and task names and costs', async () => {
    const testApi = setupApi({ data: 'demo' });
    const owner = clientFor(testApi.api, DEMO_VIEWERS.owner);
    const sophie = (await clientFor(testApi.api, DEMO_VIEWERS.specialist).me()).user;
    const el = await eventsShown(await renderStats(owner, sophie.id, { tab: 'events' }));
    const page = await owner.users.events(sophie.id, { limit: 100 });
    const first = page.items[0]!;
    const row = eventRows(el)[0]!;
    expect(row.dataset.id).to.equal(first.id);
    expect(text(row.querySelector('.col-type')!)).to.equal(en.stats.types[first.type as keyof typeof en.stats.types]);
    expect(
      page.items.filter((item) => item.taskId && !item.taskName),
      'the demo names the task of every event',
    ).to.deep.equal([]);
    expect(text(row.querySelector('.col-description')!)).to.equal(
      first.taskName
        ? en.stats.descriptions[first.type as 'task_created'](first.taskName)
        : en.stats.descriptions.signed_in(),
    );
    const withTask = page.items.find((item) => item.taskId && item.toolId === 'rank-tracker')!;
    await waitFor(
      () =>
        eventRows(el).some(
          (r) => r.dataset.id === withTask.id && text(r.querySelector('.col-subject')!).startsWith('Rank Tracker · '),
        ),
      'tool and task named',
    );
    const footer = historyRoot(el).querySelector('[part="footer"]')!;
    expect(text(footer)).to.include(en.stats.count(page.total));
    expect(historyRoot(el).querySelector('[role="table"]')!.getAttribute('aria-rowcount')).to.equal(
      String(page.total + 1),
    );
  });

  it('should send the type and date filters to the server', async () => {
    let clock = localNoon(20);
    const { testApi, spender, owner } = spendingAccount({ now: () => clock });
    for (const [days, toolId] of [
      [20, 'rank-tracker'],
      [10, 'site-audit'],
      [9, 'keyword-research'],
      [2, 'rank-tracker'],
    ] as const) {
      clock = localNoon(days);
      await spender.tasks.create({ toolId, name: `Task ${days}` });
    }
    const el = await eventsShown(await renderStats(owner, SPENDER_ID, { tab: 'events' }));
    expect(eventRows(el)).to.have.length(4);
    const [type, from, to] = historyRoot(el).querySelectorAll<HTMLInputElement & HTMLSelectElement>('[part="filter"]');
    setValue(type, 'signed_in');
    const typed = await waitFor(
      () => eventRequests(testApi).find((r) => r.url.searchParams.get('type') === 'signed_in'),
      'type sent',
    );
    expect(typed.url.searchParams.has('from')).to.equal(false);
    await waitFor(() => text(historyRoot(el)).includes(en.stats.noResultsTitle), 'no results');
    setValue(type, 'task_created');
    const fromDay = localNoon(10);
    const toDay = localNoon(9);
    setValue(
      from,
      `${fromDay.getFullYear()}-${String(fromDay.getMonth() + 1).padStart(2, '0')}-${String(fromDay.getDate()).padStart(2, '0')}`,
    );
    setValue(
      to,
      `${toDay.getFullYear()}-${String(toDay.getMonth() + 1).padStart(2, '0')}-${String(toDay.getDate()).padStart(2, '0')}`,
    );
    const ranged = await waitFor(
      () =>
        eventRequests(testApi).find(
          (r) => r.url.searchParams.has('to') && !r.url.searchParams.get('limit')?.startsWith('200'),
        ),
      'range sent',
    );
    const midnight = (date: Date, add = 0) =>
      new Date(date.getFullYear(), date.getMonth(), date.getDate() + add).getTime();
    expect(Date.parse(ranged.url.searchParams.get('from')!)).to.equal(midnight(fromDay));
    expect(Date.parse(ranged.url.searchParams.get('to')!), 'the last day is included').to.equal(midnight(toDay, 1));
    expect(ranged.url.searchParams.get('type')).to.equal('task_created');
    await waitFor(() => eventRows(el).length === 2, 'two events in range');
    expect(eventRows(el).map((row) => text(row.querySelector('.col-description')!))).to.deep.equal([
      'Created the task “Task 9”',
      'Created the task “Task 10”',
    ]);
    expect(text(historyRoot(el).querySelector('.total')!)).to.equal(en.stats.totalAll(30));
    setValue(from, '2030-01-01');
    await waitFor(() => text(historyRoot(el)).includes(en.stats.invalidRange), 'invalid range explained');
    expect(historyRoot(el).querySelector('[part~="toolbar"] > [part~="button"]')!.hasAttribute('disabled')).to.equal(
      true,
    );
    setValue(from, '');
    await waitFor(() => eventRows(el).length === 3, 'from cleared');
  });

  it('should page through thousands of events with few rows in the DOM, and never call a partial sum the total', async function () {
    this.timeout(60_000);
    const { testApi, owner } = spendingAccount({ tools: CHEAP_TOOL, credits: 100_000 });
    await createTasks(testApi, SPENDER, 'ping', 2500);
    const el = await eventsShown(await renderStats(owner, SPENDER_ID, { tab: 'events' }));
    el.scrollIntoView();
    const total = () => historyRoot(el).querySelector<HTMLElement>('.total')!;
    expect(total().dataset.complete).to.equal('false');
    expect(text(total())).to.equal(en.stats.totalLoaded(100, 100, 2500));
    const table = historyRoot(el).querySelector<HTMLElement>('.body')!;
    await waitFor(
      () => {
        table.scrollTop = table.scrollHeight;
        return total().dataset.complete === 'true';
      },
      'every page loaded',
      40_000,
    );
    expect(text(total())).to.equal(en.stats.totalAll(2500));
    const pages = eventRequests(testApi).filter((r) => r.url.searchParams.get('limit') === '100');
    expect(pages).to.have.length(25);
    expect(pages.filter((r) => r.url.searchParams.has('cursor'))).to.have.length(24);
    expect(eventRows(el).length).to.be.below(60);
    expect(historyRoot(el).querySelector('[role="table"]')!.getAttribute('aria-rowcount')).to.equal('2501');
    const last = await waitFor(() => {
      table.scrollTop = table.scrollHeight;
      return eventRows(el).find((row) => row.getAttribute('aria-rowindex') === '2501');
    }, 'the last row shown');
    expect(text(last.querySelector('.col-description')!)).to.equal('Created the task “Task 0”');
  });

  it('should name the task of an event that is on no first page of tasks, reading each page once', async () => {
    // Sam's task is the oldest of 451 in its tool and sorts last by name: the third page of
    // `GET /tasks` and of `GET /tools/rank-tracker/tasks` at 200 a page.
    let clock = localNoon(3);
    const tasks = Array.from({ length: 450 }, (_, i) => ({
      toolId: 'rank-tracker',
      name: `Project ${String(i).padStart(3, '0')}`,
      ownerId: SPENDER_ID,
      createdAt: new Date().toISOString(),
    }));
    const { testApi, owner, spender } = spendingAccount({ tasks, now: () => clock });
    const zebra = await spender.tasks.create({ toolId: 'rank-tracker', name: 'Zebra report' });
    clock = new Date();
    expect((await owner.tasks.list({ limit: 200 })).items.map((task) => task.id)).not.to.include(zebra.id);
    const el = await eventsShown(await renderStats(owner, SPENDER_ID, { tab: 'events' }));
    const row = eventRows(el).find((r) => text(r.querySelector('.col-description')!).includes('Zebra report'))!;
    await waitFor(() => text(row.querySelector('.col-subject')!) === 'Rank Tracker · Zebra report', 'task named');
    const pages = testApi.requests
      .filter((r) => r.path === '/tools/rank-tracker/tasks')
      .map((r) => r.url.searchParams.get('cursor') ?? '');
    expect(pages).to.have.length(3);
    expect(new Set(pages).size, 'no page read twice').to.equal(3);
  });

  it('should say when task names could not be loaded, and name the tasks after Try again', async () => {
    const { testApi, owner, spender } = spendingAccount();
    await spender.tasks.create({ toolId: 'rank-tracker', name: 'Quarterly audit' });
    const stop = testApi.intercept(
      (r) => r.path === '/tools/rank-tracker/tasks',
      async () => problemResponse(500, 'server_error'),
    );
    const el = await eventsShown(await renderStats(owner, SPENDER_ID, { tab: 'events' }));
    const alert = await waitFor(
      () => historyRoot(el).querySelector('[part="footer"] [part~="alert"]'),
      'lookup failure shown',
    );
    expect(text(alert)).to.include(en.errors.server_error);
    const row = eventRows(el).find((r) => text(r.querySelector('.col-description')!).includes('Quarterly audit'))!;
    expect(text(row.querySelector('.col-subject')!)).to.equal('Rank Tracker');
    stop();
    alert.querySelector<HTMLButtonElement>('[part~="alert"] > [part~="button"]')!.click();
    await waitFor(
      () => text(row.querySelector('.col-subject')!) === 'Rank Tracker · Quarterly audit',
      'task named after retry',
    );
    expect(historyRoot(el).querySelector('[part="footer"] [part~="alert"]')).to.equal(null);
  });

  it('should add a new event when the client reports a task the user created, named without a lookup', async () => {
    const { testApi, spender } = spendingAccount();
    await spender.tasks.create({ toolId: 'rank-tracker', name: 'First' });
    const el = await eventsShown(await renderStats(spender, SPENDER_ID, { tab: 'events' }));
    await spender.tasks.create({ toolId: 'site-audit', name: 'Second' });
    await waitFor(() => eventRows(el).length === 2, 'new event shown');
    expect(text(eventRows(el)[0]!.querySelector('.col-description')!)).to.equal('Created the task “Second”');
    expect(text(eventRows(el)[0]!.querySelector('.col-subject')!)).to.equal('Site Audit · Second');
    expect(text(historyRoot(el).querySelector('.total')!)).to.equal(en.stats.totalAll(35));
    expect(testApi.requests.filter((r) => r.path === '/tools/site-audit/tasks')).to.deep.equal([]);
  });

  it('should show German types, times and numbers', async () => {
    const { owner, spender } = spendingAccount({
      tools: [{ id: 'big', name: 'Großes Audit', taskCost: 1234 }],
      credits: 10_000,
      now: () => new Date('2026-11-20T10:00:00Z'),
    });
    await spender.tasks.create({ toolId: 'big', name: 'Jahresaudit' });
    const el = await eventsShown(await renderStats(owner, SPENDER_ID, { tab: 'events', locale: 'de' }));
    const row = eventRows(el)[0]!;
    expect(text(row.querySelector('.col-type')!)).to.equal(de.stats.types.task_created);
    expect(text(row.querySelector('.col-time')!)).to.match(/^20\.11\.2026, \d\d:00$/);
    expect(text(row.querySelector('.col-description')!)).to.equal('Hat die Aufgabe „Jahresaudit“ erstellt');
    expect(row.querySelector('.col-description bdi')!.textContent, 'the name in its own isolate').to.equal(
      'Jahresaudit',
    );
    expect(text(row.querySelector('.col-cost')!)).to.equal('1.234');
    expect(text(historyRoot(el).querySelector('[part="footer"]')!)).to.include('1 Ereignis');
    expect(text(historyRoot(el).querySelector('.total')!)).to.equal('Summe: 1.234 Credits');
    expect(text(historyRoot(el).querySelector('[part~="toolbar"] > [part~="button"]')!)).to.equal(de.stats.export);
  });
});

describe('<roster-user-stats> event descriptions', () => {
  it("should fall back to the server's description for an unknown type or a task event without its name", async () => {
    const { testApi, owner } = spendingAccount();
    const events = [
      event({
        id: 'evt_new',
        type: 'report_scheduled',
        description: 'Scheduled a report',
        taskId: 'tsk_x',
        taskName: 'Weekly',
      }),
      event({ id: 'evt_old', type: 'task_updated', description: 'Updated the task “Legacy”', taskName: null }),
      event({ id: 'evt_v1', type: 'report_downloaded', description: 'Downloaded the report of “v1”' }),
      event({ id: 'evt_rtl', type: 'task_updated', description: 'Updated', taskName: 'مشروع\u202Eabc' }),
      event({ id: 'evt_in', type: 'signed_in', description: 'Logged on' }),
    ];
    testApi.intercept(
      (r) => r.path === `/users/${SPENDER_ID}/events`,
      async () =>
        new Response(JSON.stringify({ items: events, nextCursor: null, total: events.length }), {
          headers: { 'content-type': 'application/json' },
        }),
    );
    const el = await eventsShown(await renderStats(owner, SPENDER_ID, { tab: 'events', locale: 'de' }));
    const described = () =>
      Object.fromEntries(eventRows(el).map((row) => [row.dataset.id, text(row.querySelector('.col-description')!)]));
    expect(described()).to.deep.equal({
      evt_new: 'Scheduled a report',
      evt_old: 'Updated the task “Legacy”',
      evt_v1: 'Downloaded the report of “v1”',
      evt_rtl: 'Hat die Aufgabe „مشروع\u202Eabc“ aktualisiert',
      evt_in: 'Hat sich angemeldet',
    });
    // The name is isolated: its override ends inside the <bdi>, before the closing quote.
    const rtl = eventRows(el).find((row) => row.dataset.id === 'evt_rtl')!;
    expect(rtl.querySelector('.col-description bdi')!.textContent).to.equal('مشروع\u202Eabc');
    const records = parseCsv((await (await el.buildCsv()).blob.text()).replace(/^\uFEFF/, ''));
    expect(records.slice(1).map((record) => record[2])).to.deep.equal(Object.values(described()));
  });
});

describe('<roster-user-stats> CSV export', () => {
  it('should quote every field, double quotes and defuse formulas', () => {
    expect(csvField('plain')).to.equal('"plain"');
    expect(csvField('a,b')).to.equal('"a,b"');
    expect(csvField('say "hi"')).to.equal('"say ""hi"""');
    expect(csvField('two\r\nlines')).to.equal('"two\r\nlines"');
    expect(csvField('one\nline')).to.equal('"one\nline"');
    for (const start of ['=', '+', '-', '@', '\t', '\r', ' ='])
      expect(csvField(`${start}1+1`)).to.equal(`"'${start}1+1"`);
    expect(csvField('=HYPERLINK("http://x", "y")')).to.equal(`"'=HYPERLINK(""http://x"", ""y"")"`);
    expect(csvField("x;=cmd|' /C calc'!A0;y")).to.equal(`"x;'=cmd|' /C calc'!A0;y"`);
    expect(csvField('\0=1+1')).to.equal(`"'=1+1"`);
    expect(csvField(-5)).to.equal('"-5"');
    expect(csvField(null)).to.equal('""');
    expect(csvRow(['a', 1, undefined])).to.equal('"a","1",""\r\n');
    expect(csvRow(['a', 'b'], ';')).to.equal('"a";"b"\r\n');
    expect(safeFileName('Zoë Schröder events 2026-11-20')).to.equal('Zoë-Schröder-events-2026-11-20.csv');
    expect(safeFileName('../a/b:c*?"<>|')).to.equal('a-b-c.csv');
  });

  it('should build the file in parts, with a BOM and CRLF, and stop when aborted', async () => {
    const events = Array.from({ length: 5 }, (_, i) => event({ id: `evt_${i}`, description: `Event ${i}` }));
    const progress: number[] = [];
    const { blob, count } = await buildCsv(eventsOf(events), {
      header: ['Time', 'Description', 'Cost'],
      cells: (e) => [e.at, e.description, e.cost],
      onProgress: (n) => progress.push(n),
      chunkSize: 2,
    });
    expect(count).to.equal(5);
    expect(progress).to.deep.equal([2, 4, 5]);
    expect(blob.type).to.equal('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    expect(csv.split('\r\n')).to.have.length(7);
    expect(parseCsv(csv)[5]).to.deep.equal(['2026-11-20T10:00:00.000Z', 'Event 4', '5']);
    const controller = new AbortController();
    controller.abort();
    const aborted = await buildCsv(eventsOf(events), { header: [], cells: () => [], signal: controller.signal }).catch(
      (e: Error) => e,
    );
    expect((aborted as Error).name).to.equal('AbortError');
  });

  it('should export the filtered history with every page, names and odd text intact', async function () {
    this.timeout(30_000);
    const odd = { id: 'odd', name: 'Odd, "Tool"\r\nLine 2', taskCost: 1 };
    const { testApi, owner, spender } = spendingAccount({ tools: [odd], credits: 100_000 });
    await createTasks(testApi, SPENDER, 'odd', 449, (i) => `Task ${i}`);
    await spender.tasks.create({ toolId: 'odd', name: '=SUM(A1:A9), "x"' });
    const el = await eventsShown(await renderStats(owner, SPENDER_ID, { tab: 'events' }));
    await waitFor(() => eventRows(el).some((row) => text(row).includes('Task 448')), 'task names known');

    const before = testApi.requests.length;
    const { blob, count, fileName } = await el.buildCsv();
    expect(count).to.equal(450);
    expect(fileName).to.match(/^Sam-Spender-events-\d{4}-\d\d-\d\d\.csv$/);
    expect(
      testApi.requests
        .slice(before)
        .filter((request) => request.method === 'GET' && request.path === `/users/${SPENDER_ID}`),
      'the name comes from the statistics already loaded',
    ).to.deep.equal([]);
    const records = parseCsv((await blob.text()).replace(/^\uFEFF/, ''));
    expect(records[0]).to.deep.equal(['Time (UTC)', 'Type', 'Description', 'Tool', 'Task', 'Cost (credits)']);
    expect(records).to.have.length(451);
    const formula = records[1]!;
    expect(formula.slice(1)).to.deep.equal([
      'Task created',
      'Created the task “=SUM(A1:A9), "x"”',
      odd.name,
      `'=SUM(A1:A9), "x"`,
      '1',
    ]);
    expect(Date.parse(formula[0]!)).to.be.a('number').and.not.NaN;
    expect(records[2]![4]).to.equal('Task 448');
    // Every task is named (the oldest too, which no first page of tasks holds), and no page of tasks is read twice.
    expect(records.at(-1)![4]).to.equal('Task 0');
    expect(
      records
        .slice(1)
        .map((record) => record[4]!)
        .filter((name) => !/^(Task \d+$|'=SUM)/.test(name)),
    ).to.deep.equal([]);
    const taskPages = testApi.requests
      .filter((r) => r.path === '/tools/odd/tasks')
      .map((r) => r.url.searchParams.get('cursor') ?? '');
    expect(taskPages).to.have.length(new Set(taskPages).size);
    expect(eventRequests(testApi).filter((r) => r.url.searchParams.get('limit') === '200')).to.have.length.at.least(3);
  });

  it('should download through a link, announce it and fire roster-events-exported', async () => {
    const { owner, spender } = spendingAccount();
    await spender.tasks.create({ toolId: 'rank-tracker', name: 'Export me' });
    const el = await eventsShown(await renderStats(owner, SPENDER_ID, { tab: 'events' }));
    const links: HTMLAnchorElement[] = [];
    const captureClick = (e: Event) => {
      if (e.target instanceof HTMLAnchorElement) {
        e.preventDefault();
        links.push(e.target);
      }
    };
    historyRoot(el).addEventListener('click', captureClick, true);
    const exported = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('roster-events-exported', resolve, { once: true }),
    );
    historyRoot(el).querySelector<HTMLButtonElement>('[part~="toolbar"] > [part~="button"]')!.click();
    const { detail } = await exported;
    expect(detail).to.deep.include({ userId: SPENDER_ID, count: 1 });
    expect(links).to.have.length(1);
    expect(links[0]!.download).to.equal(detail.fileName);
    expect(links[0]!.href).to.match(/^blob:/);
    expect(links[0]!.isConnected, 'the link is removed').to.equal(false);
    await waitFor(
      () => text(historyRoot(el).querySelector('[role="status"]')!) === en.stats.exported(1, detail.fileName),
      'announced',
    );
  });

  it('should show failures of the history and of the export with a retry', async () => {
    const { testApi, owner, spender } = spendingAccount();
    await spender.tasks.create({ toolId: 'rank-tracker', name: 'Retry me' });
    const historyPage = (r: { url: URL; path: string }) =>
      r.path.endsWith('/events') && r.url.searchParams.get('limit') === '100';
    let stop = testApi.intercept(historyPage, async () => problemResponse(503, 'server_error'));
    const el = await renderStats(owner, SPENDER_ID, { tab: 'events' });
    const error = await waitFor(() => historyRoot(el).querySelector('.content [part~="alert"]'), 'history error shown');
    expect(text(error)).to.include(en.errors.server_error);
    stop();
    error.querySelector<HTMLButtonElement>('[part~="alert"] > [part~="button"]')!.click();
    await eventsShown(el);
    stop = testApi.intercept(
      (r) => r.path.endsWith('/events') && r.url.searchParams.get('limit') === '200' && !r.url.searchParams.has('from'),
      async () => problemResponse(403, 'forbidden'),
    );
    let downloads = 0;
    historyRoot(el).addEventListener(
      'click',
      (e) => e.target instanceof HTMLAnchorElement && (e.preventDefault(), downloads++),
      true,
    );
    historyRoot(el).querySelector<HTMLButtonElement>('[part~="toolbar"] > [part~="button"]')!.click();
    const exportError = await waitFor(
      () => historyRoot(el).querySelector('.toolbar + [part~="alert"]'),
      'export error shown',
    );
    expect(text(exportError)).to.include(en.errors.forbidden);
    stop();
    exportError.querySelector<HTMLButtonElement>('[part~="alert"] > [part~="button"]')!.click();
    await waitFor(() => downloads === 1, 'exported on retry');
    await waitFor(() => !historyRoot(el).querySelector('.toolbar + [part~="alert"]'), 'error cleared');
  });

  it('should show progress and cancel a running export', async () => {
    const { testApi, owner } = spendingAccount({ tools: CHEAP_TOOL, credits: 10_000 });
    await createTasks(testApi, SPENDER, 'ping', 450);
    const el = await eventsShown(await renderStats(owner, SPENDER_ID, { tab: 'events' }));
    // Only the export's later pages: the task directory also reads pages of 200 with a cursor.
    const exportPage = (r: { path: string; url: URL }) =>
      r.path.endsWith('/events') &&
      r.url.searchParams.get('limit') === '200' &&
      r.url.searchParams.has('cursor') &&
      !r.url.searchParams.has('from');
    const stop = testApi.intercept(exportPage, hang);
    let downloads = 0;
    historyRoot(el).addEventListener(
      'click',
      (e) => e.target instanceof HTMLAnchorElement && (e.preventDefault(), downloads++),
      true,
    );
    historyRoot(el).querySelector<HTMLButtonElement>('[part~="toolbar"] > [part~="button"]')!.click();
    const progress = await waitFor(
      () => historyRoot(el).querySelector<HTMLProgressElement>('[part~="progress"]'),
      'progress shown',
    );
    await waitFor(() => progress.value === 200, 'first page written');
    expect(progress.max).to.equal(450);
    expect(progress.getAttribute('aria-label')).to.equal(en.stats.exportProgress(200, 450));
    expect(el.hasCustomState('exporting')).to.equal(true);
    const pending = await waitFor(() => eventRequests(testApi).find(exportPage), 'second page asked');
    historyRoot(el).querySelector<HTMLButtonElement>('.export > [part~="button"]')!.click();
    await waitFor(
      () => text(historyRoot(el).querySelector('[role="status"]')!) === en.stats.exportCancelled,
      'cancel announced',
    );
    expect(pending.signal.aborted).to.equal(true);
    expect(downloads).to.equal(0);
    expect(historyRoot(el).querySelector('[part~="toolbar"] > [part~="button"]')).to.not.equal(null);
    stop();
  });
});
