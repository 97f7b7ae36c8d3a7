/**
 * English strings of <roster-user-editor>: they load with the element, which registers them
 * (`addEnglish`), so the first load carries only the strings of the panel and the list.
 */
import { notificationOptions } from './en-notifications.js';
import { passwordInput } from './en-password-input.js';
import { en, plural } from './en.js';

export const editor = {
  createTitle: 'New user',
  editTitle: (name: string) => `Edit ${name}`,
  steps: { details: 'Details', access: 'Role and access', review: 'Review' },
  stepsLabel: 'Steps',
  stepOf: (step: number, total: number) => `Step ${step} of ${total}`,
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  emailHint: 'The login name; it cannot be changed later.',
  emailDomainHint: (domain: string) => `Use a personal address ending in @${domain}.`,
  emailReadOnly: 'The email is the login name and cannot be changed.',
  optional: '(optional)',
  phone: 'Phone',
  phoneHint: 'With the country code, e.g. +49 30 1234567.',
  phoneSavedAs: (phone: string) => `Saved as ${phone}.`,
  password: 'Password',
  newPassword: 'New password',
  passwordHint: 'At least 12 characters. A few unrelated words make a strong password.',
  passwordKeepHint: 'Leave empty to keep the current password.',
  ...passwordInput,
  passwordShared:
    'Profiles sign in with their email and the account password set by the owner; they have no password of their own.',
  passwordInvite: 'They choose their own password (recommended)',
  passwordInviteHint: 'The verification link asks them for it: you never need to know their password.',
  passwordNow: 'Set a password now',
  passwordNowHint: 'No email contains it: tell it to them yourself.',
  sendWelcomeEmail: 'Send an email notification to the user',
  notifications: 'Email notifications',
  notificationOptions,
  allowedIps: 'Allowed IPs',
  allowedIpsHint:
    'Sign-in only from these IPv4 or IPv6 addresses or CIDR ranges; none means from anywhere. Paste several at once, separated by commas, spaces or new lines.',
  addIpLabel: 'Address or range to add',
  addIp: 'Add',
  ipLabel: (position: number) => `Allowed IP ${position}`,
  removeIp: (entry: string) => `Remove ${entry}`,
  useSuggestion: (range: string) => `Use ${range}`,
  clientIp: 'Your current IP:',
  addClientIp: 'Add it',
  clientIpAdded: (ip: string) => `${ip} added to the allowed IPs.`,
  clientIpCovered: 'The list allows it.',
  clientIpOutside:
    'Your current IP is not in this list: signing in to this profile from where you are now would be refused.',
  role: 'Role',
  ownerLocked: "This is the owner's profile: its role cannot change and it cannot be deleted.",
  creditLimit: 'Credit limit',
  creditLimitNone: 'No limit: may spend the whole balance',
  creditLimitSet: 'Limit to a number of credits',
  creditLimitAmount: 'Credits at most',
  balance: (credits: string) => `Account balance: ${credits}`,
  creditLimitAboveBalance: (credits: string) => `At most ${credits}: 100 times the account's balance.`,
  access: 'Access to tools and tasks',
  managerAccess: 'Managers have every tool and task: no grants are needed, and grants chosen earlier are ignored.',
  guestAccess: 'Guests need access to at least one task.',
  next: 'Next',
  create: 'Create user',
  creating: 'Creating…',
  review: {
    intro: 'Check the profile before creating it.',
    name: 'Name',
    noPhone: 'None',
    anyIp: 'Any address',
    noNotifications: 'None',
    allAccess: 'Every tool and task',
    accessSummary: (tools: number, tasks: number) =>
      `${plural(tools, 'tool', 'tools')}, ${plural(tasks, 'task', 'tasks')}`,
    ownPassword: 'Own password, set',
    invitedPassword: 'They choose it with the verification link',
    accountPassword: 'The account password',
    welcomeYes: 'Yes',
    welcomeNo: 'No',
    verification: (email: string) =>
      `A verification link will be sent to ${email}. The profile can sign in once it is verified.`,
    verificationInvite: (email: string) =>
      `A link will be sent to ${email} where they verify the address and set their own password. The profile can sign in after that.`,
    change: (section: string) => `Change ${section.toLowerCase()}`,
  },
  created: {
    title: (name: string) => `${name} was added`,
    text: (email: string) => `The profile is pending until its owner follows the verification link sent to ${email}.`,
    textInvite: (email: string) =>
      `The profile is pending until they follow the link sent to ${email} and set their own password there.`,
    another: 'Add another user',
    done: 'Done',
  },
  verification: {
    pending:
      'Pending: they have not confirmed their email address yet, so they cannot sign in. The link sent to them confirms it.',
    verifiedOn: (date: string) => `Verified on ${date}`,
    resend: 'Resend link',
    resending: 'Sending…',
    resent: (email: string) => `A new verification link was sent to ${email}.`,
  },
  details: 'Details',
  save: 'Save changes',
  saving: 'Saving…',
  discard: 'Discard changes',
  saved: 'Changes saved.',
  noChanges: 'Nothing has changed.',
  noPermission: 'Only the account owner can change profiles.',
  conflict: {
    title: 'This profile changed while you were editing',
    text: 'Someone else saved changes to it. Compare them with yours, then choose how to go on.',
    field: 'Field',
    theirs: 'Saved now',
    yours: 'Yours',
    notChanged: 'Not changed by you',
    reload: 'Reload (discard mine)',
    reapply: 'Re-apply my changes on top',
    caption: 'Changes on the server and yours',
  },
  delete: {
    button: 'Delete user',
    title: (name: string) => `Delete ${name}?`,
    text: 'The profile is removed and its seat is freed. This cannot be undone.',
    choice: 'Their tasks',
    transfer: 'Delete the user and transfer their tasks to the owner',
    transferHint: (owner: string) => `${owner} becomes the owner of every task this user created.`,
    deleteTasks: 'Delete the user and their tasks',
    deleteTasksHint: 'The tasks and their reports are deleted too.',
    confirm: 'Delete',
    deleting: 'Deleting…',
    deleted: (name: string) => `${name} was deleted.`,
    /** The server refused to delete the tasks (409 guests_need_tasks): `count` guests would have none left. */
    guestsNeedTasks: (count: number) =>
      `Deleting these tasks would leave ${plural(count, 'guest', 'guests')} with no task. Transferring them to the owner is now selected: choose Delete to continue.`,
  },
  leave: {
    title: 'Discard unsaved changes?',
    text: 'Your changes to this profile have not been saved yet.',
    stay: 'Keep editing',
    discard: 'Discard changes',
  },
};

/** The roles with what each may do (`roles.*.description`): the editor's role choice explains them. */
export const roles = {
  owner: {
    name: en.roles.owner.name,
    description: 'The main user: manages the team, the plan and the account password.',
  },
  manager: {
    name: en.roles.manager.name,
    description: 'Has every tool and task, and sees the tasks of the other users.',
  },
  specialist: {
    name: en.roles.specialist.name,
    description: "Creates, edits and updates tasks in the tools granted, spending the account's credits.",
  },
  guest: {
    name: en.roles.guest.name,
    description: 'Views the tasks granted and downloads reports, but creates nothing.',
  },
};
