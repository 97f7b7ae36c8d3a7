/**
 * The last step of the create flow (what will be created, never the password itself) and the
 * confirmation after it (the new pending profile and where the verification link went).
 */
import { html, nothing } from 'lit';
import type { Access, Notifications, Role, User } from '../../sdk/index.js';
import type { Catalog } from '../localize/en.js';
import { personName, withName, withValue } from '../shared/bidi.js';
import { type Step, canonicalIps, creditLimitOf, phoneOf } from './form-state.js';
import type { EditorForm } from './form-controller.js';

export function notificationsText(t: Catalog, notifications: Notifications): string {
  const on = (Object.keys(notifications) as (keyof Notifications)[]).filter((key) => notifications[key]);
  return on.map((key) => t.editor.notificationOptions[key]).join(', ') || t.editor.review.noNotifications;
}

export const creditLimitText = (t: Catalog, limit: number | null) =>
  limit === null ? t.common.noLimit : t.common.credits(limit);

export function accessText(t: Catalog, role: Role, access: Access): string {
  const { review } = t.editor;
  return role === 'manager' || role === 'owner'
    ? review.allAccess
    : review.accessSummary(access.tools.length, access.tasks.length);
}

/** A status badge ("Active" or "Pending"), with its dot. */
export const statusBadge = (t: Catalog, status: User['status']) => html`<span class="badge" part="badge"
  data-tone=${status === 'active' ? 'success' : 'warning'} data-dot>${t.common.status[status]}</span>`;

const row = (label: string, value: unknown, dir?: 'auto' | 'ltr') =>
  html`<div class="review-row"><dt>${label}</dt><dd dir=${dir ?? nothing}>${value}</dd></div>`;

/** Role, credit limit (specialists) and access: the same rows on the review step and the confirmation. */
function accessRows(t: Catalog, role: Role, limit: number | null, access: Access) {
  const strings = t.editor;
  return html`${row(strings.role, t.roles[role].name)}
    ${role === 'specialist' ? row(strings.creditLimit, creditLimitText(t, limit)) : nothing}
    ${row(strings.access, accessText(t, role, access))}`;
}

export function renderReview(form: EditorForm, t: Catalog) {
  const { values } = form;
  const strings = t.editor;
  const { review } = strings;
  const ips = canonicalIps(values.allowedIps);
  const email = values.email.trim().toLowerCase();
  const perUser = form.me!.account.passwordMode === 'per-user';
  const invited = perUser && !values.passwordNow;
  const section = (step: Step, rows: unknown) => html`<section class="review-section" aria-labelledby="review-${step}">
    <div class="section-head">
      <h4 id="review-${step}">${strings.steps[step]}</h4>
      <button type="button" class="button small ghost" part="button"
        @click=${() => form.goTo(step)}>${review.change(strings.steps[step])}</button>
    </div>
    <dl class="review" part="review">${rows}</dl>
  </section>`;
  return html`<p class="hint intro" part="hint">${review.intro}</p>
    ${section(
      'details',
      html`${row(review.name, personName({ firstName: values.firstName.trim(), lastName: values.lastName.trim() }), 'auto')}
      ${row(strings.email, email, 'ltr')}
      ${row(strings.phone, phoneOf(values) || review.noPhone, 'ltr')}
      ${row(strings.password, invited ? review.invitedPassword : perUser ? review.ownPassword : review.accountPassword)}
      ${row(strings.sendWelcomeEmail, values.sendWelcomeEmail ? review.welcomeYes : review.welcomeNo)}
      ${row(strings.notifications, notificationsText(t, values.notifications))}
      ${row(strings.allowedIps, ips.join(', ') || review.anyIp, ips.length ? 'ltr' : undefined)}`,
    )}
    ${section('access', accessRows(t, values.role, creditLimitOf(values, form.host.language), values.access))}
    <p class="notice" part="note">${withValue(invited ? review.verificationInvite : review.verification, email)}</p>`;
}

/** The confirmation: the profile as the server stored it, pending, and the address the link went to. */
export function renderCreated(form: EditorForm, t: Catalog, user: User) {
  const strings = t.editor;
  return html`<div class="created" part="state">
    <h3 class="step-title" id="step-title" tabindex="-1">${withName(strings.created.title, user)}</h3>
    <p>${statusBadge(t, 'pending')}</p>
    <p>${withValue(form.invited ? strings.created.textInvite : strings.created.text, user.email)}</p>
    <dl class="review" part="review">
      ${row(strings.review.name, personName(user), 'auto')}
      ${row(strings.email, user.email, 'ltr')}
      ${accessRows(t, user.role, user.creditLimit, user.access)}
    </dl>
    <div class="actions" part="actions">
      ${
        form.planFull
          ? nothing
          : html`<button type="button" class="button" part="button" @click=${() => form.startOver()}>${strings.created.another}</button>`
      }
      <button type="button" class="button primary" part="button button-primary" @click=${() => form.closeRequest()}>${strings.created.done}</button>
    </div>
    ${
      form.planFull
        ? html`<p class="hint plan-full" part="hint">${form.me!.account.singleProfile ? t.errors.single_profile_account : t.errors.seat_limit_reached}</p>`
        : nothing
    }
  </div>`;
}
