/**
 * English strings of <roster-audit-log>: they load with the element, which registers them
 * (`addEnglish`), so the first load carries only the strings of the panel and the list.
 */
import { n, plural } from './en.js';

export const auditLog = {
  label: 'Audit log',
  /** The panel's switch between the team and the audit log. */
  views: 'Team and audit log',
  filters: 'Filter the audit log',
  person: 'Person',
  personPlaceholder: 'Name or email',
  personUnknown: 'Choose a person from the suggestions.',
  personRole: 'Changes',
  personTarget: 'Made to them',
  personActor: 'Made by them',
  action: 'Action',
  allActions: 'All actions',
  actions: {
    'user.created': 'User added',
    'user.updated': 'Profile changed',
    'user.deleted': 'User deleted',
    'user.verified': 'Email verified',
    'verification.sent': 'Verification link sent',
    'access.changed': 'Access changed',
    'account.password_changed': 'Account password changed',
  },
  from: 'From',
  to: 'To',
  invalidRange: 'The start date is after the end date.',
  columns: { time: 'Time', action: 'Action', change: 'Change' },
  count: (total: number) => plural(total, 'entry', 'entries'),
  loadingMore: 'Loading more entries…',
  emptyTitle: 'No changes recorded yet',
  emptyText:
    'Every change to profiles, access and the account password will be listed here: who made it, to whom and when.',
  noResultsTitle: 'No matching changes',
  noResultsText: 'Try another person, action or date range, or clear the filters.',
  clearFilters: 'Clear filters',
  noPermissionText: 'Only the account owner and managers can see the audit log.',
  export: 'Export CSV',
  exportProgress: (done: number, total: number) => `Exporting ${n(done)} of ${plural(total, 'entry', 'entries')}…`,
  cancelExport: 'Cancel export',
  exported: (count: number, file: string) => `${plural(count, 'change', 'changes')} exported to ${file}.`,
  exportCancelled: 'Export cancelled.',
  csv: { time: 'Time (UTC)', action: 'Action', actor: 'Changed by', target: 'Person', change: 'Change' },
  fileName: (date: string) => `audit log ${date}`,
  // Sentences: names, tools, tasks and values are passed in (and isolated when shown).
  someone: 'a removed profile',
  noValue: 'none',
  noLimit: 'no limit',
  anyAddress: 'any address',
  fields: {
    firstName: 'first name',
    lastName: 'last name',
    email: 'email',
    phone: 'phone number',
    role: 'role',
    status: 'status',
    creditLimit: 'credit limit',
    allowedIps: 'allowed IPs',
  },
  /** A role's or a status's name inside a sentence: languages that write them in lower case there say so. */
  inSentence: (name: string) => name,
  created: (actor: string, target: string, role: string) => `${actor} added ${target} as ${role}`,
  updated: (actor: string, target: string) => `${actor} changed the profile of ${target}`,
  deleted: (actor: string, target: string) => `${actor} deleted ${target}`,
  deletedTransfer: (actor: string, target: string) => `${actor} deleted ${target} and gave their tasks to the owner`,
  deletedWithTasks: (actor: string, target: string) => `${actor} deleted ${target} and their tasks`,
  verified: (target: string) => `${target} verified their email address`,
  verificationSent: (actor: string, target: string) => `${actor} sent a verification link to ${target}`,
  accountPassword: (actor: string) => `${actor} changed the account password`,
  password: (actor: string, target: string) => `${actor} changed the password of ${target}`,
  changed: (actor: string, field: string, target: string, from: string, to: string) =>
    `${actor} changed the ${field} of ${target} from ${from} to ${to}`,
  notificationOn: (actor: string, target: string, what: string) =>
    `${actor} turned on emails about “${what}” for ${target}`,
  notificationOff: (actor: string, target: string, what: string) =>
    `${actor} turned off emails about “${what}” for ${target}`,
  toolAdded: (actor: string, target: string, tool: string) => `${actor} gave ${target} access to the tool ${tool}`,
  toolRemoved: (actor: string, target: string, tool: string) =>
    `${actor} took away the access of ${target} to the tool ${tool}`,
  taskAdded: (actor: string, target: string, task: string, tool: string) =>
    `${actor} gave ${target} access to the task “${task}” (${tool})`,
  taskRemoved: (actor: string, target: string, task: string, tool: string) =>
    `${actor} took away the access of ${target} to the task “${task}” (${tool})`,
  other: (actor: string, action: string, target: string) => `${actor}: ${action} (${target})`,
};
