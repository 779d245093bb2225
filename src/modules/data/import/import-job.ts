import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError, ERROR_CODES, type ErrorCode } from '../../../platform/http/errors.ts';
import type { JobHandler, Jobs } from '../../../platform/jobs/jobs.ts';
import { loadPrincipal } from '../../accounts/index.ts';
import { batchJson } from './import-batches.ts';
import { runImport } from './run-import.ts';
import { checkUndoable, undoImport } from './undo-import.ts';

export const IMPORT_JOB_KIND = 'import';
export const UNDO_IMPORT_JOB_KIND = 'import-undo';

function batchIdOf(payload: Record<string, unknown>): string {
  const id = payload.batch_id;
  if (typeof id !== 'string' || !/^\d+$/.test(id)) throw new Error('malformed import payload');
  return id;
}

/** The `import` job: runs the engine; a retry after a crash resumes from the batch's checkpoint. */
function importJobHandler(db: Db): JobHandler {
  return async (ctx) => {
    const batch = await runImport(db, ctx.workspaceId, batchIdOf(ctx.payload), {
      onProgress: (done, total) => ctx.progress(done, total),
      cancelRequested: ctx.cancelRequested,
    });
    // the job fails with the batch's own code (FIELD_READ_ONLY, IMPORT_ROWS_FAILED, PERMISSION_DENIED …)
    if (batch.status === 'failed' && batch.error) {
      const code = Object.hasOwn(ERROR_CODES, batch.error.code) ? (batch.error.code as ErrorCode) : 'IMPORT_ROWS_FAILED';
      throw new AppError(code, batch.error.message, batch.error.details);
    }
    return batchJson(batch);
  };
}

function undoJobHandler(db: Db): JobHandler {
  return async (ctx) => {
    const principal = ctx.userId ? await loadPrincipal(db, ctx.workspaceId, ctx.userId) : null;
    if (!principal) throw new AppError('PERMISSION_DENIED', 'The user who asked for this undo is no longer active');
    return undoImport(db, principal, batchIdOf(ctx.payload));
  };
}

export function registerImportJobs(jobs: Jobs, db: Db): void {
  jobs.register(IMPORT_JOB_KIND, importJobHandler(db));
  jobs.register(UNDO_IMPORT_JOB_KIND, undoJobHandler(db));
}

/** Queues the run of a recorded batch, and notes the job on the batch, in one transaction. */
export async function enqueueImport(db: Db, jobs: Jobs, principal: Principal, batchId: string): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const jobId = await jobs.enqueue(tx, { workspaceId: principal.workspaceId, userId: principal.userId, kind: IMPORT_JOB_KIND, payload: { batch_id: batchId } });
    await sql`update import_batches set job_id = ${jobId} where workspace_id = ${principal.workspaceId} and id = ${batchId}`.execute(tx);
    return jobId;
  });
}

export async function enqueueUndo(db: Db, jobs: Jobs, principal: Principal, batchId: string): Promise<string> {
  await checkUndoable(db, principal, batchId);
  return db.transaction().execute(async (tx) => {
    const jobId = await jobs.enqueue(tx, { workspaceId: principal.workspaceId, userId: principal.userId, kind: UNDO_IMPORT_JOB_KIND, payload: { batch_id: batchId } });
    await sql`update import_batches set undo_job_id = ${jobId} where workspace_id = ${principal.workspaceId} and id = ${batchId}`.execute(tx);
    return jobId;
  });
}
