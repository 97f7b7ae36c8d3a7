/**
 * English strings of <roster-access-grants>: they load with the element, which registers them
 * (`addEnglish`), so the first load carries only the strings of the panel and the list.
 */
import { sharedTasks } from './en-shared-tasks.js';
import { plural } from './en.js';

export const grants = {
  label: 'Access to tools and tasks',
  toolsTitle: 'Access to tools',
  toolsHint: 'The profile can use the tools checked here.',
  perTask: (credits: string) => `${credits} per task`,
  allTools: 'All tools',
  noTools: 'No tools',
  accountHasNoTools: 'This account has no tools.',
  noToolsGranted: 'No tools granted.',
  tasksTitle: 'Access to tasks',
  tasksHint:
    'Choose a tool, search its tasks and select them to grant access. Select a granted task again to remove it.',
  tool: 'Tool',
  search: 'Search tasks',
  searchPlaceholder: 'Type a task name',
  searching: 'Searching…',
  loadingMore: 'Loading more tasks…',
  noMatches: 'No matching tasks.',
  toolHasNoTasks: 'This tool has no tasks yet.',
  results: (total: number) => `${plural(total, 'task', 'tasks')} found.`,
  added: (name: string) => `Access to ${name} granted.`,
  removed: (name: string) => `Access to ${name} removed.`,
  grantedTitle: 'Granted tasks',
  noTasksGranted: 'No tasks granted yet.',
  removeLabel: (name: string) => `Remove access to ${name}`,
  remove: 'Remove',
  taskLoading: 'Loading task…',
  taskMissing: 'This task no longer exists',
  managerNote:
    'Managers have every tool and every task. Grants saved for this profile are kept but not used while it has the manager role.',
  ownerNote: 'The owner has every tool and every task.',
  guestNote: 'A guest can only view the granted tasks and download their reports.',
  guestNeedsTask: 'A guest needs at least one task. Add another task before removing this one.',
  readOnly: 'Only the account owner can change access.',
  save: 'Save access',
  saving: 'Saving…',
  saved: 'Access saved.',
  discard: 'Discard changes',
  conflict:
    'This profile was changed elsewhere after you opened it. Reload to see the current access with your changes on top, then save again.',
  reload: 'Reload',
  ...sharedTasks,
};
