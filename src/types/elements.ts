// Generated from custom-elements.json by `npm run manifest` (a test fails when it is stale): do not edit.
/** Per-tag maps of what a template may set and listen to, shared by the React, Vue and Svelte typings. */
import type { RosterAccessGrants } from '../components/access-grants/access-grants.js';
import type { RosterAuditLog } from '../components/audit-log/audit-log.js';
import type { RosterEventsHistory } from '../components/events-history/events-history.js';
import type { RosterPanel } from '../components/panel/panel.js';
import type { RosterProvider } from '../components/provider/provider.js';
import type { RosterSharedTasks } from '../components/shared-tasks/shared-tasks.js';
import type { RosterUserEditor } from '../components/user-editor/user-editor.js';
import type { RosterUserList } from '../components/user-list/user-list.js';
import type { RosterUserStats } from '../components/user-stats/user-stats.js';

/** A kebab-case attribute takes the property's value or its text. */
export type AttributeValue<T> = T extends number ? T | `${T}` : T extends boolean ? T | '' : T;

/** The class behind each tag. */
export interface RosterElementClasses {
  'roster-access-grants': RosterAccessGrants;
  'roster-audit-log': RosterAuditLog;
  'roster-events-history': RosterEventsHistory;
  'roster-panel': RosterPanel;
  'roster-provider': RosterProvider;
  'roster-shared-tasks': RosterSharedTasks;
  'roster-user-editor': RosterUserEditor;
  'roster-user-list': RosterUserList;
  'roster-user-stats': RosterUserStats;
}

/** The properties (attribute-backed or not) each element takes from a template. */
export interface RosterElementProperties {
  'roster-access-grants': Pick<RosterAccessGrants, 'client' | 'disabled' | 'fieldErrors' | 'i18n' | 'locale' | 'readonly' | 'role' | 'userId' | 'value'>;
  'roster-audit-log': Pick<RosterAuditLog, 'client' | 'i18n' | 'locale' | 'pageSize'>;
  'roster-events-history': Pick<RosterEventsHistory, 'client' | 'i18n' | 'locale' | 'pageSize' | 'userId' | 'userName'>;
  'roster-panel': Pick<RosterPanel, 'baseUrl' | 'client' | 'clientIp' | 'credentials' | 'getToken' | 'i18n' | 'locale' | 'tab' | 'view'>;
  'roster-provider': Pick<RosterProvider, 'baseUrl' | 'client' | 'credentials' | 'getToken'>;
  'roster-shared-tasks': Pick<RosterSharedTasks, 'client' | 'i18n' | 'locale' | 'pageSize' | 'toolId'>;
  'roster-user-editor': Pick<RosterUserEditor, 'client' | 'clientIp' | 'i18n' | 'locale' | 'mode' | 'userId'>;
  'roster-user-list': Pick<RosterUserList, 'client' | 'i18n' | 'locale' | 'pageScroll' | 'pageSize' | 'query' | 'roleFilter' | 'selectedId' | 'sort' | 'statusFilter'>;
  'roster-user-stats': Pick<RosterUserStats, 'chartDays' | 'client' | 'i18n' | 'locale' | 'pageSize' | 'tab' | 'userId'>;
}

/** The attributes whose kebab-case name differs from their property. */
export interface RosterElementAttributes {
  'roster-access-grants': {
    'user-id'?: AttributeValue<RosterAccessGrants['userId']>;
    'user-role'?: AttributeValue<RosterAccessGrants['role']>;
  };
  'roster-audit-log': {
    'page-size'?: AttributeValue<RosterAuditLog['pageSize']>;
  };
  'roster-events-history': {
    'page-size'?: AttributeValue<RosterEventsHistory['pageSize']>;
    'user-id'?: AttributeValue<RosterEventsHistory['userId']>;
  };
  'roster-panel': {
    'base-url'?: AttributeValue<RosterPanel['baseUrl']>;
    'client-ip'?: AttributeValue<RosterPanel['clientIp']>;
  };
  'roster-provider': {
    'base-url'?: AttributeValue<RosterProvider['baseUrl']>;
  };
  'roster-shared-tasks': {
    'page-size'?: AttributeValue<RosterSharedTasks['pageSize']>;
    'tool-id'?: AttributeValue<RosterSharedTasks['toolId']>;
  };
  'roster-user-editor': {
    'client-ip'?: AttributeValue<RosterUserEditor['clientIp']>;
    'user-id'?: AttributeValue<RosterUserEditor['userId']>;
  };
  'roster-user-list': {
    'page-scroll'?: AttributeValue<RosterUserList['pageScroll']>;
    'page-size'?: AttributeValue<RosterUserList['pageSize']>;
    'role-filter'?: AttributeValue<RosterUserList['roleFilter']>;
    'selected-id'?: AttributeValue<RosterUserList['selectedId']>;
    'status-filter'?: AttributeValue<RosterUserList['statusFilter']>;
  };
  'roster-user-stats': {
    'chart-days'?: AttributeValue<RosterUserStats['chartDays']>;
    'page-size'?: AttributeValue<RosterUserStats['pageSize']>;
    'user-id'?: AttributeValue<RosterUserStats['userId']>;
  };
}

/** The `roster-*` events heard on each element: its own and those of the elements it renders. */
export interface RosterElementEvents {
  'roster-access-grants': Pick<GlobalEventHandlersEventMap, 'roster-before-user-update' | 'roster-change' | 'roster-grants-changed'>;
  'roster-audit-log': Pick<GlobalEventHandlersEventMap, never>;
  'roster-events-history': Pick<GlobalEventHandlersEventMap, 'roster-events-exported'>;
  'roster-panel': Pick<GlobalEventHandlersEventMap, 'roster-before-leave' | 'roster-before-user-create' | 'roster-before-user-delete' | 'roster-before-user-update' | 'roster-change' | 'roster-editor-close-request' | 'roster-events-exported' | 'roster-grants-changed' | 'roster-select' | 'roster-user-create-request' | 'roster-user-created' | 'roster-user-deleted' | 'roster-user-updated' | 'roster-verification-sent'>;
  'roster-provider': Pick<GlobalEventHandlersEventMap, never>;
  'roster-shared-tasks': Pick<GlobalEventHandlersEventMap, never>;
  'roster-user-editor': Pick<GlobalEventHandlersEventMap, 'roster-before-leave' | 'roster-before-user-create' | 'roster-before-user-delete' | 'roster-before-user-update' | 'roster-change' | 'roster-editor-close-request' | 'roster-grants-changed' | 'roster-user-created' | 'roster-user-deleted' | 'roster-user-updated' | 'roster-verification-sent'>;
  'roster-user-list': Pick<GlobalEventHandlersEventMap, 'roster-select' | 'roster-user-create-request' | 'roster-verification-sent'>;
  'roster-user-stats': Pick<GlobalEventHandlersEventMap, 'roster-events-exported'>;
}

export type RosterTagName = keyof RosterElementClasses;
