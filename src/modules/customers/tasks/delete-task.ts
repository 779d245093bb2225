import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { taskVisibleSql } from './task-visibility.ts';

/** Soft delete: the task leaves lists, reminders and the timeline, and stays restorable. */
export async function deleteTask(db: Db, principal: Principal, id: string): Promise<void> {
  const visible = await taskVisibleSql(db, principal);
  await db.transaction().execute(async (tx) => {
    const { rows } = await sql`update tasks t set deleted_at = now(), updated_at = now()
      where t.workspace_id = ${principal.workspaceId} and t.id = ${id} and t.deleted_at is null and ${visible}
      returning t.id`.execute(tx);
    if (!rows[0]) throw notFound('Task');
    await recordAudit(tx, { workspaceId: principal.workspaceId, objectType: 'tasks', recordId: id, actorId: principal.userId, action: 'delete' });
  });
}
