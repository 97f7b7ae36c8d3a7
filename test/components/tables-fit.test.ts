/**
 * The events history and the audit log fit the width they are given: at 900 px of their own width and
 * more, a table whose time, type and cost are never clipped and whose descriptions wrap; below, stacked
 * rows whose cost stays inside the element. Rows are as tall as their text, and the virtualised body
 * still keeps few rows in the DOM, without gaps or overlaps, to the last row.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/audit-log/roster-audit-log.js';
import type { RosterAuditLog } from '../../src/components/audit-log/audit-log.js';
import type { RosterEvent } from '../../src/sdk/index.js';
import { clientFor, outside, setupApi, waitFor } from './helpers.js';
import {
  SPENDER_ID,
  eventRows,
  eventsShown,
  historyRoot,
  renderStats,
  spendingAccount,
  text,
} from './user-stats-fixtures.js';

const LONG_TASK =
  `Quarterly search visibility review for the Berlin, Hamburg and Munich branches ${'with competitors '.repeat(6)}`.trim();
const NAMES = ['Berlin Audit', LONG_TASK, 'مراجعة الربع الثالث للمتجر الإلكتروني', 'Ωmega', 'A'.repeat(120)];
const TYPES = ['task_created', 'task_updated', 'report_downloaded', 'signed_in'];

/** `count` events, newest first, of every type, with short, long, unbroken and right-to-left task names. */
function events(count: number): RosterEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const type = TYPES[i % TYPES.length]!;
    const named = type !== 'signed_in';
    return {
      id: `evt_${i}`,
      at: new Date(Date.UTC(2026, 10, 20, 10) - i * 3_600_000).toISOString(),
      type,
      description: named ? `Did something with “${NAMES[i % NAMES.length]}”` : 'Signed in',
      cost: [25, 0, 1234, 25, 7][i % 5]!,
      toolId: named ? 'site-audit' : null,
      taskId: null,
      taskName: named ? NAMES[i % NAMES.length]! : null,
    };
  });
}

/** A history of `count` events served by cursor, as the API pages it. */
async function renderEvents(width: number, count: number) {
  const { testApi, owner } = spendingAccount();
  const all = events(count);
  testApi.intercept(
    (r) => r.path === `/users/${SPENDER_ID}/events`,
    async (request) => {
      const url = new URL(request.url);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const items = all.slice(start, start + limit);
      const next = start + limit < all.length ? String(start + limit) : null;
      return new Response(JSON.stringify({ items, nextCursor: next, total: all.length }), {
        headers: { 'content-type': 'application/json' },
      });
    },
  );
  const el = await eventsShown(await renderStats(owner, SPENDER_ID, { tab: 'events' }));
  el.style.width = `${width}px`;
  await settle(el);
  return el;
}

/** Waits until the rows were measured and rendered at their heights (two frames without a change). */
async function settle(el: HTMLElement) {
  // The statistics show their events table in a <roster-events-history>.
  const table = el.shadowRoot!.querySelector('roster-events-history') ?? el;
  let last = '';
  for (let stable = 0; stable < 2;) {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    await (table as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const rows = [...table.shadowRoot!.querySelectorAll<HTMLElement>('.body [role="row"]')];
    const now = rows.map((row) => `${row.dataset.index}:${row.getBoundingClientRect().top.toFixed(1)}`).join();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

/** The cells (and boxes in them) of `rows` whose content is wider or taller than they show. */
function clipped(rows: readonly Element[]): string[] {
  const found: string[] = [];
  for (const row of rows) {
    const line = row.getBoundingClientRect();
    for (const cell of row.querySelectorAll<HTMLElement>('[role="cell"], [role="columnheader"]')) {
      const box = cell.getBoundingClientRect();
      if (box.height && (box.top < line.top - 1 || box.bottom > line.bottom + 1)) {
        found.push(
          `${row.getAttribute('data-index') ?? 'header'} ${cell.className}: ${box.top.toFixed(0)}–${box.bottom.toFixed(0)} outside its row ${line.top.toFixed(0)}–${line.bottom.toFixed(0)}`,
        );
      }
      for (const box of [cell, ...cell.querySelectorAll<HTMLElement>('*')]) {
        // Inline boxes have no client size of their own: the cell or block around them is checked.
        if (!box.clientWidth) continue;
        if (box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1) {
          found.push(
            `${row.getAttribute('data-index') ?? 'header'} ${cell.className} ${box.localName}: ${box.scrollWidth}×${box.scrollHeight} in ${box.clientWidth}×${box.clientHeight} "${text(box).slice(0, 30)}"`,
          );
        }
      }
    }
  }
  return found;
}

/** Rows of the virtualised body that are at least partly in its view. */
function visibleRows(body: HTMLElement): HTMLElement[] {
  const view = body.getBoundingClientRect();
  return [...body.querySelectorAll<HTMLElement>('[role="row"][data-id]')].filter((row) => {
    const box = row.getBoundingClientRect();
    return box.bottom > view.top + 1 && box.top < view.bottom - 1;
  });
}

/** Rendered rows in order, each starting where the one before ends: no gap, no overlap. */
function gapsOrOverlaps(body: HTMLElement): string[] {
  const rows = [...body.querySelectorAll<HTMLElement>('[role="row"][data-index]')];
  const found: string[] = [];
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    if (!previous) return;
    if (Number(row.dataset.index) !== Number(previous.dataset.index) + 1)
      found.push(`row ${row.dataset.index} after ${previous.dataset.index}`);
    const gap = row.getBoundingClientRect().top - previous.getBoundingClientRect().bottom;
    if (Math.abs(gap) > 1)
      found.push(`row ${row.dataset.index}: ${gap.toFixed(1)} px from row ${previous.dataset.index}`);
  });
  return found;
}

describe('<roster-user-stats> events table at its width', () => {
  for (const width of [1440, 900]) {
    it(`should show every cell whole at ${width} px: time, type and cost unclipped, descriptions wrapped`, async () => {
      const el = await renderEvents(width, 40);
      const rows = eventRows(el);
      expect(
        historyRoot(el).querySelector<HTMLElement>('.head')!.offsetHeight,
        'column headers shown',
      ).to.be.greaterThan(0);
      expect(clipped([...historyRoot(el).querySelectorAll('.header-row'), ...rows])).to.deep.equal([]);
      const cost = rows.find((row) => row.dataset.id === 'evt_0')!.querySelector<HTMLElement>('.col-cost')!;
      expect(text(cost)).to.equal('25');
      const long = rows.find((row) => row.dataset.id === 'evt_1')!;
      const description = long.querySelector<HTMLElement>('.col-description')!;
      expect(text(description)).to.equal(`Updated the task “${LONG_TASK}”`);
      expect(description.getBoundingClientRect().height, 'the long description wraps').to.be.greaterThan(30);
      // One row per line of the table: the columns line up from row to row.
      const starts = rows.map((row) => Math.round(row.querySelector('.col-cost')!.getBoundingClientRect().left));
      expect(new Set(starts).size).to.equal(1);
      expect(outside(el)).to.deep.equal([]);
    });
  }

  it('should stack each event below 900 px, its cost inside the element and nothing cut off', async () => {
    const el = await renderEvents(375, 40);
    const body = historyRoot(el).querySelector<HTMLElement>('.body')!;
    expect(
      historyRoot(el).querySelector<HTMLElement>('.head')!.offsetHeight,
      'no column headers above stacked rows',
    ).to.equal(0);
    const box = el.getBoundingClientRect();
    const shown = visibleRows(body);
    expect(shown.length).to.be.greaterThan(1);
    for (const row of shown) {
      const cost = row.querySelector<HTMLElement>('.col-cost')!.getBoundingClientRect();
      const time = row.querySelector<HTMLElement>('.col-time')!.getBoundingClientRect();
      const description = row.querySelector<HTMLElement>('.col-description')!.getBoundingClientRect();
      expect(cost.left, `cost of ${row.dataset.id} inside`).to.be.at.least(box.left - 0.5);
      expect(cost.right, `cost of ${row.dataset.id} inside`).to.be.at.most(box.right + 0.5);
      expect(Math.abs(cost.top - time.top), 'cost on the line of the time').to.be.below(time.height);
      expect(description.top, 'the description below').to.be.at.least(time.bottom - 1);
    }
    expect(clipped(eventRows(el))).to.deep.equal([]);
    expect(
      text(
        eventRows(el)
          .find((row) => row.dataset.id === 'evt_1')!
          .querySelector('.col-description')!,
      ),
    ).to.equal(`Updated the task “${LONG_TASK}”`);
    expect(outside(el)).to.deep.equal([]);
    // One scrolling area: the body scrolls down, nothing in the table scrolls sideways.
    expect(body.scrollWidth).to.be.at.most(body.clientWidth);
  });

  it('should keep few rows in the DOM, without gaps or overlaps, down to the last row from the keyboard', async function () {
    this.timeout(60_000);
    const el = await renderEvents(375, 1500);
    const body = historyRoot(el).querySelector<HTMLElement>('.body')!;
    expect(gapsOrOverlaps(body)).to.deep.equal([]);
    for (let step = 0; step < 12; step++) {
      body.scrollTop += body.clientHeight * 7;
      await settle(el);
      const rows = eventRows(el);
      expect(rows.length, 'a window of rows').to.be.below(60);
      expect(gapsOrOverlaps(body)).to.deep.equal([]);
      expect(visibleRows(body).length, `rows in view after scrolling to ${body.scrollTop}`).to.be.greaterThan(0);
    }
    body.focus();
    const last = await (async () => {
      for (let tries = 0; tries < 40; tries++) {
        await sendKeys({ press: 'End' });
        await settle(el);
        const found = eventRows(el).find((row) => row.getAttribute('aria-rowindex') === '1501');
        if (found && found.getBoundingClientRect().bottom <= body.getBoundingClientRect().bottom + 1) return found;
      }
      return undefined;
    })();
    expect(last, 'the last row in view').to.not.equal(undefined);
    expect(gapsOrOverlaps(body)).to.deep.equal([]);
    expect(clipped(eventRows(el))).to.deep.equal([]);
    expect(body.querySelectorAll('.rows > *').length, 'no nodes left behind by scrolling').to.be.below(60);
  });
});

describe('<roster-audit-log> at its width', () => {
  /** A log whose sentences name long and right-to-left names and a long task. */
  async function renderLog(width: number) {
    const testApi = setupApi();
    const owner = clientFor(testApi.api, 'olivia.owner@acme.de');
    const task = await owner.tasks.create({ toolId: 'site-audit', name: LONG_TASK });
    for (const [i, [firstName, lastName]] of [
      ['Maximiliane', 'Oberhauser-Lindqvist'],
      ['ليلى', 'الحسيني'],
      ['Zoë', 'B'.repeat(90)],
    ].entries()) {
      const user = await owner.users.create({
        firstName,
        lastName,
        email: `person${i}@acme.de`,
        role: 'specialist',
        creditLimit: 25,
      });
      await owner.users.update(
        user.id,
        { access: { tools: [], tasks: [{ toolId: 'site-audit', taskId: task.id }] }, creditLimit: 1234 },
        { version: user.version },
      );
    }
    const el = await fixture<RosterAuditLog>(
      html`<roster-audit-log .client=${owner} locale="en" style="width: ${width}px"></roster-audit-log>`,
    );
    await waitFor(
      () =>
        [...el.shadowRoot!.querySelectorAll('.body [role="row"][data-id]')].some((row) =>
          text(row).includes(LONG_TASK),
        ),
      'rows with the task named',
    );
    await settle(el);
    return el;
  }
  const logRows = (el: RosterAuditLog) => [
    ...el.shadowRoot!.querySelectorAll<HTMLElement>('.body [role="row"][data-id]'),
  ];

  for (const width of [1440, 900]) {
    it(`should show every cell whole at ${width} px, sentences wrapped`, async () => {
      const el = await renderLog(width);
      expect(el.shadowRoot!.querySelector<HTMLElement>('.head')!.offsetHeight).to.be.greaterThan(0);
      expect(clipped([...el.shadowRoot!.querySelectorAll('.header-row'), ...logRows(el)])).to.deep.equal([]);
      const granted = logRows(el).find((row) => text(row).includes(LONG_TASK))!;
      expect(text(granted.querySelector('.col-change')!)).to.include(`access to the task “${LONG_TASK}” (Site Audit)`);
      expect(gapsOrOverlaps(el.shadowRoot!.querySelector('.body .rows')!)).to.deep.equal([]);
      expect(outside(el)).to.deep.equal([]);
    });
  }

  it('should stack each change below 900 px, whole and inside the element', async () => {
    const el = await renderLog(375);
    const body = el.shadowRoot!.querySelector<HTMLElement>('.body')!;
    expect(el.shadowRoot!.querySelector<HTMLElement>('.head')!.offsetHeight).to.equal(0);
    for (const row of visibleRows(body)) {
      const time = row.querySelector('.col-time')!.getBoundingClientRect();
      expect(
        row.querySelector('.col-change')!.getBoundingClientRect().top,
        'the sentence below the time',
      ).to.be.at.least(time.bottom - 1);
    }
    expect(clipped(logRows(el))).to.deep.equal([]);
    expect(gapsOrOverlaps(el.shadowRoot!.querySelector('.body .rows')!)).to.deep.equal([]);
    expect(outside(el)).to.deep.equal([]);
    expect(body.scrollWidth).to.be.at.most(body.clientWidth);
  });
});
