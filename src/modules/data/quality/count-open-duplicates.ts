import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { QualityObject } from './quality-fields.ts';

/**
 * Open duplicate pairs whose two records are both live and visible to the caller — the same pairs the
 * duplicates queue shows them. `visible` null counts the whole workspace (snapshots).
 */
export async function countOpenDuplicates(
  db: Db,
  workspaceId: string,
  object: QualityObject,
  visible: ((alias: string) => RawBuilder<boolean>) | null,
): Promise<number> {
  const table = sql.table(object);
  // duplicate_pairs names the object in the singular (migration 0120)
  const pairType = object === 'contacts' ? 'contact' : 'company';
  const seen = (alias: string) => (visible === null ? sql<boolean>`true` : visible(alias));
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n
    from duplicate_pairs p
    join ${table} a on a.workspace_id = p.workspace_id and a.id = p.a_id and a.deleted_at is null
    join ${table} b on b.workspace_id = p.workspace_id and b.id = p.b_id and b.deleted_at is null
    where p.workspace_id = ${workspaceId} and p.object_type = ${pairType} and p.status = 'open'
      and ${seen('a')} and ${seen('b')}`.execute(db);
  return rows[0]?.n ?? 0;
}
