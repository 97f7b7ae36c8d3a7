/**
 * The statistics tab's data: the user (for their name), `GET /users/{id}/stats`, and the events of
 * the chart's period summed per day.
 *
 * The chart covers `days` calendar days ending on the day of the user's last activity (today for an
 * active user; for one who stopped a while ago, their last active weeks rather than an empty chart).
 * Its events are fetched with `from`/`to`, so a user with 100,000 events in all costs only the pages
 * of that period, and at most `MAX_CHART_EVENTS` of them: past that the chart starts later and says so.
 */
import type { RosterClient, User, UserStats } from '../../sdk/index.js';
import { isAbortError } from '../shared/errors.js';
import { addDays, dailySpending, type SpendingSeries, startOfDay } from './spending-chart.js';

/** Events read for the chart at most: ten pages of 200. */
const MAX_CHART_EVENTS = 2000;

export class StatsSource {
  user?: User;
  stats?: UserStats;
  /** Why the user or their stats failed to load. */
  error?: unknown;
  loading = false;
  chart?: SpendingSeries;
  chartError?: unknown;
  chartLoading = false;
  #abortController?: AbortController;

  constructor(private readonly onChange: () => void) {}

  /** Forgets everything (another user, or none). */
  clear(): void {
    this.abort();
    this.user = this.stats = this.error = this.chart = this.chartError = undefined;
    this.loading = this.chartLoading = false;
    this.onChange();
  }

  abort(): void {
    this.#abortController?.abort();
    this.#abortController = undefined;
  }

  /** Loads (or reloads, keeping what is shown until the answers arrive) the figures and the chart. */
  async load(client: RosterClient, userId: string, days: number): Promise<void> {
    this.abort();
    const controller = (this.#abortController = new AbortController());
    const { signal } = controller;
    // Settles the load: true while it is still the current one, with the changes applied and shown.
    const settle = (changes: Partial<StatsSource>) => {
      if (controller !== this.#abortController) return false;
      Object.assign(this, changes);
      this.onChange();
      return true;
    };
    settle({ loading: true, chartLoading: true, error: undefined });
    let stats: UserStats;
    try {
      const [user, answer] = await Promise.all([
        client.users.get(userId, { signal }),
        client.users.stats(userId, { signal }),
      ]);
      stats = answer;
      if (!settle({ user, stats, loading: false })) return;
    } catch (error) {
      if (!isAbortError(error)) settle({ error, loading: false, chartLoading: false });
      return;
    }
    const now = Date.now();
    const last = startOfDay(stats.lastActiveAt ? Math.min(Date.parse(stats.lastActiveAt), now) : now);
    let first = addDays(last, 1 - Math.max(1, Math.floor(days)));
    const spending: { at: string; cost: number }[] = [];
    let complete = true;
    try {
      for await (const event of client.users.iterateEvents(
        userId,
        { from: first, to: addDays(last, 1), limit: 200 },
        { signal },
      )) {
        if (spending.length === MAX_CHART_EVENTS) {
          // Events come newest first: when cut off, only the days after the oldest one read are whole.
          complete = false;
          first = new Date(Math.min(last.getTime(), addDays(startOfDay(spending.at(-1)!.at), 1).getTime()));
          break;
        }
        spending.push(event);
      }
    } catch (error) {
      if (!isAbortError(error)) settle({ chartError: error, chartLoading: false });
      return;
    }
    const count = Math.round((last.getTime() - first.getTime()) / 86_400_000) + 1;
    settle({
      chart: { days: dailySpending(spending, first, count), complete },
      chartError: undefined,
      chartLoading: false,
    });
  }
}
