/**
 * English, the source catalog: with the sections in `en-*.ts` its shape is the `Catalog` type every
 * other locale must match. Values are strings, or functions for plurals and parameters. Sections
 * per element; an element adds its strings to its own section here (or in its `en-*.ts`) and in
 * every other catalog.
 *
 * This file holds the sections of the first load (the panel, the list, and what every element
 * shares); each element that loads on demand brings its own English section and registers it
 * (`addEnglish` in catalogs.ts). The whole English catalog, for hosts and tests, is `english.ts`.
 */
import { formatting } from './plural.js';
import type { FieldErrorCode } from '../../sdk/rules.js';
import { FIELD_MESSAGES } from '../../sdk/schemas.js';
import type { accountPassword } from './en-account-password.js';
import type { auditLog } from './en-audit-log.js';
import type { editor, roles } from './en-editor.js';
import type { formActions } from './en-form-actions.js';
import type { grants } from './en-grants.js';
import type { stats } from './en-stats.js';

const { n, plural: forms } = formatting('en');
const plural = (count: number, one: string, other: string) => forms(count, { one: `# ${one}`, other: `# ${other}` });
/** English numbers and plurals ("1 credit", "1,234 credits"), for the sections in `en-*.ts`. */
export { n, plural };

/** Codes of the problem answers (top level) and of the client's own failures. */
type ProblemCode =
  | 'validation_failed'
  | 'idempotency_key_reused'
  | 'seat_limit_reached'
  | 'single_profile_account'
  | 'already_verified'
  | 'credit_limit_reached'
  | 'insufficient_credits'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'version_conflict'
  | 'rate_limited'
  | 'server_error'
  | 'network_error'
  | 'timeout'
  | 'invalid_response'
  | 'conflict'
  | 'method_not_allowed'
  | 'http_error'
  | 'unknown';

const errors = {
  // Top-level problem codes (SPEC "Errors") and client-side failures
  validation_failed: 'Some fields need attention.',
  idempotency_key_reused: 'This request was already sent with other data. Reload and try again.',
  seat_limit_reached: 'All seats of the plan are in use. Remove a user or upgrade the plan.',
  single_profile_account:
    'This account is limited to one profile because its owner signed up with a free-mail or generic address.',
  already_verified: 'This profile is already verified.',
  credit_limit_reached: 'This would exceed the credit limit of this user.',
  insufficient_credits: 'The account does not have enough credits left.',
  unauthorized: 'Your session has ended. Sign in again.',
  forbidden: 'You do not have permission to do this.',
  not_found: 'This user no longer exists.',
  version_conflict: 'Someone else changed this profile in the meantime.',
  rate_limited: 'Too many requests. Wait a moment and try again.',
  server_error: 'The server could not complete the request. Try again in a moment.',
  network_error: 'The server could not be reached. Check the connection and try again.',
  timeout: 'The server took too long to answer. Try again.',
  invalid_response: 'The server answered in an unexpected format.',
  conflict: 'This conflicts with the current state. Reload and try again.',
  method_not_allowed: 'The server does not support this action.',
  http_error: 'The server refused the request.',
  unknown: 'Something unexpected happened.',
  // Field codes (FieldErrorCode), shown next to the field: the SDK's texts, a few made more specific here
  ...FIELD_MESSAGES,
  email_role_address: 'Use a personal address, not a role or team address such as support@ or info@.',
  email_immutable: 'The email is the login name and cannot be changed.',
  owner_immutable: "The owner's role cannot change and the owner cannot be deleted.",
} satisfies Record<FieldErrorCode | ProblemCode, string>;

export const en = {
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    save: 'Save',
    back: 'Back',
    errorTitle: 'Something went wrong',
    noPermissionTitle: 'No access',
    noLimit: 'No limit',
    none: '—',
    you: 'You',
    credits: (count: number) => plural(count, 'credit', 'credits'),
    status: { pending: 'Verification sent', active: 'Active' },
  },
  errors,
  roles: {
    owner: { name: 'Owner' },
    manager: { name: 'Manager' },
    specialist: { name: 'Specialist' },
    guest: { name: 'Guest' },
  },
  list: {
    label: 'Team members',
    filters: 'Search and filter users',
    search: 'Search users',
    searchPlaceholder: 'Search by name or email',
    role: 'Role',
    allRoles: 'All roles',
    status: 'Status',
    allStatuses: 'All statuses',
    columns: {
      name: 'Name',
      email: 'Email',
      role: 'Role',
      status: 'Status',
      credits: 'Credits spent',
      created: 'Created',
    },
    seats: (used: number, limit: number) => `${n(used)} of ${plural(limit, 'seat', 'seats')}`,
    count: (total: number) => plural(total, 'user', 'users'),
    newUser: 'New user',
    newUserNoPermission: 'Only the account owner can add users.',
    newUserSeatsFull: 'All seats are in use. Remove a user or upgrade the plan to add another.',
    newUserSingleProfile:
      'This account is limited to one profile because its owner uses a free-mail or generic address.',
    creditsOfLimit: (spent: number, limit: number) => `${n(spent)} of ${n(limit)}`,
    creditsUnlimited: (spent: number) => `${n(spent)} · no limit`,
    emptyTitle: 'No users yet',
    emptyText: 'Add your colleagues so each gets their own profile, role and credit budget.',
    noResultsTitle: 'No matching users',
    noResultsText: 'Try another name or email, or clear the filters.',
    clearFilters: 'Clear search and filters',
    noPermissionText: 'Only the account owner and managers can see the team. Ask the owner for access.',
    resend: 'Resend link',
    resending: 'Sending…',
    resendLabel: (name: string) => `Resend link to ${name}`,
    resent: (email: string) => `A new verification link was sent to ${email}.`,
    loadingMore: 'Loading more users…',
  },
  panel: {
    label: 'Team management',
    back: 'Back to the team',
    close: 'Close the profile',
    noSelectionTitle: 'Select a user',
    noSelectionText: 'Choose someone in the list to see their profile, access and activity.',
    detailLabel: (name: string) => `Profile of ${name}`,
    sections: 'Profile sections',
    tabs: { profile: 'Profile', access: 'Access', activity: 'Activity' },
    newUserTitle: 'New user',
    newUserText: 'They get an email with a link to verify the profile.',
    ownProfileText: 'Your own profile: what you may use and what you spent.',
    // The panel's views beside the team, and its messages at the bottom.
    views: 'Team sections',
    sharedView: 'Shared tasks',
    sharedText: 'Tasks your colleagues created, and who created them.',
    readOnly: 'View only',
    notifications: 'Notifications',
    dismiss: 'Dismiss',
    saved: (name: string) => `Changes to ${name} saved.`,
    accessSaved: (name: string) => `Access of ${name} saved.`,
    deleted: (name: string) => `${name} was deleted.`,
    /** The switch between the team and the audit log. */
    teamView: 'Team',
    auditView: 'Audit log',
  },
};

/** The shape every locale's catalog has: a missing key in another locale fails the type-check. */
export type Catalog = typeof en & {
  editor: typeof editor;
  grants: typeof grants;
  stats: typeof stats;
  auditLog: typeof auditLog;
  panel: { accountPassword: typeof accountPassword };
  common: typeof formActions;
  roles: typeof roles;
};
