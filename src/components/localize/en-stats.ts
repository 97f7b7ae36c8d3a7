/**
 * English strings of <roster-user-stats>: they load with the element, which registers them
 * (`addEnglish`), so the first load carries only the strings of the panel and the list.
 */
import { n, plural } from './en.js';

export const stats = {
  tabs: 'Statistics and events',
  statisticsTab: 'Statistics',
  eventsTab: 'Events history',
  figures: 'Figures',
  role: 'Account type',
  budget: 'Budget',
  budgetLimit: (limit: number) => `Limit of ${plural(limit, 'credit', 'credits')}`,
  created: 'Created',
  available: 'Credits available',
  spent: 'Credits spent',
  tasksOwned: 'Tasks owned',
  lastActive: 'Last activity',
  noActivity: 'No activity yet',
  meterLabel: 'Credit budget used',
  meterOfLimit: (spent: number, limit: number) => `${n(spent)} of ${plural(limit, 'credit', 'credits')} spent`,
  meterOfBalance: (spent: number, available: number) =>
    `${n(spent)} spent, ${n(available)} still available from the account's balance`,
  cappedByBalance: (available: number) =>
    `Only ${plural(available, 'credit', 'credits')} left in the account's balance.`,
  limitReached: 'Limit reached',
  limitReachedText:
    'This user has spent their whole credit limit and cannot create or update tasks until the limit is raised.',
  balanceEmpty: 'No credits left',
  balanceEmptyText: 'The account has no credits left: no one can create or update tasks until it is topped up.',
  chartTitle: 'Credits spent per day',
  chartPeriod: (from: string, to: string) => `${from} – ${to}`,
  chartSummary: (total: number, activeDays: number, days: number) =>
    `${plural(total, 'credit', 'credits')} spent on ${n(activeDays)} of ${plural(days, 'day', 'days')}.`,
  chartBusiest: (day: string, credits: number) => `Busiest day: ${day} with ${plural(credits, 'credit', 'credits')}.`,
  chartEmpty: 'No credits spent in this period.',
  chartPartial: (from: string) => `Too many events to count them all: the chart starts on ${from}.`,
  chartDay: 'Day',
  chartCredits: 'Credits',
  filters: 'Filter events',
  type: 'Type',
  allTypes: 'All types',
  from: 'From',
  to: 'To',
  invalidRange: 'The start date is after the end date.',
  types: {
    task_created: 'Task created',
    task_updated: 'Task updated',
    report_downloaded: 'Report downloaded',
    signed_in: 'Signed in',
  },
  /** What the user did, from the event's type and the task's name (in quotes: a name the viewer reads as one). */
  descriptions: {
    task_created: (task: string) => `Created the task “${task}”`,
    task_updated: (task: string) => `Updated the task “${task}”`,
    report_downloaded: (task: string) => `Downloaded the report of “${task}”`,
    signed_in: () => 'Signed in',
  },
  columns: { time: 'Time', type: 'Type', description: 'Description', subject: 'Tool and task', cost: 'Cost' },
  eventsLabel: 'Events',
  count: (total: number) => plural(total, 'event', 'events'),
  totalAll: (credits: number) => `Total: ${plural(credits, 'credit', 'credits')}`,
  totalLoaded: (credits: number, loaded: number, total: number) =>
    `${plural(credits, 'credit', 'credits')} in the ${n(loaded)} events loaded so far (of ${n(total)})`,
  loadingMore: 'Loading more events…',
  emptyTitle: 'No events yet',
  emptyText: 'Sign-ins, tasks and report downloads of this user will show here.',
  noResultsTitle: 'No matching events',
  noResultsText: 'Try another type or date range, or clear the filters.',
  clearFilters: 'Clear filters',
  export: 'Export CSV',
  exportProgress: (done: number, total: number) => `Exporting ${n(done)} of ${plural(total, 'event', 'events')}…`,
  cancelExport: 'Cancel export',
  exported: (count: number, file: string) => `${plural(count, 'event', 'events')} exported to ${file}.`,
  exportCancelled: 'Export cancelled.',
  csv: {
    time: 'Time (UTC)',
    type: 'Type',
    description: 'Description',
    tool: 'Tool',
    task: 'Task',
    cost: 'Cost (credits)',
  },
  fileName: (name: string, date: string) => `${name} events ${date}`,
  noPermissionText: 'Only the account owner, managers and the user themselves can see these statistics.',
  noUser: 'No user selected.',
};
