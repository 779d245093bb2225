import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { encodeCursor, pageSize, type Page } from '../../../platform/http/pagination.ts';
import { pageAndCount } from '../filter/count.ts';
import { decodeTimeCursor } from '../timeline/keyset.ts';
import { TASK_COLUMNS, TASK_FROM, type TaskJson } from './task-json.ts';
import { assigneeOutsideSql, hasShares, taskScope, taskSharedSql, taskVisiblePredicate } from './task-visibility.ts';

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
 * Unscoped, for one assignee ("my open tasks") or one customer, it is one walk of an index in that
 * order (tasks_due_idx, tasks_assignee_due_idx, tasks_contact_idx). Under a restricted scope the page is
 * assembled from disjoint branches that each stop after a page — one walk per assignee in scope, the
 * tasks I created for others, the tasks on customers shared with me — instead of sorting every task the
 * scope can see; the total is counted branch by branch.
 */
export async function listTasks(db: Db, principal: Principal, query: TaskQuery): Promise<Required<Page<TaskJson>>> {
  const limit = pageSize(query.limit);
  const cursor = decodeTimeCursor(query.cursor);
  const assignee = query.assignee_id === 'me' ? principal.userId : query.assignee_id;
  const scope = await taskScope(db, principal);
  const ws = principal.workspaceId;
  const live = sql`t.workspace_id = ${ws} and t.deleted_at is null
    ${assignee ? sql`and t.assignee_id = ${assignee}` : sql``}
    ${query.done === undefined ? sql`` : sql`and t.done = ${query.done}`}
    ${query.due_before ? sql`and t.due_at < ${query.due_before}::timestamptz` : sql``}
    ${query.contact_id ? sql`and t.contact_id = ${query.contact_id}` : sql``}
    ${query.company_id ? sql`and t.company_id = ${query.company_id}` : sql``}`;
  const due = sql`coalesce(t.due_at, 'infinity'::timestamptz)`;
  const after = cursor ? sql`and (${due}, t.id) > (${cursor.at}::timestamptz, ${cursor.id}::bigint)` : sql``;
  const soonest = sql`order by ${due}, t.id limit ${limit + 1}`;

  let keys: RawBuilder<unknown>;
  let counts: RawBuilder<unknown>[];
  const narrow = assignee !== undefined || query.contact_id !== undefined || query.company_id !== undefined;
  if (scope.owners === null || narrow) {
    const where = sql`${live} and ${taskVisiblePredicate(principal, scope, assignee)}`;
    keys = sql`(select t.id, ${due} as due_key from tasks t where ${where} ${after} ${soonest})`;
    counts = [sql`select 1 from tasks t where ${where}`];
  } else {
    const assigned = sql`${live} and t.assignee_id = any(${scope.owners}::bigint[])`;
    const created = sql`${live} and t.created_by = ${principal.userId} and ${assigneeOutsideSql(scope.owners)}`;
    const shared = sql`${live} and ${taskSharedSql(scope)} and ${assigneeOutsideSql(scope.owners)}
      and t.created_by is distinct from ${principal.userId}`;
    keys = sql`select k.id, k.due_key from unnest(${scope.owners}::bigint[]) as u(assignee_id)
        cross join lateral (select t.id, ${due} as due_key from tasks t where ${live} and t.assignee_id = u.assignee_id ${after} ${soonest}) k
      union all
      (select t.id, ${due} from tasks t where ${created} ${after} ${soonest})
      ${hasShares(scope) ? sql`union all (select t.id, ${due} from tasks t where ${shared} ${after} ${soonest})` : sql``}`;
    counts = [assigned, created, ...(hasShares(scope) ? [shared] : [])].map((where) => sql`select 1 from tasks t where ${where}`);
  }
  const pageQuery = sql<TaskJson & { due_key: string }>`
    select ${TASK_COLUMNS}, to_json(k.due_key)#>>'{}' as due_key
    from (${keys}) k join ${TASK_FROM} on t.workspace_id = ${ws} and t.id = k.id
    order by k.due_key, k.id limit ${limit + 1}`;
  // the branches are disjoint, so one capped count over their concatenation is exact up to the cap
  const { rows, total, total_capped } = await pageAndCount(db, pageQuery, sql`from (${sql.join(counts, sql` union all `)}) b`, limit, !cursor);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(({ due_key: _, ...task }) => task),
    next_cursor: rows.length > limit && last ? encodeCursor([last.due_key, last.id]) : null,
    total,
    total_capped,
  };
}

