import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/access.ts';
import { loadOwnerSets } from './owner-sets.ts';

/**
 * The owners whose records a principal may see for one object, from the role's data scope
 * (本人 / 本人及下属 / 本部门 / 本部门及下属 / 全部). `null` means no restriction (全部).
 * The sets come with the principal (computed while authenticating); a principal built elsewhere
 * (a job, the CLI) gets them from the same SQL (owner-sets.ts). The result becomes
 * `owner_id = any($ids)`, a predicate the planner serves from the (workspace_id, owner_id, …) index.
 */
export async function visibleOwnerIds(db: Db | Tx, principal: Principal, object: string): Promise<string[] | null> {
  const scope = principal.permissions.objects[object]?.scope ?? 'own';
  const me = principal.userId;
  if (scope === 'all') return null;
  if (scope === 'own') return [me];
  const sets = principal.ownerSets ?? (await loadOwnerSets(db, principal.workspaceId, me));
  return unique([me, ...(sets[scope] ?? [])]);
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

/**
 * SQL predicate: the row `alias` (with columns workspace_id, id, owner_id) is visible to the principal —
 * its owner is within the data scope, or the record is shared with the principal (协作人) and the share
 * has not expired. `access = 'write'` demands a read-write share.
 *
 * The shares are one uncorrelated subquery (run once per statement, from record_collaborators_user_idx)
 * so that both arms of the OR are index conditions: the planner can OR the owner index with the primary
 * key as bitmaps and AND the result with a filter's indexes. A correlated EXISTS made the whole OR a
 * per-row filter, and a scoped list then had to intersect the filter's largest bitmaps without it.
 */
export function visibilityPredicate(
  alias: string,
  objectType: string,
  principal: Principal,
  ownerIds: string[] | null,
  access: 'read' | 'write' = 'read',
): RawBuilder<boolean> {
  if (ownerIds === null) return sql<boolean>`true`;
  return sql<boolean>`(${sql.ref(`${alias}.owner_id`)} = any(${ownerIds}::bigint[]) or ${sql.ref(`${alias}.id`)} = any(array(${sharedIdsSql(principal, objectType, access)})))`;
}

/**
 * Ids of the records of `objectType` shared with the principal (协作人) and not expired — read-write shares
 * only with `access = 'write'` — as a subquery on record_collaborators_user_idx, to feed `= any(array(…))`.
 */
export function sharedIdsSql(principal: Principal, objectType: string, access: 'read' | 'write' = 'read'): RawBuilder<unknown> {
  return sql`select rc.record_id from record_collaborators rc
    where rc.workspace_id = ${principal.workspaceId} and rc.user_id = ${principal.userId} and rc.object_type = ${objectType}
      and (rc.expires_at is null or rc.expires_at > now()) ${access === 'write' ? sql`and rc.access = 'write'` : sql``}`;
}

/** Convenience: the predicate for a principal, computing the owner set. */
export async function visibilityFor(
  db: Db | Tx,
  principal: Principal,
  object: string,
  alias: string,
  access: 'read' | 'write' = 'read',
): Promise<RawBuilder<boolean>> {
  const ids = await visibleOwnerIds(db, principal, object);
  return visibilityPredicate(alias, object, principal, ids, access);
}
