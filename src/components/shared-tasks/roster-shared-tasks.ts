import { RosterSharedTasks } from './shared-tasks.js';

if (!customElements.get('roster-shared-tasks')) customElements.define('roster-shared-tasks', RosterSharedTasks);

declare global {
  interface HTMLElementTagNameMap {
    'roster-shared-tasks': RosterSharedTasks;
  }
}
