/**
 * The statistics tab's data: the user (for their name), `GET /users/{id}/stats`, and the events of
 * the chart's period summed per day.
 *
 * The chart covers `days` calendar days ending on the day of the user's last activity (today for an
 * active user; for one who stopped a while ago, their last active weeks rather than an empty chart).
 * Its events are fetched with `from`/`to`, so a user with 100,000 events in all costs only the pages
 * of that period, and at most `maxEvents` of them: past that the chart starts later and says so.
 */
import type { RosterClient, User, UserStats } from '../../sdk/index.js';
import { isAbortError } from '../shared/errors.js';
import { addDays, dailySpending, type SpendingSeries, startOfDay } from './spending-chart.js';

export interface StatsSourceOptions {
  onChange: () => void;
  /** Events read for the chart at most (default 2,000: ten pages of 200). */
  maxEvents?: number;
}

export class StatsSource {
  user?: User;
  stats?: UserStats;
  /** Why the user or their stats failed to load. */
  error?: unknown;
  loading = false;
  chart?: SpendingSeries;
  chartError?: unknown;
  chartLoading = false;
  private abortController?: AbortController;
  private readonly maxEvents: number;

  constructor(private readonly options: StatsSourceOptions) {
    this.maxEvents = options.maxEvents ?? 2000;
  }

  /** Forgets everything (another user, or none). */
  clear(): void {
    this.abort();
    this.user = this.stats = this.error = this.chart = this.chartError = undefined;
    this.loading = this.chartLoading = false;
    this.options.onChange();
  }

  abort(): void {
    this.abortController?.abort();
    this.abortController = undefined;
  }

  /** Loads (or reloads, keeping what is shown until the answers arrive) the figures and the chart. */
  async load(client: RosterClient, userId: string, days: number): Promise<void> {
    this.abort();
    const controller = (this.abortController = new AbortController());
    const { signal } = controller;
    const current = () => controller === this.abortController;
    this.loading = this.chartLoading = true;
    this.error = undefined;
    this.options.onChange();
    try {
      const [user, stats] = await Promise.all([client.users.get(userId, { signal }), client.users.stats(userId, { signal })]);
      if (!current()) return;
      this.user = user;
      this.stats = stats;
    } catch (error) {
      if (isAbortError(error) || !current()) return;
      this.error = error;
      this.loading = this.chartLoading = false;
      this.options.onChange();
      return;
    }
    this.loading = false;
    this.options.onChange();
    await this.loadChart(client, userId, days, signal, current);
  }

  private async loadChart(client: RosterClient, userId: string, days: number, signal: AbortSignal, current: () => boolean) {
    const now = Date.now();
    const lastActive = this.stats?.lastActiveAt ? Math.min(Date.parse(this.stats.lastActiveAt), now) : now;
    const last = startOfDay(lastActive);
    let first = addDays(last, 1 - Math.max(1, Math.floor(days)));
    const spending: { at: string; cost: number }[] = [];
    let read = 0;
    let complete = true;
    let oldest: string | undefined;
    try {
      const query = { from: first, to: addDays(last, 1), limit: 200 };
      for await (const event of client.users.iterateEvents(userId, query, { signal })) {
        if (read === this.maxEvents) {
          complete = false;
          break;
        }
        read += 1;
        oldest = event.at;
        if (event.cost > 0) spending.push({ at: event.at, cost: event.cost });
      }
    } catch (error) {
      if (isAbortError(error) || !current()) return;
      this.chartError = error;
      this.chartLoading = false;
      this.options.onChange();
      return;
    }
    if (!current()) return;
    // Events come newest first: when cut off, only the days after the oldest one read are whole.
    if (!complete && oldest) first = new Date(Math.min(last.getTime(), addDays(startOfDay(oldest), 1).getTime()));
    const count = Math.round((last.getTime() - first.getTime()) / 86_400_000) + 1;
    this.chart = { days: dailySpending(spending, first, count), complete };
    this.chartError = undefined;
    this.chartLoading = false;
    this.options.onChange();
  }
}
