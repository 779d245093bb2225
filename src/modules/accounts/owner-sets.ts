import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { OwnerSets } from '../../platform/http/access.ts';

/**
 * Select-list columns computing, for the user `u` with role `r`, the owners each narrower data scope
 * covers — only for the scopes the role actually uses (a CASE evaluates its subquery only when taken).
 * Added to the authentication statement, they make scoped reads cost no extra query.
 */
export const OWNER_SETS_SQL = sql`
  case when r.permissions::text like '%"subordinates"%' then (
    with recursive team(id) as (
      select u.id
      union
      select x.id from users x join team t on x.manager_id = t.id where x.workspace_id = u.workspace_id
    ) select array_agg(id::text) from team) end as subordinates,
  case when r.permissions::text like '%"department"%' then
    array(select x.id::text from users x where x.workspace_id = u.workspace_id and x.department_id = u.department_id) end as department,
  case when r.permissions::text like '%"department_tree"%' then (
    with recursive tree(id) as (
      select u.department_id
      union
      select d.id from departments d join tree t on d.parent_id = t.id where d.workspace_id = u.workspace_id
    ) select array_agg(x.id::text) from users x where x.workspace_id = u.workspace_id and x.department_id in (select id from tree)) end as department_tree`;

type OwnerSetsRow = { subordinates: string[] | null; department: string[] | null; department_tree: string[] | null };

/** The row's owner-set columns as a principal's `ownerSets` (absent scopes stay absent). */
export function ownerSetsOf(row: OwnerSetsRow): OwnerSets {
  const sets: OwnerSets = {};
  if (row.subordinates) sets.subordinates = row.subordinates;
  if (row.department) sets.department = row.department;
  if (row.department_tree) sets.department_tree = row.department_tree;
  return sets;
}

/** The same sets for a principal that was not built by the authenticator. */
export async function loadOwnerSets(db: Db | Tx, workspaceId: string, userId: string): Promise<OwnerSets> {
  const { rows } = await sql<OwnerSetsRow>`
    select ${OWNER_SETS_SQL}
    from users u join roles r on r.workspace_id = u.workspace_id and r.id = u.role_id
    where u.workspace_id = ${workspaceId} and u.id = ${userId}`.execute(db);
  return rows[0] ? ownerSetsOf(rows[0]) : {};
}
