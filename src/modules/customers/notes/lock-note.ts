import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { can, type Action, type Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { relatedCustomerVisibleSql } from '../timeline/customer-access.ts';
import { findNote } from './create-note.ts';
import type { NoteJson } from './note-json.ts';

/**
 * The note, locked, if the caller may see it (its contact or company is visible) — otherwise 404 —
 * and may change it: its author always may, anyone else needs the role's `action` on notes.
 */
export async function lockChangeableNote(tx: Tx, principal: Principal, id: string, action: Action): Promise<NoteJson> {
  const visible = await relatedCustomerVisibleSql(tx, principal, 'n');
  const { rows } = await sql<{ author_id: string | null }>`
    select n.author_id::text from notes n
    where n.workspace_id = ${principal.workspaceId} and n.id = ${id} and n.deleted_at is null and ${visible}
    for update`.execute(tx);
  const row = rows[0];
  if (!row) throw notFound('Note');
  if (row.author_id !== principal.userId && !can(principal, 'notes', action)) {
    throw new AppError('PERMISSION_DENIED', `Only the author or a role that may ${action} notes can do this`, { object: 'notes', action });
  }
  return (await findNote(tx, principal.workspaceId, id))!;
}

