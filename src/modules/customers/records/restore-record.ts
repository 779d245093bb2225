import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { visibilityFor } from '../../accounts/index.ts';
import type { RecordType } from './record-type.ts';

/** How long the trash keeps a record restorable. */
export const TRASH_DAYS = 30;

/** Brings a record back from the trash; past 30 days (or not writable by the caller) it is NOT_FOUND. */
export async function restoreRecord(db: Db, principal: Principal, type: RecordType, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const writable = await visibilityFor(tx, principal, type.object, 'r', 'write');
    const { rows } = await sql<{ deleted_at: string }>`
      update ${type.table} r set deleted_at = null, version = r.version + 1, updated_at = now()
      from (select id, deleted_at from ${type.table} r
            where r.workspace_id = ${principal.workspaceId} and r.id = ${id} and r.deleted_at is not null
              and r.deleted_at > now() - make_interval(days => ${TRASH_DAYS}) and ${writable} and r.merged_into_id is null
            for update of r) old
      where r.workspace_id = ${principal.workspaceId} and r.id = old.id
      returning to_json(old.deleted_at)#>>'{}' as deleted_at`.execute(tx);
    if (!rows[0]) {
      // a merged record comes back only by undoing its merge, which also moves its orders, notes … back
      const merged = await sql<{ merged_into_id: string }>`
        select r.merged_into_id::text from ${type.table} r
        where r.workspace_id = ${principal.workspaceId} and r.id = ${id} and r.merged_into_id is not null and ${writable}`.execute(tx);
      if (merged.rows[0]) {
        throw new AppError('RECORD_MERGED', `This ${type.noun.toLowerCase()} was merged into another; undo the merge to bring it back`, {
          id,
          merged_into_id: merged.rows[0].merged_into_id,
        });
      }
      throw notFound(type.noun);
    }
    await recordAudit(tx, {
      workspaceId: principal.workspaceId,
      objectType: type.object,
      recordId: id,
      actorId: principal.userId,
      action: 'restore',
      changes: { deleted_at: [rows[0].deleted_at, null] },
    });
  });
}
