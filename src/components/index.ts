/**
 * The elements' classes, contexts, events, styles and helpers, without registering any tag.
 * Import `rosterkit` (define.ts) to register every tag, or `rosterkit/elements/<name>/roster-<name>.js` for one.
 */
export * from './exports.js';
export { en } from './localize/english.js';
export { RosterUserEditor } from './user-editor/user-editor.js';
export { RosterAccessGrants } from './access-grants/access-grants.js';
export { RosterSharedTasks } from './shared-tasks/shared-tasks.js';
export { RosterUserStats, type StatsTab } from './user-stats/user-stats.js';
export { RosterEventsHistory } from './events-history/events-history.js';
export { RosterAuditLog } from './audit-log/audit-log.js';
