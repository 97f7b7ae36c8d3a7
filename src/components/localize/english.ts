/**
 * The whole English catalog, every section: for a host that starts its own language from English
 * (`{ ...en, common: { ...en.common, … } }`), for the pseudo-locale, and for tests. The elements
 * do not import it: the first load carries `en.ts`, and each element loaded on demand brings and
 * registers its own section.
 */
import { accountPassword } from './en-account-password.js';
import { auditLog } from './en-audit-log.js';
import { editor, roles } from './en-editor.js';
import { formActions } from './en-form-actions.js';
import { grants } from './en-grants.js';
import { stats } from './en-stats.js';
import { type Catalog, en as firstLoad } from './en.js';

export type { Catalog };

// Pure: a bundle that never reads `en` (as `import 'rosterkit'` alone) leaves every section out.
export const en: Catalog = /* @__PURE__ */ Object.assign({}, firstLoad, {
  editor,
  grants,
  stats,
  auditLog,
  panel: { ...firstLoad.panel, accountPassword },
  common: { ...firstLoad.common, ...formActions },
  roles,
});
