import '../events-history/roster-events-history.js';
import { RosterUserStats } from './user-stats.js';

if (!customElements.get('roster-user-stats')) customElements.define('roster-user-stats', RosterUserStats);

declare global {
  interface HTMLElementTagNameMap {
    'roster-user-stats': RosterUserStats;
  }
}
