import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/provider/roster-provider.js';
import { en } from '../../src/components/localize/english.js';
import { de } from '../../src/components/localize/de.js';
import { addDays, dailySpending, startOfDay, summarize } from '../../src/components/user-stats/spending-chart.js';
import { budgetOf } from '../../src/components/user-stats/stats-overview.js';
import { axeCheck, clientFor, outside, problemResponse, settled, setupApi, waitFor } from './helpers.js';
import {
  OWNER,
  SPENDER,
  SPENDER_ID,
  eventsShown,
  figure,
  localNoon,
  renderStats,
  root,
  spendingAccount,
  statsShown,
  text,
} from './user-stats-fixtures.js';

const statsRequests = (requests: { method: string; path: string }[], id: string) =>
  requests.filter((r) => r.method === 'GET' && r.path === `/users/${id}/stats`);

describe('<roster-user-stats> statistics', () => {
  it('should show the figures after a specialist spent credits', async () => {
    const { spender, owner } = spendingAccount({ creditLimit: 100 });
    await spender.tasks.create({ toolId: 'rank-tracker', name: 'Shop relaunch' });
    await spender.tasks.create({ toolId: 'site-audit', name: 'Blog audit' });
    const el = await statsShown(await renderStats(owner, SPENDER_ID));
    expect(figure(el, en.stats.role)).to.equal(en.roles.specialist.name);
    expect(figure(el, en.stats.budget)).to.equal(en.stats.budgetLimit(100));
    expect(figure(el, en.stats.spent)).to.equal('35');
    expect(figure(el, en.stats.available)).to.equal('65');
    expect(figure(el, en.stats.tasksOwned)).to.equal('2');
    expect(figure(el, en.stats.lastActive)).to.match(/now|second|minute/);
    const meter = root(el).querySelector('[role="meter"]')!;
    expect(meter.getAttribute('aria-valuenow')).to.equal('35');
    expect(meter.getAttribute('aria-valuemax')).to.equal('100');
    expect(meter.getAttribute('aria-valuetext')).to.equal(en.stats.meterOfLimit(35, 100));
    expect(root(el).querySelector('.budget')!.getAttribute('data-state')).to.equal('ok');
    expect(el.hasCustomState('limit-reached')).to.equal(false);
  });

  it('should show a reached limit as such', async () => {
    const { spender, owner } = spendingAccount({ creditLimit: 45 });
    await spender.tasks.create({ toolId: 'rank-tracker', name: 'One' });
    await spender.tasks.create({ toolId: 'site-audit', name: 'Two' });
    await spender.tasks.create({ toolId: 'rank-tracker', name: 'Three' });
    const refused = await spender.tasks
      .create({ toolId: 'keyword-research', name: 'Four' })
      .catch((error: Error) => error);
    expect((refused as { code?: string }).code).to.equal('credit_limit_reached');
    const el = await statsShown(await renderStats(owner, SPENDER_ID));
    expect(figure(el, en.stats.available)).to.equal('0');
    const budget = root(el).querySelector('.budget')!;
    expect(budget.getAttribute('data-state')).to.equal('exhausted');
    expect(text(budget.querySelector('.budget [part~="badge"]')!)).to.equal(en.stats.limitReached);
    expect(text(budget)).to.include(en.stats.limitReachedText);
    expect(el.hasCustomState('limit-reached')).to.equal(true);
    const fill = budget.querySelector<HTMLElement>('[part="meter-fill"]')!;
    expect(fill.style.inlineSize).to.equal('100%');
  });

  it('should measure spending against the balance when there is no limit, and say when the balance is empty', async () => {
    expect(
      budgetOf({
        role: 'specialist',
        creditLimit: null,
        createdAt: '',
        creditsAvailable: 60,
        creditsSpent: 40,
        tasksOwned: 0,
        lastActiveAt: null,
      }),
    ).to.deep.equal({ spent: 40, max: 100, exhausted: undefined, cappedByBalance: false });
    expect(
      budgetOf({
        role: 'specialist',
        creditLimit: 500,
        createdAt: '',
        creditsAvailable: 20,
        creditsSpent: 40,
        tasksOwned: 0,
        lastActiveAt: null,
      }),
    ).to.include({ max: 500, cappedByBalance: true });
    const { spender, owner } = spendingAccount({ credits: 35 });
    await spender.tasks.create({ toolId: 'rank-tracker', name: 'One' });
    await spender.tasks.create({ toolId: 'site-audit', name: 'Two' });
    const el = await statsShown(await renderStats(owner, SPENDER_ID));
    expect(figure(el, en.stats.budget)).to.equal(en.common.noLimit);
    const budget = root(el).querySelector('.budget')!;
    expect(budget.getAttribute('data-state')).to.equal('exhausted');
    expect(text(budget)).to.include(en.stats.balanceEmpty);
    expect(text(budget)).to.include(en.stats.balanceEmptyText);
  });

  it('should chart credits per day with a text alternative', async () => {
    let clock = localNoon(12);
    const { spender, owner, testApi } = spendingAccount({ now: () => clock });
    await spender.tasks.create({ toolId: 'rank-tracker', name: 'Day one A' });
    await spender.tasks.create({ toolId: 'keyword-research', name: 'Day one B' });
    clock = localNoon(4);
    await spender.tasks.create({ toolId: 'site-audit', name: 'Busiest' });
    clock = localNoon(2);
    await spender.tasks.create({ toolId: 'keyword-research', name: 'Last' });
    const el = await statsShown(await renderStats(owner, SPENDER_ID));
    const chart = root(el).querySelector('[part="chart"]')!;
    expect(chart.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    expect(chart.querySelectorAll('[part="chart-bar"]')).to.have.length(30);
    const summary = text(chart.querySelector('.chart-summary')!);
    const busiest = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(localNoon(4));
    expect(summary).to.equal(`${en.stats.chartSummary(45, 3, 30)} ${en.stats.chartBusiest(busiest, 25)}`);
    const cells = [...chart.querySelectorAll('table.visually-hidden tbody tr')].map((row) => text(row));
    expect(cells).to.have.length(3);
    expect(cells[1]).to.equal(`${busiest}25`);
    // The chart ends on the day of the last activity and asks only for its period.
    const chartRequest = testApi.requests.find((r) => r.path === `/users/${SPENDER_ID}/events`)!;
    expect(Date.parse(chartRequest.url.searchParams.get('from')!)).to.equal(
      addDays(startOfDay(localNoon(2)), -29).getTime(),
    );
    expect(Date.parse(chartRequest.url.searchParams.get('to')!)).to.equal(startOfDay(localNoon(1)).getTime());
  });

  it('should sum events per local day and find the busiest', () => {
    const first = startOfDay(localNoon(3));
    const days = dailySpending(
      [
        { at: localNoon(3).toISOString(), cost: 5 },
        { at: localNoon(3).toISOString(), cost: 10 },
        { at: localNoon(1).toISOString(), cost: 25 },
        { at: localNoon(9).toISOString(), cost: 100 },
      ],
      first,
      4,
    );
    expect(days.map((day) => day.credits)).to.deep.equal([15, 0, 25, 0]);
    expect(summarize(days)).to.deep.equal({ total: 40, activeDays: 2, busiest: days[2] });
  });

  it('should say so when nothing was spent in the period', async () => {
    const { owner } = spendingAccount();
    const el = await statsShown(await renderStats(owner, SPENDER_ID));
    expect(text(root(el).querySelector('.chart-summary')!)).to.equal(en.stats.chartEmpty);
    expect(figure(el, en.stats.lastActive)).to.equal(en.stats.noActivity);
  });

  it('should reload when the client reports a task the user created', async () => {
    const { spender } = spendingAccount({ creditLimit: 100 });
    const el = await statsShown(await renderStats(spender, SPENDER_ID));
    expect(figure(el, en.stats.spent)).to.equal('0');
    await spender.tasks.create({ toolId: 'site-audit', name: 'Live' });
    await waitFor(() => figure(el, en.stats.spent) === '25', 'spent updated');
    expect(figure(el, en.stats.tasksOwned)).to.equal('1');
    await waitFor(
      () => text(root(el).querySelector('.chart-summary')!).startsWith(en.stats.chartSummary(25, 1, 30)),
      'chart updated',
    );
  });

  it('should reload when the user changes, and ignore writes about others', async () => {
    const { owner, testApi } = spendingAccount({ creditLimit: 100 });
    const el = await statsShown(await renderStats(owner, SPENDER_ID));
    const ownerId = (await owner.me()).user.id;
    await owner.tasks.create({ toolId: 'site-audit', name: 'Owner task' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(statsRequests(testApi.requests, SPENDER_ID)).to.have.length(1);
    el.userId = ownerId;
    await waitFor(() => figure(el, en.stats.role) === en.roles.owner.name, 'owner shown');
    expect(figure(el, en.stats.spent)).to.equal('25');
    await owner.users.update(SPENDER_ID, { creditLimit: 200 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(statsRequests(testApi.requests, SPENDER_ID)).to.have.length(1);
  });

  it('should stop its requests when removed and load again when put back', async () => {
    const { owner, testApi } = spendingAccount();
    const el = await statsShown(await renderStats(owner, SPENDER_ID));
    const parent = el.parentElement!;
    el.remove();
    expect(el.hasCustomState('loading')).to.equal(false);
    parent.append(el);
    await waitFor(() => statsRequests(testApi.requests, SPENDER_ID).length === 2, 'loaded again');
    await statsShown(el);
    expect(figure(el, en.stats.spent)).to.equal('0');
  });

  it('should load nothing for an update still due when it was removed (a profile just deleted)', async () => {
    const { owner, spender, testApi } = spendingAccount();
    await spender.tasks.create({ toolId: 'rank-tracker', name: 'Shop relaunch' });
    const el = await renderStats(owner, SPENDER_ID, { tab: 'events' });
    await eventsShown(el);
    await waitFor(() => !el.hasCustomState('loading'), 'statistics loaded');
    const before = testApi.requests.length;
    // The panel removes the tab with an update pending: it runs while the element is out of the page.
    el.requestUpdate();
    el.remove();
    await el.updateComplete;
    expect(el.hasCustomState('loading'), 'nothing loading').to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(
      testApi.requests.slice(before).map((r) => `${r.method} ${r.path}`),
      'no request after removal',
    ).to.deep.equal([]);
  });

  it('should show typed errors with a retry, and no-permission for a viewer who may not look', async () => {
    const { owner, testApi } = spendingAccount();
    const stop = testApi.intercept(
      (r) => r.path.endsWith('/stats'),
      async () => problemResponse(503, 'server_error'),
    );
    const el = await renderStats(owner, SPENDER_ID);
    const error = await waitFor(() => root(el).querySelector('[part~="alert"]'), 'error shown');
    expect(text(error)).to.include(en.errors.server_error);
    expect(el.hasCustomState('error')).to.equal(true);
    stop();
    root(el).querySelector<HTMLButtonElement>('[part~="alert"] > [part~="button"]')!.click();
    await statsShown(el);
    expect(el.hasCustomState('error')).to.equal(false);

    const missing = await renderStats(owner, 'usr_gone');
    await waitFor(() => text(root(missing)).includes(en.errors.not_found), 'not found shown');

    const forbidden = await renderStats(clientFor(testApi.api, SPENDER), (await owner.me()).user.id);
    await waitFor(() => text(root(forbidden)).includes(en.stats.noPermissionText), 'no permission shown');
  });

  it('should work inside a provider without a client property', async () => {
    const testApi = setupApi();
    const client = clientFor(testApi.api, OWNER);
    const ownerId = (await client.me()).user.id;
    const host = await fixture<HTMLElement>(
      html`<roster-provider .client=${client}><roster-user-stats user-id=${ownerId}></roster-user-stats></roster-provider>`,
    );
    const el = await statsShown(host.querySelector('roster-user-stats')!);
    expect(figure(el, en.stats.role)).to.equal(en.roles.owner.name);
  });

  it('should switch tabs by keyboard (arrows, Home, End) with a roving tab stop', async () => {
    const { owner } = spendingAccount();
    const el = await statsShown(await renderStats(owner, SPENDER_ID));
    const tab = (name: string) => root(el).querySelector<HTMLElement>(`#tab-${name}`)!;
    const panel = (name: string) => root(el).querySelector<HTMLElement>(`#panel-${name}`)!;
    expect(root(el).querySelector('[role="tablist"]')!.getAttribute('aria-label')).to.equal(en.stats.tabs);
    expect(panel('statistics').getAttribute('aria-labelledby')).to.equal('tab-statistics');
    expect(tab('statistics').getAttribute('aria-controls')).to.equal('panel-statistics');
    tab('statistics').focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => root(el).activeElement === tab('events'), 'events tab focused');
    expect(el.tab).to.equal('events');
    expect(tab('events').getAttribute('aria-selected')).to.equal('true');
    expect(tab('events').tabIndex).to.equal(0);
    expect(tab('statistics').tabIndex).to.equal(-1);
    expect(panel('events').hidden).to.equal(false);
    expect(panel('statistics').hidden).to.equal(true);
    await sendKeys({ press: 'Home' });
    await waitFor(() => root(el).activeElement === tab('statistics') && el.tab === 'statistics', 'first tab by Home');
    await sendKeys({ press: 'End' });
    await waitFor(() => root(el).activeElement === tab('events') && el.tab === 'events', 'last tab by End');
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => root(el).activeElement === tab('statistics'), 'wraps around');
    await sendKeys({ press: 'ArrowLeft' });
    await waitFor(() => root(el).activeElement === tab('events'), 'left arrow');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(panel('events'));
  });

  it('should be accessible in light and dark, on both tabs', async () => {
    const { spender, owner } = spendingAccount({ creditLimit: 10 });
    await spender.tasks.create({ toolId: 'rank-tracker', name: 'Used up' });
    const light = await statsShown(await renderStats(owner, SPENDER_ID));
    await axeCheck(light);
    light.tab = 'events';
    await eventsShown(light);
    await axeCheck(light);
    const dark = await statsShown(
      await renderStats(
        owner,
        SPENDER_ID,
        {},
        (el) => html`<div style="color-scheme: dark; background: #000; color: #fff">${el}</div>`,
      ),
    );
    const surface = (el: typeof light) => getComputedStyle(root(el).querySelector('.figure')!).backgroundColor;
    light.tab = 'statistics';
    await light.updateComplete;
    expect(surface(dark)).to.not.equal(surface(light));
    await axeCheck(dark);
    dark.tab = 'events';
    // The virtualiser renders only rows inside the viewport, and the dark copy sits below the light one.
    dark.scrollIntoView();
    await eventsShown(dark);
    await axeCheck(dark);
  });

  it('should speak German with German number and date formats', async () => {
    const testApi = setupApi({ account: { credits: 12_345 }, now: () => new Date('2026-11-20T10:00:00Z') });
    const client = clientFor(testApi.api, OWNER);
    const ownerId = (await client.me()).user.id;
    const el = await statsShown(await renderStats(client, ownerId, { locale: 'de' }));
    expect(figure(el, de.stats.role)).to.equal(de.roles.owner.name);
    expect(figure(el, de.stats.available)).to.equal('12.345');
    expect(figure(el, de.stats.created)).to.equal('20.11.2026');
    expect(figure(el, de.stats.budget)).to.equal(de.common.noLimit);
    expect(text(root(el).querySelector('#tab-events')!)).to.equal('Ereignisverlauf');
    expect(text(root(el).querySelector('.budget-text')!)).to.equal(
      '0 verbraucht, noch 12.345 aus dem Guthaben des Accounts verfügbar',
    );
    expect(text(root(el).querySelector('.chart-summary')!)).to.equal(de.stats.chartEmpty);
  });

  // A 320 px phone at 200 % text (rem = 32px), in German: tabs, figures, budget and chart reflow.
  it('should keep the tabs, figures, budget and chart inside a 256px column at 200 % text', async () => {
    document.documentElement.style.fontSize = '32px';
    try {
      const { spender, owner } = spendingAccount({ creditLimit: 2500 });
      await spender.tasks.create({ toolId: 'rank-tracker', name: 'Shop relaunch' });
      const el = await renderStats(owner, SPENDER_ID, { locale: 'de' });
      el.style.width = '256px';
      await statsShown(el);
      await waitFor(() => settled(el), 'settled');
      expect(outside(el)).to.deep.equal([]);
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });
});
