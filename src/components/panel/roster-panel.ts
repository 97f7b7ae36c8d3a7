import '../user-list/roster-user-list.js';
// The editor, access grants, statistics and audit log load on demand (panel.ts, on-demand.ts).
export type * from '../user-editor/roster-user-editor.js';
export type * from '../access-grants/roster-access-grants.js';
export type * from '../user-stats/roster-user-stats.js';
export type * from '../audit-log/roster-audit-log.js';
import { RosterPanel } from './panel.js';

if (!customElements.get('roster-panel')) customElements.define('roster-panel', RosterPanel);

declare global {
  interface HTMLElementTagNameMap {
    'roster-panel': RosterPanel;
  }
}
