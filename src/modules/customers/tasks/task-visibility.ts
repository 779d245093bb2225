import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { visibleOwnerIds } from '../../accounts/index.ts';
import { notify } from '../../notifications/index.ts';
import { relatedCustomerVisibleSql } from '../timeline/customer-access.ts';

/**
 * SQL predicate for `tasks t`: the assignee is within the role's `tasks` data scope, the caller created
 * it, or its contact/company is visible (a task on my customer is part of my customer's story).
 */
export async function taskVisibleSql(db: Db | Tx, principal: Principal, assigneeFilter?: string): Promise<RawBuilder<boolean>> {
  const owners = await visibleOwnerIds(db, principal, 'tasks');
  if (owners === null) return sql<boolean>`true`;
  // a list already restricted to an assignee within scope ("my tasks") needs no further predicate
  if (assigneeFilter !== undefined && owners.includes(assigneeFilter)) return sql<boolean>`true`;
  const related = await relatedCustomerVisibleSql(db, principal, 't');
  return sql<boolean>`(t.assignee_id = any(${owners}::bigint[]) or t.created_by = ${principal.userId} or ${related})`;
}

/** An assignee must be an active user of the caller's workspace. */
export async function assertAssignable(db: Db | Tx, principal: Principal, userId: string): Promise<void> {
  const { rows } = await sql`select 1 from users where workspace_id = ${principal.workspaceId} and id = ${userId} and active`.execute(db);
  if (rows.length === 0) throw new AppError('REFERENCE_INVALID', 'The assignee is not an active user of this workspace', { field: 'assignee_id' });
}

/** Tells a user that someone else gave them a task (assigning yourself is not news). */
export async function notifyAssignment(tx: Tx, principal: Principal, task: { id: string; title: string; assignee_id: string | null }): Promise<void> {
  if (!task.assignee_id || task.assignee_id === principal.userId) return;
  const { rows } = await sql<{ name: string }>`select name from users where workspace_id = ${principal.workspaceId} and id = ${principal.userId}`.execute(tx);
  const by = rows[0]?.name ?? 'Someone';
  await notify(tx, {
    workspaceId: principal.workspaceId,
    userIds: [task.assignee_id],
    kind: 'assignment',
    title: `${by} assigned you a task: ${task.title}`,
    link: `/tasks/${task.id}`,
    payload: { task_id: task.id, title: task.title, assigned_by: principal.userId },
    dedupeKey: `assignment:task:${task.id}`,
  });
}
