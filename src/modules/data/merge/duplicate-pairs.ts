import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import type { MergeObject } from './merge-fields.ts';

/** duplicate_pairs names objects in the singular (migration 0120). */
export const PAIR_OBJECT = { contacts: 'contact', companies: 'company' } as const;

export type ClosedPair = { id: string; status: string; decided_by: string | null; decided_at: string | null };

/**
 * After a merge: the pair of the two records is decided ('merged'), and every other open pair involving
 * the merged record is closed too — that record is gone, and its similarity to a third record now lives
 * in the survivor, which the next scan compares afresh. Returns what each pair was, for undo.
 */
export async function closePairs(tx: Tx, object: MergeObject, ids: { workspaceId: string; survivorId: string; mergedId: string; actorId: string | null }): Promise<ClosedPair[]> {
  const { rows } = await sql<ClosedPair>`
    update duplicate_pairs p set status = 'merged', decided_by = ${ids.actorId}, decided_at = now()
    from (select id, status, decided_by, decided_at from duplicate_pairs
          where workspace_id = ${ids.workspaceId} and object_type = ${PAIR_OBJECT[object]} and status <> 'merged'
            and (a_id = ${ids.mergedId} or b_id = ${ids.mergedId})
            and (status = 'open' or a_id = ${ids.survivorId} or b_id = ${ids.survivorId})
          order by id
          for update) old
    where p.workspace_id = ${ids.workspaceId} and p.id = old.id
    returning old.id::text, old.status, old.decided_by::text, to_json(old.decided_at)#>>'{}' as decided_at`.execute(tx);
  return rows;
}

/** Undo of closePairs: each pair the merge closed gets back the status it had, unless it was decided again since. */
export async function reopenPairs(tx: Tx, workspaceId: string, closed: readonly ClosedPair[]): Promise<void> {
  if (closed.length === 0) return;
  await sql`
    update duplicate_pairs p set status = c.status, decided_by = c.decided_by, decided_at = c.decided_at
    from jsonb_to_recordset(${JSON.stringify(closed)}::jsonb) as c(id bigint, status text, decided_by bigint, decided_at timestamptz)
    where p.workspace_id = ${workspaceId} and p.id = c.id and p.status = 'merged'`.execute(tx);
}
