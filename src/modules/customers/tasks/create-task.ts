import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { assertCustomersVisible } from '../timeline/customer-access.ts';
import { findTask, TASK_AUDIT_FIELDS, type TaskJson } from './task-json.ts';
import { assertAssignable, notifyAssignment } from './task-visibility.ts';

export type NewTask = { title: string; description?: string; due_at?: string; assignee_id?: string; contact_id?: string; company_id?: string };

/** A task, assigned to its creator unless said otherwise; someone else assigned is notified in the same transaction. */
export async function createTask(db: Db, principal: Principal, input: NewTask): Promise<TaskJson> {
  const assignee = input.assignee_id ?? principal.userId;
  await assertAssignable(db, principal, assignee);
  await assertCustomersVisible(db, principal, { contactId: input.contact_id, companyId: input.company_id });
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ id: string }>`
      insert into tasks (workspace_id, title, description, due_at, assignee_id, contact_id, company_id, created_by)
      values (${principal.workspaceId}, ${input.title}, ${input.description ?? null}, ${input.due_at ?? null}, ${assignee},
              ${input.contact_id ?? null}, ${input.company_id ?? null}, ${principal.userId})
      returning id::text`.execute(tx);
    const task = (await findTask(tx, principal.workspaceId, rows[0]!.id))!;
    await recordAudit(tx, {
      workspaceId: principal.workspaceId, objectType: 'tasks', recordId: task.id, actorId: principal.userId, action: 'create',
      changes: diffFields(null, task, TASK_AUDIT_FIELDS),
    });
    await notifyAssignment(tx, principal, task);
    return task;
  });
}
