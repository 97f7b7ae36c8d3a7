import { RosterEventsHistory } from './events-history.js';

if (!customElements.get('roster-events-history')) customElements.define('roster-events-history', RosterEventsHistory);

declare global {
  interface HTMLElementTagNameMap {
    'roster-events-history': RosterEventsHistory;
  }
}
