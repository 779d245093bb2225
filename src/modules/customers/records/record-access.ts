import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { visibleOwnerIds, visibilityPredicate } from '../../accounts/index.ts';
import type { RecordType } from './record-type.ts';

/**
 * Locks a live record for a write and decides the error in the order a user understands it:
 * not visible (or another workspace) → 404, visible but only shared read-only → 403,
 * stale version → 409. Read and write visibility come from one query.
 */
export async function lockForWrite(tx: Tx, principal: Principal, type: RecordType, id: string, version?: number): Promise<{ version: number }> {
  const owners = await visibleOwnerIds(tx, principal, type.object);
  const { rows } = await sql<{ version: number; writable: boolean }>`
    select r.version, ${visibilityPredicate('r', type.object, principal, owners, 'write')} as writable
    from ${type.table} r
    where r.workspace_id = ${principal.workspaceId} and r.id = ${id} and r.deleted_at is null
      and ${visibilityPredicate('r', type.object, principal, owners, 'read')}
    for update of r`.execute(tx);
  const row = rows[0];
  if (!row) throw notFound(type.noun);
  if (!row.writable) throw new AppError('PERMISSION_DENIED', `This ${type.noun.toLowerCase()} is shared with you read-only`, { id });
  if (version !== undefined && row.version !== version) {
    throw new AppError('VERSION_CONFLICT', `The ${type.noun.toLowerCase()} was changed by someone else; reload and try again`, { id, current_version: row.version });
  }
  return { version: row.version };
}

/** 404 unless the live record is visible to the principal (the check other modules call before attaching to it). */
export async function assertVisible(db: Db | Tx, principal: Principal, type: RecordType, id: string): Promise<void> {
  if (!/^\d{1,18}$/.test(id)) throw notFound(type.noun);
  const owners = await visibleOwnerIds(db, principal, type.object);
  const { rows } = await sql<{ one: number }>`
    select 1 as one from ${type.table} r
    where r.workspace_id = ${principal.workspaceId} and r.id = ${id} and r.deleted_at is null
      and ${visibilityPredicate('r', type.object, principal, owners, 'read')}`.execute(db);
  if (!rows[0]) throw notFound(type.noun);
}
