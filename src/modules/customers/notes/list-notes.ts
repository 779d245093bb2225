import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { COUNT_CAP, encodeCursor, pageSize, type Page } from '../../../platform/http/pagination.ts';
import { assertCustomersVisible } from '../timeline/customer-access.ts';
import { decodeTimeCursor } from '../timeline/keyset.ts';
import { NOTE_COLUMNS, NOTE_FROM, type NoteJson } from './note-json.ts';

/** Notes of one contact or company, newest first; the record must be visible to the caller. */
export async function listNotes(
  db: Db,
  principal: Principal,
  query: { contact_id?: string; company_id?: string; limit?: number; cursor?: string },
): Promise<Required<Page<NoteJson>>> {
  if (!query.contact_id && !query.company_id) {
    throw new AppError('FIELD_REQUIRED', 'List the notes of a contact_id or a company_id', { field: 'contact_id' });
  }
  const limit = pageSize(query.limit);
  const cursor = decodeTimeCursor(query.cursor);
  await assertCustomersVisible(db, principal, { contactId: query.contact_id, companyId: query.company_id });
  const where = sql`n.workspace_id = ${principal.workspaceId} and n.deleted_at is null
    ${query.contact_id ? sql`and n.contact_id = ${query.contact_id}` : sql``}
    ${query.company_id ? sql`and n.company_id = ${query.company_id}` : sql``}`;
  const { rows } = await sql<NoteJson>`
    select ${NOTE_COLUMNS} from ${NOTE_FROM}
    where ${where} ${cursor ? sql`and (n.created_at, n.id) < (${cursor.at}::timestamptz, ${cursor.id}::bigint)` : sql``}
    order by n.created_at desc, n.id desc limit ${limit + 1}`.execute(db);
  const { rows: counted } = await sql<{ n: number }>`
    select count(*)::int as n from (select 1 from notes n where ${where} limit ${COUNT_CAP + 1}) x`.execute(db);
  const total = counted[0]?.n ?? 0;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page,
    next_cursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
    total: Math.min(total, COUNT_CAP),
    total_capped: total > COUNT_CAP,
  };
}
