import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import type { QualityObject } from './quality-fields.ts';

/**
 * The caller's visible records as a predicate on `alias`: owner within the data scope, or shared with
 * them (an unexpired collaborator row). Same rule as accounts' visibilityPredicate, but the shares are
 * read once into an id list: a measurement tests every record of a scope, and a per-row `exists` probe
 * of record_collaborators made a scope of 970,000 contacts take 10 s instead of 6.7 s (measured, 2 cores).
 */
export async function visibleRecords(db: Db, principal: Principal, object: QualityObject, owners: string[]) {
  const { rows } = await sql<{ ids: string[] | null }>`
    select array_agg(rc.record_id::text) as ids from record_collaborators rc
    where rc.workspace_id = ${principal.workspaceId} and rc.user_id = ${principal.userId} and rc.object_type = ${object}
      and (rc.expires_at is null or rc.expires_at > now())`.execute(db);
  const shared = rows[0]?.ids ?? [];
  return (alias: string): RawBuilder<boolean> =>
    sql<boolean>`(${sql.ref(`${alias}.owner_id`)} = any(${owners}::bigint[]) or ${sql.ref(`${alias}.id`)} = any(${shared}::bigint[]))`;
}
