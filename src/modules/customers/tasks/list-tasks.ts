import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { COUNT_CAP, encodeCursor, pageSize, type Page } from '../../../platform/http/pagination.ts';
import { decodeTimeCursor } from '../timeline/keyset.ts';
import { TASK_COLUMNS, TASK_FROM, type TaskJson } from './task-json.ts';
import { taskVisibleSql } from './task-visibility.ts';

export type TaskQuery = {
  assignee_id?: string; // "me" or a user id
  done?: boolean;
  due_before?: string;
  contact_id?: string;
  company_id?: string;
  limit?: number;
  cursor?: string;
};

/**
 * Visible tasks, due soonest first (undated last), keyset-paginated on (due_at or +infinity, id).
 * "My open tasks" (assignee=me&done=false) is served by tasks_assignee_idx.
 */
export async function listTasks(db: Db, principal: Principal, query: TaskQuery): Promise<Required<Page<TaskJson>>> {
  const limit = pageSize(query.limit);
  const cursor = decodeTimeCursor(query.cursor);
  const assignee = query.assignee_id === 'me' ? principal.userId : query.assignee_id;
  const visible = await taskVisibleSql(db, principal, assignee);
  const where = sql`t.workspace_id = ${principal.workspaceId} and t.deleted_at is null and ${visible}
    ${assignee ? sql`and t.assignee_id = ${assignee}` : sql``}
    ${query.done === undefined ? sql`` : sql`and t.done = ${query.done}`}
    ${query.due_before ? sql`and t.due_at < ${query.due_before}::timestamptz` : sql``}
    ${query.contact_id ? sql`and t.contact_id = ${query.contact_id}` : sql``}
    ${query.company_id ? sql`and t.company_id = ${query.company_id}` : sql``}`;
  const { rows } = await sql<TaskJson & { due_key: string }>`
    select ${TASK_COLUMNS}, to_json(coalesce(t.due_at, 'infinity'))#>>'{}' as due_key from ${TASK_FROM}
    where ${where}
      ${cursor ? sql`and (coalesce(t.due_at, 'infinity'), t.id) > (${cursor.at}::timestamptz, ${cursor.id}::bigint)` : sql``}
    order by coalesce(t.due_at, 'infinity'), t.id
    limit ${limit + 1}`.execute(db);
  const { rows: counted } = await sql<{ n: number }>`
    select count(*)::int as n from (select 1 from tasks t where ${where} limit ${COUNT_CAP + 1}) x`.execute(db);
  const total = counted[0]?.n ?? 0;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(({ due_key: _, ...task }) => task),
    next_cursor: rows.length > limit && last ? encodeCursor([last.due_key, last.id]) : null,
    total: Math.min(total, COUNT_CAP),
    total_capped: total > COUNT_CAP,
  };
}
