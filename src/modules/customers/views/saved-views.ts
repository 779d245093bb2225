import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { assertFieldsReadable } from '../../accounts/index.ts';
import { fieldDefinitionsFor } from '../fields/field-definitions.ts';
import { compileFilter } from '../filter/compile-filter.ts';
import { assertFilterReadable } from '../filter/filter-predicate.ts';
import { parseFilter } from '../filter/parse-filter.ts';
import { parseSort } from '../filter/sort.ts';
import type { RecordType } from '../records/record-type.ts';

export type SavedView = { id: string; object: string; name: string; filter: unknown; sort: string | null; columns: string[] | null; created_at: string };
export type NewSavedView = { object: string; name: string; filter?: unknown; sort?: string | null; columns?: string[] | null };

const COLUMNS = sql`v.id::text, v.object_type as object, v.name, v.filter, v.sort, v.columns, to_json(v.created_at)#>>'{}' as created_at`;

function assertCanView(principal: Principal, object: string): void {
  if (!can(principal, object, 'view')) throw new AppError('PERMISSION_DENIED', `Your role may not view ${object}`, { object, action: 'view' });
}

/** A user's own views of one object; views are personal, nobody else's are ever listed. */
export async function listSavedViews(db: Db, principal: Principal, object: string): Promise<SavedView[]> {
  assertCanView(principal, object);
  const { rows } = await sql<SavedView>`
    select ${COLUMNS} from saved_views v
    where v.workspace_id = ${principal.workspaceId} and v.user_id = ${principal.userId} and v.object_type = ${object}
    order by v.name, v.id`.execute(db);
  return rows;
}

/** The filter and sort are checked with the same compiler the list uses, so a saved view always opens. */
export async function createSavedView(db: Db, principal: Principal, type: RecordType, input: NewSavedView): Promise<SavedView> {
  assertCanView(principal, type.object);
  const name = input.name.normalize('NFC').trim();
  if (name === '') throw new AppError('FIELD_REQUIRED', 'A view needs a name', { field: 'name' });
  const definitions = await fieldDefinitionsFor(db, principal, type.object);
  const registry = type.filterRegistry(principal, definitions, 'r');
  const node = parseFilter(input.filter ?? null);
  assertFilterReadable(node, registry, principal, type.object);
  compileFilter(node, registry);
  if (input.sort) assertFieldsReadable(principal, type.object, [parseSort(input.sort, type.sorts).field.permissionKey]);
  const { rows } = await sql<SavedView>`
    insert into saved_views as v (workspace_id, user_id, object_type, name, filter, sort, columns)
    values (${principal.workspaceId}, ${principal.userId}, ${type.object}, ${name},
            ${node === null ? null : JSON.stringify(node)}::jsonb, ${input.sort ?? null}, ${input.columns ? JSON.stringify(input.columns) : null}::jsonb)
    returning ${COLUMNS}`.execute(db);
  return rows[0]!;
}

export async function deleteSavedView(db: Db, principal: Principal, id: string): Promise<void> {
  const { rows } = await sql`
    delete from saved_views where workspace_id = ${principal.workspaceId} and id = ${id} and user_id = ${principal.userId} returning id`.execute(db);
  if (!rows[0]) throw notFound('Saved view');
}
