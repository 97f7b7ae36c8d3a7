/** The statistics tab's figures and budget meter, as templates. */
import { html, nothing, type TemplateResult } from 'lit';
import type { UserStats } from '../../sdk/index.js';
import type { LocalizeController } from '../localize/localize-controller.js';
import { ROLE_TONES } from '../shared/role-tones.js';
import { styleProps } from '../shared/style-props.js';

/** What the budget looks like: how much of what is spent, and whether nothing is left. */
export interface Budget {
  spent: number;
  /** The scale: the limit, or (no limit) what was spent plus what the balance still allows. */
  max: number;
  /** `limit`: the user's credit limit is used up; `balance`: the account has no credits left. */
  exhausted?: 'limit' | 'balance';
  /** With a limit: the balance allows less than the limit leaves. */
  cappedByBalance: boolean;
}

export function budgetOf(stats: UserStats): Budget {
  const { creditLimit: limit, creditsSpent: spent, creditsAvailable: available } = stats;
  const exhausted = available > 0 ? undefined : limit !== null && spent >= limit ? 'limit' : 'balance';
  if (limit !== null) return { spent, max: limit, exhausted, cappedByBalance: available < limit - spent };
  return { spent, max: spent + available, exhausted, cappedByBalance: false };
}

function figure(label: string, value: unknown): TemplateResult {
  return html`<div class="figure" part="item"><dt class="figure-label">${label}</dt><dd class="figure-value">${value}</dd></div>`;
}

/** The figures of `GET /users/{id}/stats`. Parts: `figures`, `figure`. */
export function renderFigures(stats: UserStats, localize: LocalizeController): TemplateResult {
  const t = localize.t;
  const budget =
    stats.role === 'guest'
      ? t.common.none
      : stats.creditLimit === null
        ? t.common.noLimit
        : t.stats.budgetLimit(stats.creditLimit);
  const lastActive = stats.lastActiveAt
    ? html`<time datetime=${stats.lastActiveAt}>${localize.relativeTime(stats.lastActiveAt)}</time>
        <span class="figure-detail muted">${localize.dateTime(stats.lastActiveAt)}</span>`
    : html`<span class="muted">${t.stats.noActivity}</span>`;
  const big = (value: number) => html`<span class="numeric big">${localize.number(value)}</span>`;
  return html`<dl class="figures" aria-label=${t.stats.figures}>
    ${figure(t.stats.role, html`<span class="badge" part="badge" data-tone=${ROLE_TONES[stats.role]}>${t.roles[stats.role].name}</span>`)}
    ${figure(t.stats.budget, budget)}
    ${figure(t.stats.created, html`<time datetime=${stats.createdAt}>${localize.date(stats.createdAt)}</time>`)}
    ${figure(t.stats.available, big(stats.creditsAvailable))}
    ${figure(t.stats.spent, big(stats.creditsSpent))}
    ${figure(t.stats.tasksOwned, big(stats.tasksOwned))}
    ${figure(t.stats.lastActive, lastActive)}
  </dl>`;
}

/**
 * The budget as a bar (`role="meter"`): spent of the limit, or of spent plus the balance left when
 * there is no limit. Used up shows as its own state (`data-state="exhausted"`, text and colour).
 * Parts: `budget`, `meter`, `meter-fill`.
 */
export function renderBudget(stats: UserStats, localize: LocalizeController): TemplateResult | typeof nothing {
  const t = localize.t;
  if (stats.role === 'guest') return nothing;
  const budget = budgetOf(stats);
  const share = budget.max > 0 ? Math.min(1, budget.spent / budget.max) : budget.exhausted ? 1 : 0;
  const text =
    stats.creditLimit !== null
      ? t.stats.meterOfLimit(stats.creditsSpent, stats.creditLimit)
      : t.stats.meterOfBalance(stats.creditsSpent, stats.creditsAvailable);
  const limit = budget.exhausted === 'limit';
  return html`<section class="budget" part="group" data-state=${budget.exhausted ? 'exhausted' : 'ok'}>
    <div class="budget-head">
      <span id="meter-label" class="budget-title">${t.stats.meterLabel}</span>
      ${
        budget.exhausted
          ? html`<span class="badge" part="badge" data-tone="danger" data-dot>${limit ? t.stats.limitReached : t.stats.balanceEmpty}</span>`
          : html`<span class="numeric muted">${localize.number(share, { style: 'percent', maximumFractionDigits: 0 })}</span>`
      }
    </div>
    <div class="meter" part="meter" role="meter" aria-labelledby="meter-label" aria-valuemin="0"
      aria-valuemax=${Math.max(budget.max, budget.spent, 1)} aria-valuenow=${budget.spent} aria-valuetext=${text}>
      <div class="meter-fill" part="meter-fill" ${styleProps({ 'inline-size': `${(share * 100).toFixed(2)}%` })}></div>
    </div>
    <p class="budget-text">${text}</p>
    ${
      budget.exhausted
        ? html`<p class="notice" data-tone="danger" part="alert">${limit ? t.stats.limitReachedText : t.stats.balanceEmptyText}</p>`
        : budget.cappedByBalance
          ? html`<p class="hint" part="hint">${t.stats.cappedByBalance(stats.creditsAvailable)}</p>`
          : nothing
    }
  </section>`;
}
