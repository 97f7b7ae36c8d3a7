/**
 * The baseline of `npm run bench`: the same users rendered the plain way, one DOM row per user,
 * filtered in the page, no virtualisation and no paging. Not part of the library.
 */
import { css, html, LitElement } from 'lit';
import type { User } from '../../src/sdk/index.js';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

const rowStyles = css`
  :host {
    display: block;
    overflow: auto;
    font: 14px/1.4 system-ui, sans-serif;
  }
  .row {
    display: grid;
    grid-template-columns: 2fr 2fr 1fr 1fr 1fr 1fr;
    align-items: center;
    block-size: 52px;
    padding-inline: 12px;
    border-block-end: 1px solid #e3e3e8;
    cursor: pointer;
  }
  .name {
    font-weight: 500;
  }
`;

function matches(user: User, query: string): boolean {
  return `${user.firstName} ${user.lastName}`.toLowerCase().includes(query) || user.email.includes(query);
}

/** Every user as a row; `query` filters in the page. Clicking a row fires `plain-select`. */
export class PlainUserList extends LitElement {
  static override styles = rowStyles;
  static override properties = { users: { attribute: false }, query: {} };
  users: User[] = [];
  query = '';

  private handleClick(event: Event) {
    const row = (event.target as Element).closest<HTMLElement>('[data-id]');
    const user = row && this.users.find((candidate) => candidate.id === row.dataset.id);
    if (user) this.dispatchEvent(new CustomEvent('plain-select', { detail: user, bubbles: true, composed: true }));
  }

  protected override render() {
    const query = this.query.trim().toLowerCase();
    const shown = query ? this.users.filter((user) => matches(user, query)) : this.users;
    return html`<input class="search" type="search" aria-label="Search" .value=${this.query}
        @input=${(event: Event) => (this.query = (event.target as HTMLInputElement).value)} />
      <div role="grid" @click=${this.handleClick}>
      ${shown.map(
        (user) => html`<div role="row" class="row" data-id=${user.id}>
        <span role="gridcell" class="name">${user.firstName} ${user.lastName}</span>
        <span role="gridcell">${user.email}</span>
        <span role="gridcell">${user.role}</span>
        <span role="gridcell">${user.status}</span>
        <span role="gridcell">${user.creditsSpent}</span>
        <span role="gridcell">${dateFormat.format(new Date(user.createdAt))}</span>
      </div>`,
      )}
    </div>`;
  }
}

/** The plain list beside a detail that shows the clicked user's fields. */
export class PlainPanel extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: 1.2fr 1fr;
      gap: 16px;
      block-size: 100%;
    }
    plain-user-list {
      min-block-size: 0;
    }
  `;
  static override properties = { users: { attribute: false }, selected: { state: true } };
  users: User[] = [];
  selected?: User;

  protected override render() {
    const user = this.selected;
    return html`<plain-user-list .users=${this.users} @plain-select=${(event: CustomEvent<User>) => (this.selected = event.detail)}></plain-user-list>
      <section class="detail">
        ${
          user
            ? html`<h2 class="detail-title">${user.firstName} ${user.lastName}</h2>
              <dl>
                <dt>Email</dt><dd>${user.email}</dd><dt>Role</dt><dd>${user.role}</dd>
                <dt>Credits spent</dt><dd>${user.creditsSpent}</dd><dt>Created</dt><dd>${dateFormat.format(new Date(user.createdAt))}</dd>
              </dl>`
            : html`<p>Select a user</p>`
        }
      </section>`;
  }
}

customElements.define('plain-user-list', PlainUserList);
customElements.define('plain-panel', PlainPanel);

declare global {
  interface HTMLElementTagNameMap {
    'plain-user-list': PlainUserList;
    'plain-panel': PlainPanel;
  }
}
