/**
 * The audit log (v1.1): who changed what on whom. Each administrative change records one entry
 * in the transaction that makes it; a password shows only as changed, never its value.
 */
import { AUDIT_ACTIONS, type User } from '../sdk/schemas.js';
import type { AccountTx, AuditChange, AuditEntry } from './storage.js';

export { AUDIT_ACTIONS };

export type AuditAction = AuditEntry['action'];

const SCALAR_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'role', 'status', 'creditLimit'] as const;

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * The fields that differ between two versions of a profile (`before` null: a new profile). Grants
 * are listed per tool and task added (`from` null) or removed (`to` null).
 */
export function auditChanges(before: User | null, after: User, passwordChanged = false): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const field of SCALAR_FIELDS) {
    const from = before ? before[field] : null;
    if (from !== after[field] && !(before === null && after[field] === null))
      changes.push({ field, from, to: after[field] });
  }
  const ipsBefore = before?.allowedIps ?? [];
  if (!sameList(ipsBefore, after.allowedIps))
    changes.push({ field: 'allowedIps', from: ipsBefore, to: after.allowedIps });
  if (before) {
    for (const key of Object.keys(after.notifications) as (keyof User['notifications'])[]) {
      if (before.notifications[key] !== after.notifications[key]) {
        changes.push({ field: `notifications.${key}`, from: before.notifications[key], to: after.notifications[key] });
      }
    }
  }
  const toolsBefore = new Set(before?.access.tools ?? []);
  const toolsAfter = new Set(after.access.tools);
  for (const tool of toolsAfter)
    if (!toolsBefore.has(tool)) changes.push({ field: 'access.tools', from: null, to: tool });
  for (const tool of toolsBefore)
    if (!toolsAfter.has(tool)) changes.push({ field: 'access.tools', from: tool, to: null });
  const tasksBefore = new Map((before?.access.tasks ?? []).map((ref) => [ref.taskId, ref]));
  const tasksAfter = new Map(after.access.tasks.map((ref) => [ref.taskId, ref]));
  for (const [id, ref] of tasksAfter)
    if (!tasksBefore.has(id)) changes.push({ field: 'access.tasks', from: null, to: ref });
  for (const [id, ref] of tasksBefore)
    if (!tasksAfter.has(id)) changes.push({ field: 'access.tasks', from: ref, to: null });
  if (passwordChanged) changes.push({ field: 'password', from: null, to: null });
  return changes;
}

export interface AuditRecord {
  at: string;
  actor: Pick<User, 'id' | 'firstName' | 'lastName'>;
  action: AuditAction;
  target: Pick<User, 'id' | 'firstName' | 'lastName'> | null;
  changes?: AuditChange[];
}

export async function recordAudit(tx: AccountTx, record: AuditRecord): Promise<void> {
  const name = (user: Pick<User, 'firstName' | 'lastName'>) => `${user.firstName} ${user.lastName}`;
  await tx.insertAudit({
    id: await tx.newId('aud'),
    at: record.at,
    actor: { id: record.actor.id, name: name(record.actor) },
    action: record.action,
    targetId: record.target?.id ?? null,
    targetName: record.target ? name(record.target) : null,
    changes: record.changes ?? [],
  });
}
