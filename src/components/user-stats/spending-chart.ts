/**
 * Credits spent per day: the aggregation (pure, testable) and the chart (plain SVG drawn here, no
 * charting library) with its text alternative, a summary sentence and a table for screen readers.
 * Days are calendar days in the viewer's time zone.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { RosterEvent } from '../../sdk/index.js';
import type { LocalizeController } from '../localize/localize-controller.js';

export interface DaySpending {
  /** Local midnight starting the day. */
  start: Date;
  credits: number;
}

export interface SpendingSeries {
  days: DaySpending[];
  /** False when the events were too many to count: the series then starts later than asked. */
  complete: boolean;
}

export interface SpendingSummary {
  total: number;
  activeDays: number;
  /** The first day with the most credits, when any were spent. */
  busiest?: DaySpending;
}

/** Local midnight of the day holding `time`. */
export function startOfDay(time: Date | number | string): Date {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date;
}

/** The same local time `count` calendar days later (daylight saving changes included). */
export function addDays(date: Date, count: number): Date {
  const next = new Date(date);
  next.setDate(next.getDate() + count);
  return next;
}

/** Sums the cost of `events` per day for `count` days from `first` (local midnight); other events are ignored. */
export function dailySpending(
  events: Iterable<Pick<RosterEvent, 'at' | 'cost'>>,
  first: Date,
  count: number,
): DaySpending[] {
  const days = Array.from({ length: count }, (_, i) => ({ start: addDays(first, i), credits: 0 }));
  const index = new Map(days.map((day, i) => [day.start.getTime(), i]));
  for (const event of events) {
    const i = index.get(startOfDay(event.at).getTime());
    if (i !== undefined) days[i]!.credits += event.cost;
  }
  return days;
}

export function summarize(days: readonly DaySpending[]): SpendingSummary {
  let total = 0;
  let activeDays = 0;
  let busiest: DaySpending | undefined;
  for (const day of days) {
    total += day.credits;
    if (day.credits <= 0) continue;
    activeDays += 1;
    if (!busiest || day.credits > busiest.credits) busiest = day;
  }
  return { total, activeDays, busiest };
}

const BAR = 10;
const GAP = 3;
const HEIGHT = 100;

/**
 * The chart as a `<figure>`: title and period, the bars (hidden from assistive technology), the
 * summary sentence, and a visually hidden table of the days with spending. Parts: `chart`, `chart-bar`.
 */
export function renderSpendingChart(
  series: SpendingSeries,
  localize: LocalizeController,
): TemplateResult | typeof nothing {
  const t = localize.t;
  const { days } = series;
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return nothing;
  const max = Math.max(1, ...days.map((day) => day.credits));
  const width = days.length * (BAR + GAP) - GAP;
  const dayText = (day: DaySpending) => localize.date(day.start);
  const spent = days.filter((day) => day.credits > 0);
  const { total, activeDays, busiest } = summarize(days);
  let summary = total ? t.stats.chartSummary(total, activeDays, days.length) : t.stats.chartEmpty;
  if (total && busiest) summary += ` ${t.stats.chartBusiest(dayText(busiest), busiest.credits)}`;
  return html`<figure class="chart" part="chart" aria-labelledby="chart-title">
    <figcaption class="chart-head">
      <span id="chart-title" class="chart-title">${t.stats.chartTitle}</span>
      <span class="muted">${t.stats.chartPeriod(dayText(first), dayText(last))}</span>
    </figcaption>
    <div class="chart-plot">
      <span class="chart-max numeric muted" aria-hidden="true">${localize.number(max)}</span>
      <svg class="chart-svg" viewBox="0 0 ${width} ${HEIGHT}" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <line class="chart-axis" x1="0" x2=${width} y1=${HEIGHT - 0.5} y2=${HEIGHT - 0.5}></line>
        ${days.map((day, i) => {
          const height = day.credits > 0 ? Math.max(2, (day.credits / max) * (HEIGHT - 4)) : 0;
          return svg`<rect part="chart-bar" class="chart-bar" x=${i * (BAR + GAP)} y=${HEIGHT - height} width=${BAR} height=${height} rx="1.5">
            <title>${dayText(day)}: ${t.common.credits(day.credits)}</title>
          </rect>`;
        })}
      </svg>
      <span class="chart-axis-labels muted" aria-hidden="true"><span>${dayText(first)}</span><span>${dayText(last)}</span></span>
    </div>
    <p class="chart-summary" part="hint">${summary}</p>
    ${series.complete ? nothing : html`<p class="hint" part="hint">${t.stats.chartPartial(dayText(first))}</p>`}
    ${
      spent.length
        ? html`<table class="visually-hidden">
          <caption>${t.stats.chartTitle}</caption>
          <thead><tr><th scope="col">${t.stats.chartDay}</th><th scope="col">${t.stats.chartCredits}</th></tr></thead>
          <tbody>${spent.map((day) => html`<tr><td>${dayText(day)}</td><td>${localize.number(day.credits)}</td></tr>`)}</tbody>
        </table>`
        : nothing
    }
  </figure>`;
}
