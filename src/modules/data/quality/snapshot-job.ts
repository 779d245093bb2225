import type { Db } from '../../../platform/db/database.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { QUALITY_OBJECTS, type QualityObject } from './quality-fields.ts';
import { takeSnapshot } from './take-snapshot.ts';

export const SNAPSHOT_JOB_KIND = 'data-quality-snapshot';

/**
 * Today's workspace-wide snapshot of one object (or of both), for a trend that does not depend on
 * someone opening the page every day: a scheduler or an administrator's script starts it through the API.
 */
export function registerSnapshotJob(jobs: Jobs, db: Db): void {
  jobs.register(SNAPSHOT_JOB_KIND, async (ctx) => {
    const requested = QUALITY_OBJECTS.find((o) => o === ctx.payload['object']);
    const objects: readonly QualityObject[] = requested ? [requested] : QUALITY_OBJECTS;
    const result: Record<string, unknown> = {};
    await ctx.progress(0, objects.length);
    for (const [i, object] of objects.entries()) {
      result[object] = await takeSnapshot(db, ctx.workspaceId, object);
      await ctx.progress(i + 1);
    }
    return result;
  });
}

export async function startSnapshotJob(db: Db, jobs: Jobs, workspaceId: string, userId: string, object: QualityObject | null): Promise<{ job_id: string }> {
  const job_id = await db.transaction().execute((tx) =>
    jobs.enqueue(tx, { workspaceId, userId, kind: SNAPSHOT_JOB_KIND, payload: { object }, total: object ? 1 : QUALITY_OBJECTS.length }));
  return { job_id };
}
