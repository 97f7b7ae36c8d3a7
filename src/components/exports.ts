/**
 * What both `rosterkit` (define.ts) and `rosterkit/elements` (index.ts) export: contexts, events,
 * strings, styles, helpers, and the classes of the elements in the first load. The classes of the
 * elements that load on demand are exported by index.ts only, so importing `rosterkit` never pulls
 * their code in.
 */
export { clientContext, viewerContext, type ViewerState } from './context.js';
export { ViewerController, ViewerSource, type ClientHost, type Permission } from './viewer.js';
export * from './events.js';
export {
  LocalizeController,
  directionOf,
  type DeepPartial,
  type Direction,
  type I18nOverride,
  type LocalizeHost,
} from './localize/localize-controller.js';
export { availableLocales, catalogFor, loadCatalog, registerCatalog, registerLocale } from './localize/catalogs.js';
// The whole English catalog (`en`) is exported by index.ts only: its sections belong to the elements
// that load on demand, and a value here would bring them all into the first load.
export type { Catalog } from './localize/en.js';
export { tokenStyles } from './styles/tokens.styles.js';
export { hostStyles } from './styles/host.styles.js';
export {
  badgeStyles,
  buttonStyles,
  controlStyles,
  dialogStyles,
  feedbackStyles,
  fieldStyles,
  skeletonStyles,
  utilityStyles,
} from './styles/controls.styles.js';
export { RosterElement } from './shared/base-element.js';
export { errorMessage, isAbortError, isTransient } from './shared/errors.js';
export { renderError, type ErrorViewOptions } from './shared/error-view.js';
export { loadElement, prefetchElements, type OnDemandTag } from './on-demand.js';
export { RosterProvider } from './provider/provider.js';
export { ClientProvider, type ClientSettings } from './provider/client-provider.js';
export { RosterUserList } from './user-list/user-list.js';
export { RosterPanel, type PanelTab } from './panel/panel.js';
export { PagedSource, type PageFetcher, type PagedSourceOptions } from './shared/paged-source.js';
export { ClientLookup, LookupController, type LookupType } from './shared/client-lookup.js';
