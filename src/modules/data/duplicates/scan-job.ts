import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import type { JobContext, Jobs } from '../../../platform/jobs/jobs.ts';
import { DEDUPE_OBJECTS, type DedupeObject } from './dedupe-settings.ts';
import { assertMayReview } from './pair-json.ts';
import { scanDuplicates } from './scan-duplicates.ts';

export const SCAN_JOB_KIND = 'dedupe-scan';

/**
 * Starts a scan of the workspace's contacts or companies. A scan already queued or running for the same
 * object is returned instead of a second one: both would compute the same pairs.
 */
export async function startScan(db: Db, jobs: Jobs, principal: Principal, object: DedupeObject): Promise<{ job_id: string }> {
  assertMayReview(principal, object);
  return db.transaction().execute(async (tx) => {
    // one starter at a time per workspace and object, so two clicks cannot both find no running scan
    await sql`select pg_advisory_xact_lock(7120002, hashtext(${`${principal.workspaceId}:${object}`}))`.execute(tx);
    const { rows } = await sql<{ id: string }>`
      select id::text from job_runs
      where workspace_id = ${principal.workspaceId} and kind = ${SCAN_JOB_KIND} and status in ('queued', 'running') and payload->>'object' = ${object}
      order by id desc limit 1`.execute(tx);
    if (rows[0]) return { job_id: rows[0].id };
    const job_id = await jobs.enqueue(tx, { workspaceId: principal.workspaceId, userId: principal.userId, kind: SCAN_JOB_KIND, payload: { object } });
    return { job_id };
  });
}

/** The `dedupe-scan` job: workspace-wide (pairs are filtered by visibility when read, not when found). */
export function registerScanJob(jobs: Jobs, db: Db): void {
  jobs.register(SCAN_JOB_KIND, async (ctx: JobContext) => {
    const object = DEDUPE_OBJECTS.find((o) => o === ctx.payload.object);
    if (!object) throw new Error('malformed dedupe-scan payload');
    const result = await scanDuplicates(db, {
      workspaceId: ctx.workspaceId,
      object,
      jobId: ctx.jobId,
      cancelRequested: ctx.cancelRequested,
      onProgress: (done, total, phase) => ctx.progress(done, total, phase),
    });
    return result;
  });
}
