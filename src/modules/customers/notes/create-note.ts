import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { diffFields, recordAudit } from '../../../platform/audit/audit.ts';
import { notify } from '../../notifications/index.ts';
import { loadPrincipal } from '../../accounts/index.ts';
import { assertCustomersVisible, isCustomerVisible } from '../timeline/customer-access.ts';
import { mentionedUserIds } from './mentions.ts';
import { MAX_NOTE_LENGTH, NOTE_COLUMNS, NOTE_FROM, type NoteJson } from './note-json.ts';

export const NOTE_AUDIT_FIELDS = ['body', 'contact_id', 'company_id'] as const;

/** Body rules shared by create and update; length in characters as PostgreSQL counts them (code points). */
export function checkNoteBody(body: string): string {
  const text = body.normalize('NFC');
  if (text.trim() === '') throw new AppError('FIELD_REQUIRED', 'A note needs a body', { field: 'body' });
  const length = [...text].length;
  if (length > MAX_NOTE_LENGTH) throw new AppError('FIELD_TOO_LONG', `A note may have at most ${MAX_NOTE_LENGTH} characters`, { field: 'body', max: MAX_NOTE_LENGTH, length });
  return text;
}

export async function findNote(db: Db | Tx, workspaceId: string, id: string): Promise<NoteJson | undefined> {
  const { rows } = await sql<NoteJson>`select ${NOTE_COLUMNS} from ${NOTE_FROM} where n.workspace_id = ${workspaceId} and n.id = ${id} and n.deleted_at is null`.execute(db);
  return rows[0];
}

/**
 * Tells every user mentioned in the body, except the author and anyone who may not see the note's
 * customer (their role's data scope, or a share): a mention must not send someone to a record that answers
 * 404, nor tell them it exists. The dedupe key is per note, so editing a note notifies only the users it
 * newly mentions (and a user who gains access later is told at the next edit that mentions them).
 */
export async function notifyMentions(tx: Tx, principal: Principal, note: NoteJson): Promise<void> {
  const mentioned: string[] = [];
  for (const id of mentionedUserIds(note.body)) {
    if (id !== principal.userId && (await mayReadNote(tx, principal.workspaceId, id, note))) mentioned.push(id);
  }
  if (mentioned.length === 0) return;
  const link = note.contact_id ? `/contacts/${note.contact_id}` : `/companies/${note.company_id}`;
  await notify(tx, {
    workspaceId: principal.workspaceId,
    userIds: mentioned,
    kind: 'mention',
    title: `${note.author_name ?? 'Someone'} mentioned you in a note`,
    link,
    payload: { note_id: note.id, contact_id: note.contact_id, company_id: note.company_id, author_id: note.author_id },
    dedupeKey: `mention:note:${note.id}`,
  });
}

async function mayReadNote(tx: Tx, workspaceId: string, userId: string, note: NoteJson): Promise<boolean> {
  const reader = await loadPrincipal(tx, workspaceId, userId);
  if (!reader) return false;
  if (note.contact_id) return can(reader, 'contacts', 'view') && isCustomerVisible(tx, reader, 'contact', note.contact_id);
  return note.company_id !== null && can(reader, 'companies', 'view') && isCustomerVisible(tx, reader, 'company', note.company_id);
}

export async function createNote(db: Db, principal: Principal, input: { contact_id?: string; company_id?: string; body: string }): Promise<NoteJson> {
  const body = checkNoteBody(input.body);
  if (!input.contact_id && !input.company_id) {
    throw new AppError('FIELD_REQUIRED', 'A note belongs to a contact or a company', { field: 'contact_id' });
  }
  await assertCustomersVisible(db, principal, { contactId: input.contact_id, companyId: input.company_id });
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ id: string }>`
      insert into notes (workspace_id, contact_id, company_id, body, author_id)
      values (${principal.workspaceId}, ${input.contact_id ?? null}, ${input.company_id ?? null}, ${body}, ${principal.userId})
      returning id::text`.execute(tx);
    const id = rows[0]!.id;
    const note = (await findNote(tx, principal.workspaceId, id))!;
    await recordAudit(tx, {
      workspaceId: principal.workspaceId, objectType: 'notes', recordId: id, actorId: principal.userId, action: 'create',
      changes: diffFields(null, note, NOTE_AUDIT_FIELDS),
    });
    await notifyMentions(tx, principal, note);
    return note;
  });
}
