import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { decodeCursor, encodeCursor, pageSize } from '../../../platform/http/pagination.ts';
import { readableDisplayName, readableField, unmaskedField, visibilityFor } from '../../accounts/index.ts';
import { pageAndCount } from '../filter/count.ts';
import { TRASH_DAYS } from './restore-record.ts';
import type { RecordType } from './record-type.ts';

export type TrashItem = { object: string; id: string; title: string | null; owner_id: string | null; owner_name: string | null; deleted_at: string };

/** Records of one type deleted within the restore window and visible to the caller, most recently deleted first. */
export async function listTrash(db: Db, principal: Principal, type: RecordType, query: { limit?: number; cursor?: string }) {
  if (!can(principal, type.object, 'view')) {
    throw new AppError('PERMISSION_DENIED', `Your role may not view ${type.object}`, { object: type.object, action: 'view' });
  }
  const limit = pageSize(query.limit);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor && (typeof cursor[0] !== 'string' || typeof cursor[1] !== 'string' || !/^\d{1,18}$/.test(cursor[1]))) {
    throw new AppError('CURSOR_INVALID', 'The cursor is malformed');
  }
  const visible = await visibilityFor(db, principal, type.object, 'r');
  // merged records are not in the trash: undoing the merge is what brings one back
  const where = sql`r.workspace_id = ${principal.workspaceId} and r.deleted_at is not null and r.merged_into_id is null
    and r.deleted_at > now() - make_interval(days => ${TRASH_DAYS}) and ${visible}`;
  const after = cursor ? sql`and (r.deleted_at, r.id) < (${cursor[0] as string}::timestamptz, ${cursor[1] as string}::bigint)` : sql``;
  const title = type.object === 'contacts'
    ? readableDisplayName(principal, { displayName: sql.ref('r.display_name'), firstName: sql.ref('r.first_name'), lastName: sql.ref('r.last_name') }, 'list')
    : readableField(principal, type.object, type.title, sql.ref(`r.${type.title}`), 'text', 'list');
  const owner = (column: RawBuilder<unknown>) => unmaskedField(principal, type.object, 'owner_id', column);
  const { rows, ...count } = await pageAndCount(db, sql<TrashItem>`
      select ${type.object} as object, r.id::text, ${title} as title, ${owner(sql`r.owner_id::text`)} as owner_id, ${owner(sql`u.name`)} as owner_name,
             to_json(r.deleted_at)#>>'{}' as deleted_at
      from ${type.table} r left join users u on u.workspace_id = r.workspace_id and u.id = r.owner_id
      where ${where} ${after}
      order by r.deleted_at desc, r.id desc
      limit ${limit + 1}`, sql`from ${type.table} r where ${where}`, limit, !cursor);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { data: page, next_cursor: rows.length > limit && last ? encodeCursor([last.deleted_at, last.id]) : null, ...count };
}
