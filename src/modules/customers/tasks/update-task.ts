import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { assertCustomersVisible } from '../timeline/customer-access.ts';
import { findTask, TASK_AUDIT_FIELDS, type TaskJson } from './task-json.ts';
import { assertAssignable, notifyAssignment, taskVisibleSql } from './task-visibility.ts';

export type TaskChanges = {
  version: number;
  title?: string;
  description?: string | null;
  due_at?: string | null;
  done?: boolean;
  assignee_id?: string;
  contact_id?: string | null;
  company_id?: string | null;
};

/**
 * Optimistic update: `… where version = $v`. When nothing matches, a second look tells a stale
 * version (409) from a task that is gone or invisible (404). Marking done stamps done_at; reopening clears it.
 */
export async function updateTask(db: Db, principal: Principal, id: string, input: TaskChanges): Promise<TaskJson> {
  const visible = await taskVisibleSql(db, principal);
  return db.transaction().execute(async (tx) => {
    const { rows: found } = await sql<{ version: number }>`select t.version from tasks t
      where t.workspace_id = ${principal.workspaceId} and t.id = ${id} and t.deleted_at is null and ${visible}`.execute(tx);
    if (!found[0]) throw notFound('Task');
    const before = (await findTask(tx, principal.workspaceId, id))!;
    if (input.assignee_id !== undefined && input.assignee_id !== before.assignee_id) await assertAssignable(tx, principal, input.assignee_id);
    await assertCustomersVisible(tx, principal, {
      contactId: input.contact_id !== before.contact_id ? input.contact_id : null,
      companyId: input.company_id !== before.company_id ? input.company_id : null,
    });

    const sets: RawBuilder<unknown>[] = [sql`version = t.version + 1`, sql`updated_at = now()`];
    if (input.title !== undefined) sets.push(sql`title = ${input.title}`);
    if (input.description !== undefined) sets.push(sql`description = ${input.description}`);
    if (input.due_at !== undefined) sets.push(sql`due_at = ${input.due_at}::timestamptz`);
    if (input.assignee_id !== undefined) sets.push(sql`assignee_id = ${input.assignee_id}`);
    if (input.contact_id !== undefined) sets.push(sql`contact_id = ${input.contact_id}`);
    if (input.company_id !== undefined) sets.push(sql`company_id = ${input.company_id}`);
    if (input.done !== undefined) {
      sets.push(sql`done = ${input.done}`);
      sets.push(input.done ? sql`done_at = coalesce(t.done_at, now())` : sql`done_at = null`);
    }
    const { rows: updated } = await sql<{ id: string }>`update tasks t set ${sql.join(sets)}
      where t.workspace_id = ${principal.workspaceId} and t.id = ${id} and t.deleted_at is null and t.version = ${input.version}
      returning t.id::text`.execute(tx);
    if (!updated[0]) {
      throw new AppError('VERSION_CONFLICT', 'The task changed since you read it', { current_version: found[0].version });
    }
    const after = (await findTask(tx, principal.workspaceId, id))!;
    const changes = diffFields(before, after, TASK_AUDIT_FIELDS);
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, { workspaceId: principal.workspaceId, objectType: 'tasks', recordId: id, actorId: principal.userId, action: 'update', changes });
    }
    if (after.assignee_id !== before.assignee_id) await notifyAssignment(tx, principal, after);
    return after;
  });
}
