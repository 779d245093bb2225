import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { decodeCursor, encodeCursor, pageSize } from '../../../platform/http/pagination.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { fieldDefinitionsFor } from '../fields/field-definitions.ts';
import { assertVisible } from './record-access.ts';
import { readThroughAlias } from './record-aliases.ts';
import { readableChanges } from './readable-fields.ts';
import type { RecordType } from './record-type.ts';

export type HistoryEntry = { id: string; at: string; actor_id: string | null; actor_name: string | null; action: string; changes: Record<string, [unknown, unknown]> };

/**
 * The history of one record, newest first: its audit trail and the imports that created or changed it
 * (the record_history view). Hidden fields are dropped from `changes` and masked ones
 * masked inside the query (readableChanges), so history cannot reveal what the record view hides.
 */
export async function listHistory(db: Db, principal: Principal, type: RecordType, requestedId: string, query: { limit?: number; cursor?: string }) {
  // a merged record's id shows the survivor's history (which records the merge)
  const id = await readThroughAlias(db, principal.workspaceId, type.object, requestedId, async (target) => {
    await assertVisible(db, principal, type, target);
    return target;
  });
  const definitions = await fieldDefinitionsFor(db, principal, type.object);
  const limit = pageSize(query.limit);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor && (typeof cursor[0] !== 'string' || typeof cursor[1] !== 'string' || !/^-?\d{1,18}$/.test(cursor[1]))) {
    throw new AppError('CURSOR_INVALID', 'The cursor is malformed');
  }
  const after = cursor ? sql`and (a.at, a.id) < (${cursor[0] as string}::timestamptz, ${cursor[1] as string}::bigint)` : sql``;
  const { rows } = await sql<HistoryEntry>`
    select a.id::text, to_json(a.at)#>>'{}' as at, a.actor_id::text, u.name as actor_name, a.action,
           coalesce(${readableChanges(principal, type.object, type.changeKeys, definitions, sql`a.changes`, 'detail')}, '{}'::jsonb) as changes
    from record_history a left join users u on u.workspace_id = a.workspace_id and u.id = a.actor_id
    where a.workspace_id = ${principal.workspaceId} and a.object_type = ${type.object} and a.record_id = ${id} ${after}
    order by a.at desc, a.id desc
    limit ${limit + 1}`.execute(db);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page,
    next_cursor: rows.length > limit && last ? encodeCursor([last.at, last.id]) : null,
  };
}
