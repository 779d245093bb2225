import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { lockForWrite } from './record-access.ts';
import type { RecordType } from './record-type.ts';

/** Moves a record to the trash (soft delete): restorable for 30 days, invisible to every list meanwhile. */
export async function deleteRecord(db: Db, principal: Principal, type: RecordType, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await lockForWrite(tx, principal, type, id);
    const { rows } = await sql<{ deleted_at: string }>`
      update ${type.table} set deleted_at = now(), version = version + 1, updated_at = now()
      where workspace_id = ${principal.workspaceId} and id = ${id}
      returning to_json(deleted_at)#>>'{}' as deleted_at`.execute(tx);
    await recordAudit(tx, {
      workspaceId: principal.workspaceId,
      objectType: type.object,
      recordId: id,
      actorId: principal.userId,
      action: 'delete',
      changes: { deleted_at: [null, rows[0]!.deleted_at] },
    });
  });
}
