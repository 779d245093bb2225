import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { lockChangeableNote } from './lock-note.ts';

/** Soft delete: the note leaves lists and the timeline but stays restorable. */
export async function deleteNote(db: Db, principal: Principal, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await lockChangeableNote(tx, principal, id, 'delete');
    await sql`update notes set deleted_at = now(), updated_at = now() where workspace_id = ${principal.workspaceId} and id = ${id}`.execute(tx);
    await recordAudit(tx, { workspaceId: principal.workspaceId, objectType: 'notes', recordId: id, actorId: principal.userId, action: 'delete' });
  });
}
