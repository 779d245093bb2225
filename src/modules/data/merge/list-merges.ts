import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { decodeCursor, encodeCursor, pageSize } from '../../../platform/http/pagination.ts';
import { readableDisplayName, readableField, visibilityFor } from '../../accounts/index.ts';
import type { MergeObject } from './merge-fields.ts';
import type { MergeJson } from './merge.schemas.ts';

/**
 * The merged record's name as the role may see it anywhere else: a contact's from the parts it may read
 * (kept in merged_before), a company's through the name field's permission.
 */
function mergedName(principal: Principal, object: MergeObject): RawBuilder<unknown> {
  if (object === 'companies') return readableField(principal, object, 'name', sql`m.merged_display_name`, 'text', 'list');
  return readableDisplayName(principal, {
    displayName: sql`m.merged_display_name`,
    firstName: sql`(m.merged_before->>'first_name')`,
    lastName: sql`(m.merged_before->>'last_name')`,
  }, 'list');
}

/** The Merge JSON; the merged record's name is hidden or masked like that field anywhere else. */
function mergeColumns(principal: Principal, object: MergeObject): RawBuilder<unknown> {
  const title = mergedName(principal, object);
  return sql`m.id::text, m.object_type as object, m.survivor_id::text, m.merged_id::text, ${title} as merged_display_name,
    to_json(m.created_at)#>>'{}' as created_at, u.name as created_by_name, to_json(m.undone_at)#>>'{}' as undone_at, m.moved`;
}

export async function selectMerge(db: Db | Tx, principal: Principal, object: MergeObject, id: string): Promise<MergeJson> {
  const { rows } = await sql<MergeJson>`
    select ${mergeColumns(principal, object)}
    from merges m left join users u on u.workspace_id = m.workspace_id and u.id = m.created_by
    where m.workspace_id = ${principal.workspaceId} and m.id = ${id}`.execute(db);
  if (!rows[0]) throw new AppError('NOT_FOUND', 'Merge not found');
  return rows[0];
}

/**
 * Merges of one object, newest first — those whose surviving record the caller may see (live or not),
 * so the list reveals no record outside the caller's data scope.
 */
export async function listMerges(db: Db, principal: Principal, query: { object: MergeObject; limit?: number; cursor?: string }) {
  const { object } = query;
  if (!can(principal, object, 'view')) throw new AppError('PERMISSION_DENIED', `Your role may not view ${object}`, { object, action: 'view' });
  const limit = pageSize(query.limit);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor && (typeof cursor[0] !== 'string' || typeof cursor[1] !== 'string' || !/^\d{1,18}$/.test(cursor[1]))) {
    throw new AppError('CURSOR_INVALID', 'The cursor is malformed');
  }
  const visible = await visibilityFor(db, principal, object, 's');
  const after = cursor ? sql`and (m.created_at, m.id) < (${cursor[0] as string}::timestamptz, ${cursor[1] as string}::bigint)` : sql``;
  const { rows } = await sql<MergeJson>`
    select ${mergeColumns(principal, object)}
    from merges m
    join ${sql.table(object)} s on s.workspace_id = m.workspace_id and s.id = m.survivor_id
    left join users u on u.workspace_id = m.workspace_id and u.id = m.created_by
    where m.workspace_id = ${principal.workspaceId} and m.object_type = ${object} and ${visible} ${after}
    order by m.created_at desc, m.id desc
    limit ${limit + 1}`.execute(db);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { data: page, next_cursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null };
}
