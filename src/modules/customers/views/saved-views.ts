import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { assertFieldsReadable } from '../../accounts/index.ts';
import { fieldDefinitionsFor } from '../fields/field-definitions.ts';
import { compileFilter } from '../filter/compile-filter.ts';
import { assertFilterReadable } from '../filter/filter-predicate.ts';
import { parseFilter, type FilterNode } from '../filter/parse-filter.ts';
import { parseSort } from '../filter/sort.ts';
import type { RecordType } from '../records/record-type.ts';

export type SavedView = { id: string; object: string; name: string; filter: unknown; sort: string | null; columns: string[] | null; created_at: string };
export type NewSavedView = { object: string; name: string; filter?: unknown; sort?: string | null; columns?: string[] | null };
/** An absent key leaves that part of the view alone; `null` clears it. */
export type SavedViewPatch = { name?: string; filter?: unknown; sort?: string | null; columns?: string[] | null };

const COLUMNS = sql`v.id::text, v.object_type as object, v.name, v.filter, v.sort, v.columns, to_json(v.created_at)#>>'{}' as created_at`;

function assertCanView(principal: Principal, object: string): void {
  if (!can(principal, object, 'view')) throw new AppError('PERMISSION_DENIED', `Your role may not view ${object}`, { object, action: 'view' });
}

function viewName(input: string): string {
  const name = input.normalize('NFC').trim();
  if (name === '') throw new AppError('FIELD_REQUIRED', 'A view needs a name', { field: 'name' });
  return name;
}

/** The filter is checked with the same compiler the list uses, so a saved view always opens. */
async function checkedFilter(db: Db, principal: Principal, type: RecordType, filter: unknown): Promise<FilterNode | null> {
  const definitions = await fieldDefinitionsFor(db, principal, type.object);
  const registry = type.filterRegistry(principal, definitions, 'r');
  const node = parseFilter(filter ?? null);
  assertFilterReadable(node, registry, principal, type.object);
  compileFilter(node, registry);
  return node;
}

function checkSort(principal: Principal, type: RecordType, sort: string | null | undefined): void {
  if (sort) assertFieldsReadable(principal, type.object, [parseSort(sort, type.sorts).field.permissionKey]);
}

const filterJson = (node: FilterNode | null) => sql`${node === null ? null : JSON.stringify(node)}::jsonb`;
const columnsJson = (columns: string[] | null | undefined) => sql`${columns ? JSON.stringify(columns) : null}::jsonb`;

/** A user's own views of one object; views are personal, nobody else's are ever listed. */
export async function listSavedViews(db: Db, principal: Principal, object: string): Promise<SavedView[]> {
  assertCanView(principal, object);
  const { rows } = await sql<SavedView>`
    select ${COLUMNS} from saved_views v
    where v.workspace_id = ${principal.workspaceId} and v.user_id = ${principal.userId} and v.object_type = ${object}
    order by v.name, v.id`.execute(db);
  return rows;
}

export async function createSavedView(db: Db, principal: Principal, type: RecordType, input: NewSavedView): Promise<SavedView> {
  assertCanView(principal, type.object);
  const name = viewName(input.name);
  const node = await checkedFilter(db, principal, type, input.filter);
  checkSort(principal, type, input.sort);
  const { rows } = await sql<SavedView>`
    insert into saved_views as v (workspace_id, user_id, object_type, name, filter, sort, columns)
    values (${principal.workspaceId}, ${principal.userId}, ${type.object}, ${name},
            ${filterJson(node)}, ${input.sort ?? null}, ${columnsJson(input.columns)})
    returning ${COLUMNS}`.execute(db);
  return rows[0]!;
}

/**
 * Renames a view or replaces its filter, sort or columns, checked as on create against the view's own
 * object. Someone else's view answers 404 like a missing one, so ids of other users' views leak nothing.
 */
export async function updateSavedView(db: Db, principal: Principal, types: readonly RecordType[], id: string, patch: SavedViewPatch): Promise<SavedView> {
  const mine = sql<boolean>`v.workspace_id = ${principal.workspaceId} and v.id = ${id} and v.user_id = ${principal.userId}`;
  const { rows: found } = await sql<{ object: string }>`select v.object_type as object from saved_views v where ${mine}`.execute(db);
  const object = found[0]?.object;
  const type = types.find((t) => t.object === object);
  if (!type) throw notFound('Saved view');
  assertCanView(principal, type.object);

  const assignments = [];
  if (patch.name !== undefined) assignments.push(sql`name = ${viewName(patch.name)}`);
  if (patch.filter !== undefined) assignments.push(sql`filter = ${filterJson(await checkedFilter(db, principal, type, patch.filter))}`);
  if (patch.sort !== undefined) {
    checkSort(principal, type, patch.sort);
    assignments.push(sql`sort = ${patch.sort}`);
  }
  if (patch.columns !== undefined) assignments.push(sql`columns = ${columnsJson(patch.columns)}`);

  // One statement: the view is changed whole or, if it was deleted meanwhile, not at all.
  const { rows } = assignments.length === 0
    ? await sql<SavedView>`select ${COLUMNS} from saved_views v where ${mine}`.execute(db)
    : await sql<SavedView>`update saved_views as v set ${sql.join(assignments)} where ${mine} returning ${COLUMNS}`.execute(db);
  if (!rows[0]) throw notFound('Saved view');
  return rows[0];
}

export async function deleteSavedView(db: Db, principal: Principal, id: string): Promise<void> {
  const { rows } = await sql`
    delete from saved_views where workspace_id = ${principal.workspaceId} and id = ${id} and user_id = ${principal.userId} returning id`.execute(db);
  if (!rows[0]) throw notFound('Saved view');
}
