import { RosterAccessGrants } from './access-grants.js';

if (!customElements.get('roster-access-grants')) customElements.define('roster-access-grants', RosterAccessGrants);

declare global {
  interface HTMLElementTagNameMap {
    'roster-access-grants': RosterAccessGrants;
  }
}
