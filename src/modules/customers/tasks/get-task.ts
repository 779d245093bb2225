import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { TASK_COLUMNS, TASK_FROM, type TaskJson } from './task-json.ts';
import { taskVisibleSql } from './task-visibility.ts';

export async function getTask(db: Db, principal: Principal, id: string): Promise<TaskJson> {
  const visible = await taskVisibleSql(db, principal);
  const { rows } = await sql<TaskJson>`select ${TASK_COLUMNS} from ${TASK_FROM}
    where t.workspace_id = ${principal.workspaceId} and t.id = ${id} and t.deleted_at is null and ${visible}`.execute(db);
  if (!rows[0]) throw notFound('Task');
  return rows[0];
}
