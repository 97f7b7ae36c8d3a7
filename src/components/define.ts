/**
 * `import 'rosterkit'`: makes every Roster tag work anywhere on the page. The panel, the list and
 * the provider are defined at once (a panel on the page needs them to show the team); the editor,
 * the access grants, the statistics, the audit log and the shared tasks are defined when one first
 * appears (in the document or an open shadow root; see autoloader.ts), from chunks of their own.
 * Exports what `index.ts` exports; the classes of the on-demand elements as types only (import
 * them from `rosterkit/elements` to use them as values).
 */
import './panel/roster-panel.js';
import './provider/roster-provider.js';
import { startAutoloader } from './autoloader.js';

startAutoloader();

export * from './exports.js';
export { discover } from './autoloader.js';
// Types only (erased at run time): the tag-name map of every on-demand element, for `createElement` and `querySelector`.
export type * from './user-editor/roster-user-editor.js';
export type * from './access-grants/roster-access-grants.js';
export type * from './shared-tasks/roster-shared-tasks.js';
export type * from './user-stats/roster-user-stats.js';
export type * from './events-history/roster-events-history.js';
export type * from './audit-log/roster-audit-log.js';

export type { RosterUserEditor } from './user-editor/user-editor.js';
export type { RosterAccessGrants } from './access-grants/access-grants.js';
export type { RosterSharedTasks } from './shared-tasks/shared-tasks.js';
export type { RosterUserStats, StatsTab } from './user-stats/user-stats.js';
export type { RosterEventsHistory } from './events-history/events-history.js';
export type { RosterAuditLog } from './audit-log/audit-log.js';
