/**
 * The last step of the create flow (what will be created, never the password itself) and the
 * confirmation after it (the new pending profile and where the verification link went).
 */
import { html, nothing } from 'lit';
import type { Account, Notifications, User } from '../../sdk/index.js';
import type { Catalog } from '../localize/en.js';
import { withName } from '../shared/bidi.js';
import { type FormValues, type Step, canonicalIps, creditLimitOf, phoneOf } from './form-state.js';

export interface ReviewView {
  t: Catalog;
  values: FormValues;
  account: Account;
  goTo(step: Step): void;
}

export function notificationsText(t: Catalog, notifications: Notifications): string {
  const on = (Object.keys(notifications) as (keyof Notifications)[]).filter((key) => notifications[key]);
  return on.length ? on.map((key) => t.editor.notificationOptions[key]).join(', ') : t.editor.review.noNotifications;
}

export function creditLimitText(t: Catalog, limit: number | null | undefined): string {
  return limit == null ? t.common.noLimit : t.common.credits(limit);
}

export function accessText(t: Catalog, role: string, access: { tools: string[]; tasks: unknown[] }): string {
  if (role === 'manager' || role === 'owner') return t.editor.review.allAccess;
  return t.editor.review.accessSummary(access.tools.length, access.tasks.length);
}

export function renderReview(view: ReviewView) {
  const { t, values, account } = view;
  const r = t.editor.review;
  const ips = canonicalIps(values.allowedIps);
  const row = (label: string, value: unknown, dir?: 'auto' | 'ltr') =>
    html`<div class="review-row"><dt>${label}</dt><dd dir=${dir ?? nothing}>${value}</dd></div>`;
  const change = (step: Step) => html`<button type="button" class="button small ghost" part="change-button"
    @click=${() => view.goTo(step)}>${r.change(t.editor.steps[step])}</button>`;
  return html`<p class="hint">${r.intro}</p>
    <section class="review-section" aria-labelledby="review-details">
      <div class="section-head"><h4 id="review-details">${t.editor.steps.details}</h4>${change('details')}</div>
      <dl class="review" part="review">
        ${row(r.name, `${values.firstName.trim()} ${values.lastName.trim()}`, 'auto')}
        ${row(t.editor.email, values.email.trim().toLowerCase(), 'ltr')}
        ${row(t.editor.phone, phoneOf(values) || r.noPhone, 'ltr')}
        ${row(t.editor.password, account.passwordMode === 'per-user' ? r.ownPassword : r.accountPassword)}
        ${row(t.editor.sendWelcomeEmail, values.sendWelcomeEmail ? r.welcomeYes : r.welcomeNo)}
        ${row(t.editor.notifications, notificationsText(t, values.notifications))}
        ${row(t.editor.allowedIps, ips.length ? ips.join(', ') : r.anyIp, ips.length ? 'ltr' : undefined)}
      </dl>
    </section>
    <section class="review-section" aria-labelledby="review-access">
      <div class="section-head"><h4 id="review-access">${t.editor.steps.access}</h4>${change('access')}</div>
      <dl class="review" part="review">
        ${row(t.editor.role, t.roles[values.role].name)}
        ${values.role === 'specialist' ? row(t.editor.creditLimit, creditLimitText(t, creditLimitOf(values))) : nothing}
        ${row(t.editor.access, accessText(t, values.role, values.access))}
      </dl>
    </section>
    <p class="notice" part="verification-note">${r.verification(values.email.trim().toLowerCase())}</p>`;
}

export interface CreatedView {
  t: Catalog;
  user: User;
  onAnother(): void;
  onDone(): void;
}

/** The confirmation: the profile as the server stored it, pending, and the address the link went to. */
export function renderCreated({ t, user, onAnother, onDone }: CreatedView) {
  const name = `${user.firstName} ${user.lastName}`;
  return html`<div class="created" part="created">
    <h3 class="step-title" id="step-title" tabindex="-1">${withName(t.editor.created.title, name)}</h3>
    <p><span class="badge" part="badge status-badge" data-tone="warning" data-dot>${t.common.status.pending}</span></p>
    <p>${t.editor.created.text(user.email)}</p>
    <dl class="review" part="review">
      <div class="review-row"><dt>${t.editor.review.name}</dt><dd dir="auto">${name}</dd></div>
      <div class="review-row"><dt>${t.editor.email}</dt><dd dir="ltr">${user.email}</dd></div>
      <div class="review-row"><dt>${t.editor.role}</dt><dd>${t.roles[user.role].name}</dd></div>
      ${user.role === 'specialist'
        ? html`<div class="review-row"><dt>${t.editor.creditLimit}</dt><dd>${creditLimitText(t, user.creditLimit)}</dd></div>`
        : nothing}
      <div class="review-row"><dt>${t.editor.access}</dt><dd>${accessText(t, user.role, user.access)}</dd></div>
    </dl>
    <div class="actions" part="actions">
      <button type="button" class="button" part="another-button" @click=${onAnother}>${t.editor.created.another}</button>
      <button type="button" class="button primary" part="done-button" @click=${onDone}>${t.editor.created.done}</button>
    </div>
  </div>`;
}
