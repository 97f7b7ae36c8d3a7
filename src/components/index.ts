/**
 * The elements' classes, contexts, events, styles and helpers, without registering any tag.
 * Import `rosterkit` (define.ts) to register every tag, or `rosterkit/elements/<name>/roster-<name>.js` for one.
 */
export { clientContext, viewerContext, type ViewerState } from './context.js';
export { ViewerController, ViewerSource, type ClientHost, type Permission } from './viewer.js';
export * from './events.js';
export { LocalizeController, directionOf, type DeepPartial, type Direction, type I18nOverride, type LocalizeHost } from './localize/localize-controller.js';
export { availableLocales, catalogFor, loadCatalog, registerCatalog, registerLocale } from './localize/catalogs.js';
export { en, type Catalog } from './localize/en.js';
export { tokenStyles } from './styles/tokens.styles.js';
export { hostStyles } from './styles/host.styles.js';
export {
  badgeStyles, buttonStyles, controlStyles, dialogStyles, feedbackStyles, fieldStyles, skeletonStyles, utilityStyles,
} from './styles/controls.styles.js';
export { RosterElement } from './shared/base-element.js';
export { errorMessage, isAbortError, isTransient } from './shared/errors.js';
export { renderError, type ErrorViewOptions } from './shared/error-view.js';
export { RosterProvider } from './provider/provider.js';
export { RosterUserList } from './user-list/user-list.js';
export { RosterUserEditor } from './user-editor/user-editor.js';
export { RosterAccessGrants } from './access-grants/access-grants.js';
export { RosterSharedTasks } from './shared-tasks/shared-tasks.js';
export { RosterUserStats, type StatsTab } from './user-stats/user-stats.js';
export { RosterAuditLog } from './audit-log/audit-log.js';
export { RosterPanel, type PanelTab } from './panel/panel.js';
export { PagedSource, type PageFetcher, type PagedSourceOptions } from './shared/paged-source.js';
