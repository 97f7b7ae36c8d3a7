/**
 * Compile-time checks of the React, Vue and Svelte typings (`npx tsc --noEmit` fails when one
 * breaks): what a template may set and hear on a Roster tag, and what it may not. Real Vue and
 * Svelte templates using them are checked by vue-tsc and svelte-check (test/interop/templates).
 */
import type { JSX } from 'react';
import type { SvelteHTMLElements } from 'svelte/elements';
import type { GlobalComponents } from 'vue';
import '../../src/types/react.js';
import '../../src/types/svelte.js';
import '../../src/types/vue.js';
import type { EventsExportedEvent, SelectEvent, UserDeletedEvent } from '../../src/components/events.js';
import type { RosterClient } from '../../src/sdk/index.js';

declare const client: RosterClient;
declare const select: SelectEvent;
const names: string[] = [];

// React 19: properties, kebab-case attributes and `on<event-name>` listeners with typed events.
export const reactPanel: JSX.IntrinsicElements['roster-panel'] = {
  client,
  locale: 'de',
  i18n: { list: { newUser: 'Add someone' } },
  tab: 'access',
  'base-url': '/api/roster/v1',
  className: 'team',
  'onroster-select': (event) => names.push(event.detail.user.firstName),
  'onroster-user-deleted': (event) => names.push(event.detail.tasks),
};
export const reactList: JSX.IntrinsicElements['roster-user-list'] = {
  pageSize: 25,
  'page-size': '25',
  'role-filter': 'manager',
};
export const reactGrants: JSX.IntrinsicElements['roster-access-grants'] = {
  readonly: true,
  disabled: false,
  'user-id': 'u1',
};
// @ts-expect-error the client is an SDK client, not a string
export const reactWrongClient: JSX.IntrinsicElements['roster-panel'] = { client: 'api' };
// @ts-expect-error the page size is a number
export const reactWrongNumber: JSX.IntrinsicElements['roster-user-list'] = { pageSize: 'many' };
// @ts-expect-error no such tab
export const reactWrongTab: JSX.IntrinsicElements['roster-panel'] = { tab: 'billing' };
export const reactWrongDetail: JSX.IntrinsicElements['roster-panel'] = {
  // @ts-expect-error `roster-select` carries a user, not a count
  'onroster-select': (event: CustomEvent<{ count: number }>) => names.push(String(event.detail.count)),
};

// Svelte 5: the same names as React, `on<event-name>` included.
export const sveltePanel: SvelteHTMLElements['roster-panel'] = {
  client,
  tab: 'activity',
  'base-url': '/api',
  class: 'team',
  'onroster-select': (event) => names.push(event.detail.user.firstName),
};
// @ts-expect-error the page size is a number
export const svelteWrongNumber: SvelteHTMLElements['roster-user-list'] = { 'page-size': 'many' };
export const svelteWrongDetail: SvelteHTMLElements['roster-panel'] = {
  // @ts-expect-error `roster-select` carries a user, not a count
  'onroster-select': (event: CustomEvent<{ count: number }>) => names.push(String(event.detail.count)),
};

// Vue 3.5: `$props` for bindings, `$emit` for `@roster-*` listeners.
type VueProps<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];
type VueEmit<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$emit'];
export const vuePanel: VueProps<'roster-panel'> = {
  client,
  locale: 'de',
  i18n: { list: { newUser: 'Invite' } },
  'base-url': '/api',
};
export const vueStats: VueProps<'roster-user-stats'> = { chartDays: 14, 'chart-days': '14', 'user-id': 'u1' };
// vue-tsc checks `chart-days="14"` as `chartDays`.
export const vueStatsText: VueProps<'roster-user-stats'> = { chartDays: '14', userId: 'u1' };
// @ts-expect-error chart days are a number
export const vueWrongNumber: VueProps<'roster-user-stats'> = { chartDays: 'two weeks' };
export function emitSelect(emit: VueEmit<'roster-panel'>, deleted: UserDeletedEvent, exported: EventsExportedEvent) {
  emit('roster-select', select);
  emit('roster-user-deleted', deleted);
  // @ts-expect-error `roster-select` carries a SelectEvent, whose detail has a user
  emit('roster-select', exported);
  // @ts-expect-error the panel fires no such event
  emit('roster-unknown', select);
}
