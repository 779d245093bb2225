import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordStore, type StoredValues } from '../../customers/index.ts';
import { reopenPairs, type ClosedPair } from './duplicate-pairs.ts';
import { mergeFields, MERGE_OBJECTS, type MergeObject } from './merge-fields.ts';
import { moveBack } from './move-references.ts';
import { planUndo, type UndoConflict } from './plan-undo.ts';
import { selectMerge } from './list-merges.ts';
import type { MergeJson } from './merge.schemas.ts';

type MergeRow = {
  object_type: string;
  survivor_id: string;
  merged_id: string;
  survivor_before: StoredValues;
  survivor_after: StoredValues;
  closed_pairs: ClosedPair[];
  undone: boolean;
};

/** Why an undo cannot run as things stand: the survivor was deleted, or merged into yet another record (undo that first). */
async function assertSurvivorLive(tx: Tx, object: MergeObject, workspaceId: string, survivorId: string): Promise<void> {
  const { rows } = await sql<{ deleted: boolean; merged_into_id: string | null }>`
    select deleted_at is not null as deleted, merged_into_id::text from ${sql.table(object)}
    where workspace_id = ${workspaceId} and id = ${survivorId}`.execute(tx);
  const row = rows[0];
  if (row?.merged_into_id) {
    throw new AppError('MERGE_UNDO_BLOCKED', 'The surviving record was merged again since; undo that merge first', { survivor_id: survivorId, merged_into_id: row.merged_into_id });
  }
  if (row?.deleted) throw new AppError('MERGE_UNDO_BLOCKED', 'The surviving record was deleted since; restore it first', { survivor_id: survivorId });
}

/**
 * `POST /merges/:id/undo`, one transaction: the recorded rows still on the survivor move back, the shares
 * the merge added go, the survivor's fields return to their values before the merge — except fields
 * edited since, which are kept and reported as conflicts — the merged record comes back, aggregates are
 * recomputed, the aliases are dropped and the duplicate pairs reopened. Both records get an audit row.
 */
export async function undoMerge(db: Db, principal: Principal, mergeId: string): Promise<{ merge: MergeJson; conflicts: UndoConflict[] }> {
  const ws = principal.workspaceId;
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<MergeRow>`
      select object_type, survivor_id::text, merged_id::text, survivor_before, survivor_after, closed_pairs, undone_at is not null as undone
      from merges where workspace_id = ${ws} and id = ${mergeId}
      for update`.execute(tx);
    const row = rows[0];
    const object = MERGE_OBJECTS.find((o) => o === row?.object_type);
    if (!row || !object) throw notFound('Merge');
    if (!can(principal, object, 'edit')) throw new AppError('PERMISSION_DENIED', `Your role may not edit ${object}`, { object, action: 'edit' });
    if (row.undone) throw new AppError('MERGE_ALREADY_UNDONE', 'This merge has already been undone', { merge_id: mergeId });
    const { survivor_id: survivorId, merged_id: mergedId } = row;
    const store = recordStore(object);

    await assertSurvivorLive(tx, object, ws, survivorId);
    for (const id of [survivorId, mergedId].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))) {
      if (id === survivorId) await store.lock(tx, principal, survivorId);
      else if (!(await store.lockRetired(tx, principal, mergedId, survivorId))) throw notFound(store.noun);
    }

    const ids = { workspaceId: ws, mergeId, survivorId, mergedId };
    const moveConflicts = await moveBack(tx, object, ids);
    const current = await store.load(tx, ws, survivorId);
    const { patch, conflicts } = planUndo(mergeFields(object), row.survivor_before, row.survivor_after, current);
    await store.patch(tx, principal, survivorId, patch, { action: 'unmerge', extra: { merged_from: [mergedId, null] } });
    await store.revive(tx, principal, mergedId);
    await sql`delete from record_aliases where workspace_id = ${ws} and merge_id = ${mergeId}`.execute(tx);
    await reopenPairs(tx, ws, row.closed_pairs);
    const all = [...conflicts, ...moveConflicts];
    await sql`update merges set undone_at = now(), undone_by = ${principal.userId}, undo_conflicts = ${JSON.stringify(all)}::jsonb
              where workspace_id = ${ws} and id = ${mergeId}`.execute(tx);
    return { merge: await selectMerge(tx, principal, object, mergeId), conflicts: all };
  });
}
