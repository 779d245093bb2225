import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { JobCancelled, type JobHandler, type Jobs } from '../../../platform/jobs/jobs.ts';
import { CUSTOM_FIELD_OBJECTS, type CustomFieldObject } from './field-definitions.ts';

export const FIELD_PURGE_JOB_KIND = 'custom-field-delete';

/** Rows looked at per transaction: short row locks, and a crash loses at most one batch of work. */
export const PURGE_BATCH_ROWS = 5_000;

const TABLES = { contacts: sql.table('contacts'), companies: sql.table('companies') } as const;

type Retired = { object: CustomFieldObject; key: string };

/** How far a purge has come: records are visited in id order, so everything up to `after_id` is done. */
export type PurgeCheckpoint = { after_id: string; scanned: number; stripped: number };

export type PurgeResult = { field_id: string; object: string | null; key: string | null; scanned: number; stripped: number; definition_removed: boolean };

export type PurgeHooks = {
  /** where the run starts: the checkpoint an earlier attempt of the same job left when its process died */
  from?: PurgeCheckpoint | null;
  batchRows?: number;
  /** runs inside each batch's transaction, so the checkpoint is stored exactly when the batch's work is */
  checkpoint?: (tx: Tx, at: PurgeCheckpoint) => Promise<void>;
  /** before the first batch and after each committed one: progress, and the place to stop (throwing leaves a consistent state) */
  onProgress?: (at: PurgeCheckpoint, total: number, field: Retired) => Promise<void>;
};

/**
 * The retired definition, share-locked for the caller's transaction; null once it is gone. While a batch
 * holds the lock the row cannot be deleted, and while the row exists its key cannot be created again
 * (unique per object), so the key a batch strips can only be the retired field's.
 */
async function lockRetired(tx: Tx, workspaceId: string, fieldId: string): Promise<Retired | null> {
  const { rows } = await sql<{ object: string; key: string }>`
    select object_type as object, key from field_definitions
    where workspace_id = ${workspaceId} and id = ${fieldId} and retired_at is not null
    for key share`.execute(tx);
  const row = rows[0];
  const object = CUSTOM_FIELD_OBJECTS.find((o) => o === row?.object);
  return row && object ? { object, key: row.key } : null;
}

/**
 * Strips a deleted custom field's key from the `attributes` of every record of its object in the workspace —
 * live, trashed and merged ones alike (a restored record must not bring the value back) — in keyset batches
 * of ids, each in its own transaction, then deletes the definition (which bumps `fields_version`, migration
 * 0150). Idempotent: a batch only rewrites rows that still hold the key, so running again after a crash,
 * from a checkpoint or from the start, ends in the same state. Neither `version` nor `updated_at` change:
 * nobody edited these records, and an edit in progress must not fail with a version conflict. Writers lock
 * a record before reading it, so one that saves a whole `attributes` object cannot put a stripped key back.
 */
export async function purgeFieldValues(db: Db, workspaceId: string, fieldId: string, hooks: PurgeHooks = {}): Promise<PurgeResult> {
  const field = await db.transaction().execute((tx) => lockRetired(tx, workspaceId, fieldId));
  // gone already: a finished run, or removed by an import's undo once no record held a value
  if (!field) return { field_id: fieldId, object: null, key: null, scanned: 0, stripped: 0, definition_removed: false };
  const table = TABLES[field.object];
  const limit = hooks.batchRows ?? PURGE_BATCH_ROWS;
  let at: PurgeCheckpoint = hooks.from ?? { after_id: '0', scanned: 0, stripped: 0 };
  const result = (removed: boolean): PurgeResult =>
    ({ field_id: fieldId, object: field.object, key: field.key, scanned: at.scanned, stripped: at.stripped, definition_removed: removed });
  const { rows: counted } = await sql<{ n: number }>`select count(*)::int as n from ${table} where workspace_id = ${workspaceId}`.execute(db);
  // records created during the run are visited too (they come last, by id), and counted when they are
  let total = Math.max(counted[0]?.n ?? 0, at.scanned);
  await hooks.onProgress?.(at, total, field);
  for (;;) {
    const from = at;
    const next = await db.transaction().execute(async (tx): Promise<PurgeCheckpoint | 'finished' | 'gone'> => {
      if (!(await lockRetired(tx, workspaceId, fieldId))) return 'gone';
      const { rows } = await sql<{ last_id: string | null; scanned: number; stripped: number }>`
        with batch as (
          select id from ${table} where workspace_id = ${workspaceId} and id > ${from.after_id}::bigint order by id limit ${limit}
        ), stripped as (
          update ${table} t set attributes = t.attributes - ${field.key}::text
          from batch b
          where t.workspace_id = ${workspaceId} and t.id = b.id and t.attributes ? ${field.key}::text
          returning t.id
        )
        select (select max(id)::text from batch) as last_id, (select count(*)::int from batch) as scanned,
               (select count(*)::int from stripped) as stripped`.execute(tx);
      const row = rows[0]!;
      if (row.last_id === null) return 'finished';
      const reached = { after_id: row.last_id, scanned: from.scanned + row.scanned, stripped: from.stripped + row.stripped };
      await hooks.checkpoint?.(tx, reached);
      return reached;
    });
    // deleted by someone else meanwhile (an import's undo, which does so only once no record holds a value)
    if (next === 'gone') return result(false);
    if (next === 'finished') break;
    at = next;
    total = Math.max(total, at.scanned);
    await hooks.onProgress?.(at, total, field);
  }
  const { rows: removed } = await sql<{ id: string }>`
    delete from field_definitions where workspace_id = ${workspaceId} and id = ${fieldId} and retired_at is not null
    returning id::text`.execute(db);
  return result(removed.length > 0);
}

function fieldIdOf(payload: Record<string, unknown>): string {
  const id = payload.field_id;
  if (typeof id !== 'string' || !/^\d+$/.test(id)) throw new Error('malformed custom-field-delete payload');
  return id;
}

function checkpointOf(payload: Record<string, unknown>): PurgeCheckpoint | null {
  const c = payload.checkpoint as Partial<PurgeCheckpoint> | undefined;
  if (!c || typeof c.after_id !== 'string' || !/^\d+$/.test(c.after_id) || typeof c.scanned !== 'number' || typeof c.stripped !== 'number') return null;
  return { after_id: c.after_id, scanned: c.scanned, stripped: c.stripped };
}

/**
 * The `custom-field-delete` job. Its checkpoint lives in its own payload, written in each batch's
 * transaction, so a run pg-boss retries after a crash resumes after the last committed batch. A cancelled
 * run leaves the field retired; deleting it again starts a new job (delete-field-definition.ts).
 */
export function fieldPurgeJobHandler(db: Db, options: { batchRows?: number } = {}): JobHandler {
  return async (ctx) => {
    const fieldId = fieldIdOf(ctx.payload);
    return purgeFieldValues(db, ctx.workspaceId, fieldId, {
      from: checkpointOf(ctx.payload),
      batchRows: options.batchRows,
      checkpoint: async (tx, at) => {
        await sql`update job_runs set payload = payload || jsonb_build_object('checkpoint', ${JSON.stringify(at)}::jsonb)
                  where workspace_id = ${ctx.workspaceId} and id = ${ctx.jobId}`.execute(tx);
      },
      onProgress: async (at, total, field) => {
        // the jobs page shows the message: which field this job is removing
        await ctx.progress(at.scanned, total, `${field.object}: ${field.key}`);
        if (await ctx.cancelRequested()) throw new JobCancelled();
      },
    });
  };
}

/** Registers the job kind; the routes call this when they are built, before the workers start. */
export function registerFieldPurgeJob(jobs: Jobs, db: Db): void {
  jobs.register(FIELD_PURGE_JOB_KIND, fieldPurgeJobHandler(db));
}
