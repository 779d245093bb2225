import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { visibleOwnerIds } from '../../accounts/index.ts';
import { cappedCount } from '../filter/count.ts';

const TABLE = { contact: sql`contacts`, company: sql`companies` } as const;
const OBJECT = { contact: 'contacts', company: 'companies' } as const;

/**
 * Live customers of one type the principal sees, exact up to COUNT_CAP. Owned-within-scope and
 * shared-but-owned-elsewhere are disjoint, so their concatenation can be counted under one LIMIT and
 * stop at the cap — a UNION that removes duplicates would first read all of a department's 50,000.
 */
export async function countCustomers(db: Db, principal: Principal, type: 'contact' | 'company'): Promise<{ total: number; total_capped: boolean }> {
  const ws = principal.workspaceId;
  const table = TABLE[type];
  const owners = await visibleOwnerIds(db, principal, OBJECT[type]);
  if (owners === null) return cappedCount(db, sql`from ${table} r where r.workspace_id = ${ws} and r.deleted_at is null`);
  const { rows } = await sql<{ ids: string[] | null }>`
    select array_agg(rc.record_id::text) as ids from record_collaborators rc
    where rc.workspace_id = ${ws} and rc.user_id = ${principal.userId} and rc.object_type = ${OBJECT[type]}
      and (rc.expires_at is null or rc.expires_at > now())`.execute(db);
  const shared = rows[0]?.ids ?? [];
  return cappedCount(db, sql`from (
    select 1 from ${table} r where r.workspace_id = ${ws} and r.owner_id = any(${owners}::bigint[]) and r.deleted_at is null
    union all
    select 1 from ${table} r where r.workspace_id = ${ws} and r.id = any(${shared}::bigint[]) and r.deleted_at is null
      and not coalesce(r.owner_id = any(${owners}::bigint[]), false)) v`);
}
