import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { COUNT_CAP, decodeCursor, encodeCursor, pageSize, type Page } from '../../../platform/http/pagination.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { USER_COLUMNS, type UserJson } from './user-json.ts';

export type UserQuery = { q?: string; active?: boolean; department_id?: string; limit?: number; cursor?: string };

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Users by name (keyset on name, id), filtered by a name/email fragment, active flag and department. */
export async function listUsers(db: Db, workspaceId: string, query: UserQuery): Promise<Page<UserJson> & { total: number; total_capped: boolean }> {
  const limit = pageSize(query.limit);
  const after = decodeCursor(query.cursor, 2);
  if (after && (typeof after[0] !== 'string' || typeof after[1] !== 'string' || !/^[0-9]{1,18}$/.test(after[1]))) {
    throw new AppError('CURSOR_INVALID', 'The cursor is malformed');
  }
  const q = query.q?.trim();
  const where = sql`u.workspace_id = ${workspaceId}
    ${q ? sql`and (u.name ilike ${likePattern(q)} or u.email::text ilike ${likePattern(q)})` : sql``}
    ${query.active === undefined ? sql`` : sql`and u.active = ${query.active}`}
    ${query.department_id ? sql`and u.department_id = ${query.department_id}` : sql``}`;
  const [page, count] = await Promise.all([
    sql<UserJson>`select ${USER_COLUMNS} from users u where ${where}
      ${after ? sql`and (u.name, u.id) > (${after[0] as string}, ${after[1] as string}::bigint)` : sql``}
      order by u.name, u.id limit ${limit + 1}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from (select 1 from users u where ${where} limit ${COUNT_CAP + 1}) x`.execute(db),
  ]);
  const rows = page.rows.slice(0, limit);
  const last = rows[rows.length - 1];
  const total = count.rows[0]?.n ?? 0;
  return {
    data: rows,
    next_cursor: page.rows.length > limit && last ? encodeCursor([last.name, last.id]) : null,
    total: Math.min(total, COUNT_CAP),
    total_capped: total > COUNT_CAP,
  };
}
