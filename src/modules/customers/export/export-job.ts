import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { JobCancelled, type JobContext, type JobHandler, type Jobs } from '../../../platform/jobs/jobs.ts';
import { loadPrincipal } from '../../accounts/index.ts';
import { assertFitsFormat, exportRecords, planExport } from './export-records.ts';
import { EXPORT_FORMATS, EXPORT_OBJECTS, type ExportFormat, type ExportObject, type ExportRequest } from './export-request.ts';
import { discardFile } from './export-sinks.ts';

export const EXPORT_JOB_KIND = 'export';
/** Finished export files are downloadable for this long; a cleanup job will delete older ones. */
export const EXPORT_RETENTION_DAYS = 7;

/**
 * `RELATA_DATA_DIR/exports/<workspace>/<job>.<format>`: built from ids and a whitelisted format only,
 * never from anything a user typed, so a download cannot be pointed at another file.
 */
export function exportFilePath(dataDir: string, workspaceId: string, jobId: string, format: ExportFormat): string {
  if (!/^\d+$/.test(workspaceId) || !/^\d+$/.test(jobId)) throw new Error('export file ids must be numeric');
  return path.join(dataDir, 'exports', workspaceId, `${jobId}.${format}`);
}

/** `contacts-2026-11-23.csv`, dated in the workspace's time zone. */
export async function exportFileName(db: Db, workspaceId: string, object: ExportObject, format: ExportFormat): Promise<string> {
  const { rows } = await sql<{ day: string }>`select to_char(now() at time zone w.timezone, 'YYYY-MM-DD') as day
    from workspaces w where w.id = ${workspaceId}`.execute(db);
  return `${object}-${rows[0]?.day ?? new Date().toISOString().slice(0, 10)}.${format}`;
}

/**
 * Starts a background export: the request is checked now (permission, filter, columns, XLSX size), so a
 * mistake is a 4xx at once rather than a failed job later; the job records only the request.
 */
export async function startExportJob(db: Db, jobs: Jobs, principal: Principal, request: ExportRequest): Promise<{ job_id: string }> {
  const plan = await planExport(db, principal, request);
  await assertFitsFormat(db, plan);
  const payload: Record<string, unknown> = {
    object: request.object,
    format: request.format,
    filter: typeof request.filter === 'string' ? request.filter : (request.filter ?? null),
    sort: request.sort ?? null,
    q: request.q ?? null,
    columns: request.columns ?? null,
    lines: request.lines ?? false,
  };
  const job_id = await db.transaction().execute((tx) =>
    jobs.enqueue(tx, { workspaceId: principal.workspaceId, userId: principal.userId, kind: EXPORT_JOB_KIND, payload }));
  return { job_id };
}

function requestFromPayload(payload: Record<string, unknown>): ExportRequest {
  const object = EXPORT_OBJECTS.find((o) => o === payload.object);
  const format = EXPORT_FORMATS.find((f) => f === payload.format);
  if (!object || !format) throw new Error('malformed export payload');
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const columns = Array.isArray(payload.columns) ? payload.columns.filter((c): c is string => typeof c === 'string') : undefined;
  return { object, format, filter: payload.filter ?? undefined, sort: text(payload.sort), q: text(payload.q), columns, lines: payload.lines === true };
}

/**
 * The `export` job: runs as the user who asked, with that user's permissions as they are now (a user
 * deactivated meanwhile gets nothing). The file is written under a temporary name and renamed when
 * complete, so a download never sees half a file, and a retried run simply starts over.
 */
export function exportJobHandler(db: Db, dataDir: string): JobHandler {
  return async (ctx: JobContext) => {
    const request = requestFromPayload(ctx.payload);
    const principal = ctx.userId ? await loadPrincipal(db, ctx.workspaceId, ctx.userId) : null;
    if (!principal) throw new AppError('PERMISSION_DENIED', 'The user who started this export is no longer active');
    await removeExpiredExports(db, dataDir, ctx.workspaceId);
    const file = exportFilePath(dataDir, ctx.workspaceId, ctx.jobId, request.format);
    const partial = `${file}.part`;
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    const out = fs.createWriteStream(partial);
    try {
      const result = await exportRecords(db, principal, request, out, {
        onProgress: async (done, total) => {
          if (await ctx.cancelRequested()) throw new JobCancelled();
          await ctx.progress(done, total);
        },
      });
      await ctx.progress(result.rows, result.rows);
      await fs.promises.rename(partial, file);
      const expires = new Date(Date.now() + EXPORT_RETENTION_DAYS * 86_400_000).toISOString();
      return { rows: result.rows, columns: result.columns.length, format: request.format, object: request.object, expires_at: expires };
    } catch (error) {
      await discardFile(out, partial);
      throw error;
    }
  };
}

/**
 * Deletes the workspace's export files past the retention (they can no longer be downloaded) and the
 * leftovers of failed or cancelled runs. Runs at the start of each export rather than on a timer (no
 * process owns a timer, ADR 7); deleting is idempotent, so several workers may sweep at once.
 */
export async function removeExpiredExports(db: Db, dataDir: string, workspaceId: string): Promise<number> {
  const { rows } = await sql<{ id: string; format: string }>`
    select id::text, payload->>'format' as format from job_runs
    where workspace_id = ${workspaceId} and kind = ${EXPORT_JOB_KIND} and finished_at is not null
      and (status <> 'succeeded' or finished_at < now() - make_interval(days => ${EXPORT_RETENTION_DAYS}))
      and not coalesce((result->>'file_removed')::boolean, false)
    limit 1000`.execute(db);
  let removed = 0;
  for (const job of rows) {
    const format = EXPORT_FORMATS.find((f) => f === job.format);
    const file = format ? exportFilePath(dataDir, workspaceId, job.id, format) : null;
    for (const name of file ? [file, `${file}.part`] : []) {
      removed += await fs.promises.rm(name).then(() => 1, (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return 0;
        throw error;
      });
    }
  }
  // swept jobs are not looked at again
  await sql`update job_runs set result = coalesce(result, '{}'::jsonb) || '{"file_removed": true}'::jsonb
            where workspace_id = ${workspaceId} and id = any(${rows.map((r) => r.id)}::bigint[])`.execute(db);
  return removed;
}

type DownloadRow = { status: string; format: string; object: string; finished: boolean; expired: boolean };

/**
 * The finished file of an export job — only for the user who started it: anyone else, and any other
 * workspace, gets the same 404 as a job that does not exist.
 */
export async function openExportDownload(db: Db, dataDir: string, principal: Principal, jobId: string) {
  const { rows } = await sql<DownloadRow>`
    select status, payload->>'format' as format, payload->>'object' as object, finished_at is not null as finished,
           coalesce(finished_at < now() - make_interval(days => ${EXPORT_RETENTION_DAYS}), false) as expired
    from job_runs
    where workspace_id = ${principal.workspaceId} and id = ${jobId} and kind = ${EXPORT_JOB_KIND} and created_by = ${principal.userId}`.execute(db);
  const job = rows[0];
  if (!job) throw new AppError('NOT_FOUND', 'Export not found');
  if (job.status !== 'succeeded') throw new AppError('EXPORT_NOT_READY', `The export is ${job.status}`, { status: job.status });
  const format = EXPORT_FORMATS.find((f) => f === job.format);
  const object = EXPORT_OBJECTS.find((o) => o === job.object);
  if (!format || !object || job.expired) throw new AppError('NOT_FOUND', 'The export file has expired');
  const file = exportFilePath(dataDir, principal.workspaceId, jobId, format);
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat) throw new AppError('NOT_FOUND', 'The export file has expired');
  return { stream: fs.createReadStream(file), size: stat.size, format, filename: await exportFileName(db, principal.workspaceId, object, format) };
}

/** Registers the job kind; the module calls this when it is built, before the workers start. */
export function registerExportJob(jobs: Jobs, db: Db, dataDir: string): void {
  jobs.register(EXPORT_JOB_KIND, exportJobHandler(db, dataDir));
}
