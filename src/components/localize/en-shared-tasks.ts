/**
 * English strings of <roster-shared-tasks> (`grants.shared` and `grants.unknownTool`): they load
 * with the element, which registers them (`addEnglish`); <roster-access-grants> brings them too,
 * as part of `grants`.
 */
import { plural } from './en.js';

const shared = {
  label: 'Tasks shared by other users',
  filter: 'Tool',
  allTools: 'All tools',
  columns: { task: 'Task', tool: 'Tool', owner: 'Created by', created: 'Created' },
  anotherUser: 'Another user',
  count: (total: number) => plural(total, 'shared task', 'shared tasks'),
  showMore: 'Show more',
  loadingMore: 'Loading more tasks…',
  emptyTitle: 'No shared tasks',
  emptyText: 'Tasks created by other profiles of the account appear here.',
  emptyToolText: 'Nobody else has created a task in this tool yet.',
};

export const sharedTasks = {
  unknownTool: (id: string) => `Unknown tool (${id})`,
  shared,
};
