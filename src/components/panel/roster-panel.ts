import '../provider/roster-provider.js';
import '../user-list/roster-user-list.js';
import '../user-editor/roster-user-editor.js';
import '../access-grants/roster-access-grants.js';
import '../user-stats/roster-user-stats.js';
import '../audit-log/roster-audit-log.js';
import '../shared-tasks/roster-shared-tasks.js';
import { RosterPanel } from './panel.js';

if (!customElements.get('roster-panel')) customElements.define('roster-panel', RosterPanel);

declare global {
  interface HTMLElementTagNameMap {
    'roster-panel': RosterPanel;
  }
}
