/**
 * Registers every Roster tag (each skips a tag that is already defined) and exports what
 * `index.ts` exports, so `import { RosterPanel } from 'rosterkit'` both types and defines it.
 */
import './provider/roster-provider.js';
import './user-list/roster-user-list.js';
import './user-editor/roster-user-editor.js';
import './access-grants/roster-access-grants.js';
import './shared-tasks/roster-shared-tasks.js';
import './user-stats/roster-user-stats.js';
import './audit-log/roster-audit-log.js';
import './panel/roster-panel.js';

export * from './index.js';
