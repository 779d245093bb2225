import { sql } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { DuplicatePairJson } from './duplicate-schemas.ts';
import { loadPair } from './get-duplicate.ts';
import { pairJson } from './pair-json.ts';

/**
 * "Not a duplicate": the pair is kept as dismissed, so that no later scan proposes it again (scans skip
 * decided pairs). Dismissing twice is harmless; a merged pair is undone through its merge instead.
 */
export async function dismissDuplicate(db: Db, principal: Principal, id: string): Promise<DuplicatePairJson> {
  return db.transaction().execute(async (tx) => {
    const { object } = await loadPair(tx, principal, id);
    const { rows } = await sql<{ status: string }>`
      select status from duplicate_pairs where workspace_id = ${principal.workspaceId} and id = ${id} for update`.execute(tx);
    const status = rows[0]?.status;
    if (status === 'merged') {
      throw new AppError('BUSINESS_RULE_VIOLATED', 'These records were merged; undo the merge to separate them', { id, status });
    }
    if (status === 'open') {
      await sql`update duplicate_pairs set status = 'dismissed', decided_by = ${principal.userId}, decided_at = now()
                where workspace_id = ${principal.workspaceId} and id = ${id}`.execute(tx);
      await recordAudit(tx, {
        workspaceId: principal.workspaceId, objectType: 'duplicate_pairs', recordId: id, actorId: principal.userId, action: 'dismiss',
        changes: { status: ['open', 'dismissed'] },
      });
    }
    return pairJson(principal, object, (await loadPair(tx, principal, id)).row);
  });
}
