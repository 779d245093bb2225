import { sql } from 'kysely';
import { Type, type Static } from 'typebox';

export const NoteSchema = Type.Object({
  id: Type.String(),
  contact_id: Type.Union([Type.String(), Type.Null()]),
  company_id: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  author_id: Type.Union([Type.String(), Type.Null()]),
  author_name: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type NoteJson = Static<typeof NoteSchema>;

/** The select list of a note; expects `notes n` and `users a` (the author) in the from clause. */
export const NOTE_COLUMNS = sql`n.id::text, n.contact_id::text, n.company_id::text, n.body, n.author_id::text, a.name as author_name,
  to_json(n.created_at)#>>'{}' as created_at, to_json(n.updated_at)#>>'{}' as updated_at`;

export const NOTE_FROM = sql`notes n left join users a on a.workspace_id = n.workspace_id and a.id = n.author_id`;

export const MAX_NOTE_LENGTH = 10_000;
