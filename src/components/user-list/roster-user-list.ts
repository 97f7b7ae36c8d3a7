import { RosterUserList } from './user-list.js';

if (!customElements.get('roster-user-list')) customElements.define('roster-user-list', RosterUserList);

declare global {
  interface HTMLElementTagNameMap {
    'roster-user-list': RosterUserList;
  }
}
