import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { referencesTo, specialReference, type SpecialReference } from './foreign-keys.ts';
import type { MergeObject } from './merge-fields.ts';
import type { UndoConflict } from './plan-undo.ts';

/** Rows re-pointed per table: { orders: 3, notes: 1, record_collaborators: 2 }. */
export type Moved = Record<string, number>;

type Ids = { workspaceId: string; mergeId: string; survivorId: string; mergedId: string };

/** Shares are polymorphic (object_type, record_id), with no foreign key for the catalog to find. */
const SHARES = 'record_collaborators';

async function recordMove(tx: Tx, ids: Ids, table: string, column: string, keyColumn: string, rowIds: string[]): Promise<void> {
  await sql`insert into merge_moves (workspace_id, merge_id, table_name, column_name, key_column, row_ids)
            values (${ids.workspaceId}, ${ids.mergeId}, ${table}, ${column}, ${keyColumn}, ${rowIds}::bigint[])`.execute(tx);
}

function recomputes(refs: readonly { special: SpecialReference | undefined }[]) {
  return refs.flatMap(({ special }) => (special?.handling === 'recompute' ? [special] : []));
}

/**
 * Moves everything that references the merged record onto the survivor, and records each moved row's
 * key for undo. References come from the catalog (referencesTo); per-record state the registry knows is
 * recomputed after the moves; per-record state it does not know stays with the merged record (re-pointing
 * could collide with the survivor's own row, and left where it is nothing is lost). Shares (协作人) are
 * united: the merged record's collaborators are added to the survivor unless already there.
 */
export async function moveReferences(tx: Tx, object: MergeObject, ids: Ids): Promise<Moved> {
  const refs = (await referencesTo(tx, object)).map((ref) => ({ ref, special: specialReference(ref) }));
  const moved: Moved = {};
  for (const { ref, special } of refs) {
    if (special || ref.perRecord || ref.keyColumn === null || !ref.hasWorkspace) continue;
    const column = sql.ref(ref.column);
    const { rows } = await sql<{ key: string }>`
      update ${sql.table(ref.table)} set ${column} = ${ids.survivorId}
      where workspace_id = ${ids.workspaceId} and ${column} = ${ids.mergedId}
      returning ${sql.ref(ref.keyColumn)}::text as key`.execute(tx);
    if (rows.length === 0) continue;
    await recordMove(tx, ids, ref.table, ref.column, ref.keyColumn, rows.map((r) => r.key));
    moved[ref.table] = (moved[ref.table] ?? 0) + rows.length;
  }

  const { rows: shares } = await sql<{ user_id: string }>`
    insert into record_collaborators (workspace_id, object_type, record_id, user_id, access, expires_at, created_by, created_at)
    select m.workspace_id, m.object_type, ${ids.survivorId}, m.user_id, m.access, m.expires_at, m.created_by, m.created_at
    from record_collaborators m
    where m.workspace_id = ${ids.workspaceId} and m.object_type = ${object} and m.record_id = ${ids.mergedId}
    on conflict (workspace_id, object_type, record_id, user_id) do nothing
    returning user_id::text`.execute(tx);
  if (shares.length > 0) {
    await recordMove(tx, ids, SHARES, 'record_id', 'user_id', shares.map((s) => s.user_id));
    moved[SHARES] = shares.length;
  }

  for (const special of recomputes(refs)) {
    await special.recompute(tx, ids.workspaceId, ids.survivorId);
    await special.recompute(tx, ids.workspaceId, ids.mergedId);
  }
  return moved;
}

type MoveRow = { table_name: string; column_name: string; key_column: string; row_ids: string[]; present: boolean };

/**
 * Undo of moveReferences: moves back exactly the recorded rows that still point at the survivor, and
 * removes the shares the merge added. Rows moved elsewhere (or removed) since are left as they are and
 * reported, never silently pulled back.
 */
export async function moveBack(tx: Tx, object: MergeObject, ids: Ids): Promise<UndoConflict[]> {
  const { rows: moves } = await sql<MoveRow>`
    select m.table_name, m.column_name, m.key_column, m.row_ids::text[] as row_ids,
           exists (select 1 from pg_attribute a where a.attrelid = to_regclass(m.table_name) and a.attname = m.column_name and not a.attisdropped)
             and exists (select 1 from pg_attribute a where a.attrelid = to_regclass(m.table_name) and a.attname = m.key_column and not a.attisdropped) as present
    from merge_moves m
    where m.workspace_id = ${ids.workspaceId} and m.merge_id = ${ids.mergeId}
    order by m.table_name, m.column_name`.execute(tx);
  const conflicts: UndoConflict[] = [];
  for (const move of moves) {
    const field = `${move.table_name}.${move.column_name}`;
    if (move.table_name === SHARES) {
      await sql`delete from record_collaborators
                where workspace_id = ${ids.workspaceId} and object_type = ${object} and record_id = ${ids.survivorId}
                  and user_id = any(${move.row_ids}::bigint[])`.execute(tx);
      continue;
    }
    if (!move.present) {
      conflicts.push({ field, reason: 'the table or column no longer exists; nothing moved back' });
      continue;
    }
    const column = sql.ref(move.column_name);
    const { rows } = await sql<{ key: string }>`
      update ${sql.table(move.table_name)} set ${column} = ${ids.mergedId}
      where workspace_id = ${ids.workspaceId} and ${column} = ${ids.survivorId} and ${sql.ref(move.key_column)} = any(${move.row_ids}::bigint[])
      returning ${sql.ref(move.key_column)}::text as key`.execute(tx);
    const left = move.row_ids.length - rows.length;
    if (left > 0) {
      conflicts.push({ field, reason: `${left} of ${move.row_ids.length} rows no longer point at the survivor (moved or removed after the merge); left as they are` });
    }
  }
  const refs = (await referencesTo(tx, object)).map((ref) => ({ special: specialReference(ref) }));
  for (const special of recomputes(refs)) {
    await special.recompute(tx, ids.workspaceId, ids.survivorId);
    await special.recompute(tx, ids.workspaceId, ids.mergedId);
  }
  return conflicts;
}
