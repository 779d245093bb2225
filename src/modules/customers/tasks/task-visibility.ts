import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { visibleOwnerIds } from '../../accounts/index.ts';
import { notify } from '../../notifications/index.ts';

/**
 * Whose tasks a principal sees: tasks assigned within the role's `tasks` data scope (`owners`, null =
 * all), tasks they created, and tasks on a contact or company shared with them (协作人).
 * A task on a customer that is visible only through its owner is not visible by that alone: checking
 * each task against thousands of visible customer ids made rep task lists 70–150 ms; the assignee
 * decides, as the owner does for orders.
 */
export type TaskScope = { owners: string[] | null; shared: { contacts: string[]; companies: string[] } };

export async function taskScope(db: Db | Tx, principal: Principal): Promise<TaskScope> {
  const [owners, { rows }] = await Promise.all([
    visibleOwnerIds(db, principal, 'tasks'),
    sql<{ object_type: string; ids: string[] }>`
      select rc.object_type, array_agg(rc.record_id::text) as ids from record_collaborators rc
      where rc.workspace_id = ${principal.workspaceId} and rc.user_id = ${principal.userId}
        and rc.object_type in ('contacts', 'companies') and (rc.expires_at is null or rc.expires_at > now())
      group by rc.object_type`.execute(db),
  ]);
  const ids = (type: string) => rows.find((r) => r.object_type === type)?.ids ?? [];
  return { owners, shared: { contacts: ids('contacts'), companies: ids('companies') } };
}

/**
 * `tasks t` hangs off a customer shared with the caller. Literal id arrays (see orders/order-visibility.ts):
 * the planner probes tasks_contact_idx / tasks_company_idx for the few shared ids.
 */
export function taskSharedSql(scope: TaskScope): RawBuilder<boolean> {
  const { contacts, companies } = scope.shared;
  const parts = [
    ...(contacts.length > 0 ? [sql`t.contact_id = any(${contacts}::bigint[])`] : []),
    ...(companies.length > 0 ? [sql`t.company_id = any(${companies}::bigint[])`] : []),
  ];
  return parts.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

export function hasShares(scope: TaskScope): boolean {
  return scope.shared.contacts.length + scope.shared.companies.length > 0;
}

/** The assignee is outside the scope (or there is none). */
export function assigneeOutsideSql(owners: string[]): RawBuilder<boolean> {
  return sql<boolean>`not coalesce(t.assignee_id = any(${owners}::bigint[]), false)`;
}

export function taskVisiblePredicate(principal: Principal, scope: TaskScope, assigneeFilter?: string): RawBuilder<boolean> {
  if (scope.owners === null) return sql<boolean>`true`;
  // a list already restricted to an assignee within scope ("my tasks") needs no further predicate
  if (assigneeFilter !== undefined && scope.owners.includes(assigneeFilter)) return sql<boolean>`true`;
  return sql<boolean>`(t.assignee_id = any(${scope.owners}::bigint[]) or t.created_by = ${principal.userId} or ${taskSharedSql(scope)})`;
}

/** SQL predicate for `tasks t` (single tasks, narrow lists). */
export async function taskVisibleSql(db: Db | Tx, principal: Principal, assigneeFilter?: string): Promise<RawBuilder<boolean>> {
  return taskVisiblePredicate(principal, await taskScope(db, principal), assigneeFilter);
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
