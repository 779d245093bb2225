import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { checkNoteBody, findNote, notifyMentions, NOTE_AUDIT_FIELDS } from './create-note.ts';
import { lockChangeableNote } from './lock-note.ts';
import type { NoteJson } from './note-json.ts';

export async function updateNote(db: Db, principal: Principal, id: string, input: { body: string }): Promise<NoteJson> {
  const body = checkNoteBody(input.body);
  return db.transaction().execute(async (tx) => {
    const before = await lockChangeableNote(tx, principal, id, 'edit');
    await sql`update notes set body = ${body}, updated_at = now() where workspace_id = ${principal.workspaceId} and id = ${id}`.execute(tx);
    const after = (await findNote(tx, principal.workspaceId, id))!;
    const changes = diffFields(before, after, NOTE_AUDIT_FIELDS);
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, { workspaceId: principal.workspaceId, objectType: 'notes', recordId: id, actorId: principal.userId, action: 'update', changes });
    }
    await notifyMentions(tx, principal, after);
    return after;
  });
}
