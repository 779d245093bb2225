import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { visibilityPredicate } from '../../accounts/index.ts';
import type { QualityObject } from './quality-fields.ts';

/**
 * Open duplicate pairs whose two records are both live and visible to the caller — the same pairs the
 * duplicates queue shows them. `principal` null counts the whole workspace (snapshots).
 */
export async function countOpenDuplicates(
  db: Db,
  workspaceId: string,
  object: QualityObject,
  scope: { principal: Principal; owners: string[] | null } | null,
): Promise<number> {
  const table = sql.table(object);
  // duplicate_pairs names the object in the singular (migration 0120)
  const pairType = object === 'contacts' ? 'contact' : 'company';
  const visible = (alias: string) =>
    scope === null ? sql<boolean>`true` : visibilityPredicate(alias, object, scope.principal, scope.owners);
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n
    from duplicate_pairs p
    join ${table} a on a.workspace_id = p.workspace_id and a.id = p.a_id and a.deleted_at is null
    join ${table} b on b.workspace_id = p.workspace_id and b.id = p.b_id and b.deleted_at is null
    where p.workspace_id = ${workspaceId} and p.object_type = ${pairType} and p.status = 'open'
      and ${visible('a')} and ${visible('b')}`.execute(db);
  return rows[0]?.n ?? 0;
}
