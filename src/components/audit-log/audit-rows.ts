/**
 * The audit log's rows and their sentences. An entry becomes one row per change a person would name
 * on its own (each grant added or removed, each field changed), so every row is one sentence of
 * its own: "Greta Hoffmann gave Sophie Becker access to the task
 * “Berlin audit” (Site Audit)". The same sentence is rendered with every name in its own isolate,
 * or as plain text for the CSV.
 */
import type { AuditChange, AuditEntry, Role, TaskRef, Tool } from '../../sdk/index.js';
import type { Catalog } from '../localize/en.js';
import type { Sentence } from '../shared/bidi.js';

/** One line of the log: an entry, and the change of it the line tells (none: the entry as a whole). */
export interface AuditRow {
  id: string;
  entry: AuditEntry;
  change?: AuditChange;
}

/** What a sentence needs besides the row: the catalog, numbers in the viewer's language, tool and task names. */
export interface SentenceContext {
  t: Catalog;
  number: (value: number) => string;
  tools: readonly Tool[];
  /** The task's name; null when it no longer exists; undefined while unknown. */
  taskName: (ref: TaskRef) => string | null | undefined;
}

export const ACTION_TONES: Record<string, string> = {
  'user.created': 'success',
  'user.deleted': 'danger',
  'access.changed': 'accent',
  'account.password_changed': 'warning',
};

const isRef = (value: unknown): value is TaskRef =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as TaskRef).taskId === 'string' &&
  typeof (value as TaskRef).toolId === 'string';

/** The rows of an entry, in the order of its changes. */
export function rowsOf(entry: AuditEntry): AuditRow[] {
  let changes: (AuditChange | undefined)[] = [undefined];
  if (entry.action === 'access.changed' || entry.action === 'user.updated')
    changes = entry.changes.length ? entry.changes : [undefined];
  // A new profile: one row for the person, one for each grant given with it.
  if (entry.action === 'user.created')
    changes = [undefined, ...entry.changes.filter((change) => change.field.startsWith('access.'))];
  return changes.map((change, index) => ({ id: `${entry.id}/${index}`, entry, change }));
}

/** The localised name of an action; one this version does not know shows as sent. */
export function actionLabel(action: string, t: Catalog): string {
  return (t.auditLog.actions as Record<string, string>)[action] ?? action;
}

/** The task refs of rows, for the task directory to look up. */
export function taskRefs(rows: readonly (AuditRow | undefined)[]): TaskRef[] {
  const refs: TaskRef[] = [];
  for (const row of rows) {
    const value = row?.change?.field === 'access.tasks' ? (row.change.to ?? row.change.from) : undefined;
    if (isRef(value)) refs.push(value);
  }
  return refs;
}

/** A field's value as words: none, no limit, any address, a role's name, a number in the viewer's language. */
function valueText(field: string, value: unknown, context: SentenceContext): string {
  const { t } = context;
  const a = t.auditLog;
  if (field === 'creditLimit') return typeof value === 'number' ? context.number(value) : a.noLimit;
  if (field === 'role' && typeof value === 'string') return a.inSentence(t.roles[value as Role]?.name ?? value);
  if (field === 'status' && typeof value === 'string') return a.inSentence(t.common.status[value as 'active'] ?? value);
  if (field === 'allowedIps' && Array.isArray(value)) return value.length ? value.join(', ') : a.anyAddress;
  if (value === null || value === undefined || value === '') return a.noValue;
  return typeof value === 'number' ? context.number(value) : String(value);
}

/** The sentence of a row. */
export function sentenceOf({ entry, change }: AuditRow, context: SentenceContext): Sentence {
  const a = context.t.auditLog;
  const actor = entry.actor.name;
  const target = entry.targetName ?? a.someone;
  const say = (message: (...values: string[]) => string, ...values: string[]): Sentence => ({ message, values });
  const field = change?.field ?? '';
  const tool = (id: string) => context.tools.find((candidate) => candidate.id === id)?.name ?? id;
  if (field === 'access.tools') {
    return change!.to != null
      ? say(a.toolAdded, actor, target, tool(String(change!.to)))
      : say(a.toolRemoved, actor, target, tool(String(change!.from)));
  }
  if (field === 'access.tasks') {
    const ref = (change!.to ?? change!.from) as TaskRef;
    const name = isRef(ref) ? context.taskName(ref) : null;
    // A task that is gone (or whose lookup failed) shows as its id, as in the events export.
    const task = name ?? (name === null || !isRef(ref) ? String(isRef(ref) ? ref.taskId : ref) : '…');
    const toolName = isRef(ref) ? tool(ref.toolId) : '';
    return say(change!.to != null ? a.taskAdded : a.taskRemoved, actor, target, task, toolName);
  }
  switch (entry.action) {
    case 'user.created': {
      const role = entry.changes.find((item) => item.field === 'role')?.to;
      return say(a.created, actor, target, valueText('role', role ?? '', context));
    }
    case 'user.deleted':
      return say(
        entry.changes.some((item) => item.field === 'tasks' && item.to === 'delete')
          ? a.deletedWithTasks
          : entry.changes.some((item) => item.field === 'tasks' && item.to === 'transfer')
            ? a.deletedTransfer
            : a.deleted,
        actor,
        target,
      );
    case 'user.verified':
      return say(a.verified, target);
    case 'verification.sent':
      return say(a.verificationSent, actor, target);
    case 'account.password_changed':
      return say(a.accountPassword, actor);
    case 'user.updated': {
      if (!change) return say(a.updated, actor, target);
      if (field === 'password') return say(a.password, actor, target);
      const notification = /^notifications\.(\w+)$/.exec(field)?.[1];
      if (notification) {
        const what = (context.t.editor.notificationOptions as Record<string, string>)[notification] ?? notification;
        return say(change.to ? a.notificationOn : a.notificationOff, actor, target, what);
      }
      const label = (a.fields as Record<string, string>)[field] ?? field;
      return say(
        a.changed,
        actor,
        label,
        target,
        valueText(field, change.from, context),
        valueText(field, change.to, context),
      );
    }
    default:
      return say(a.other, actor, actionLabel(entry.action, context.t), target);
  }
}
