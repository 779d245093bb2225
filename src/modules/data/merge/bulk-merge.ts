import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { JobCancelled, type JobHandler, type Jobs } from '../../../platform/jobs/jobs.ts';
import { loadPrincipal } from '../../accounts/index.ts';
import { recordStore } from '../../customers/index.ts';
import { PAIR_OBJECT } from './duplicate-pairs.ts';
import { MERGE_OBJECTS, mergeFields, type MergeObject } from './merge-fields.ts';
import { mergeInTransaction } from './merge-records.ts';
import { completeness } from './plan-merge.ts';

export const BULK_MERGE_JOB_KIND = 'bulk-merge';

export type BulkMergeInput = { object: MergeObject; min_score: number };
export type BulkMergeHooks = { onProgress?: (done: number, total: number) => Promise<void> | void };

type Pair = { id: string; a_id: string; b_id: string; score: number };

const BATCH = 100;

export function assertBulkMergeAllowed(principal: Principal, object: MergeObject): void {
  for (const action of ['bulk', 'edit'] as const) {
    if (!can(principal, object, action)) throw new AppError('PERMISSION_DENIED', `Your role may not ${action} ${object}`, { object, action });
  }
}

/**
 * Which of two records survives a bulk merge: the more complete one, then the more recently updated,
 * then the older id (a stable answer for a tie). Null when either record is no longer live.
 */
async function chooseSurvivor(tx: Tx, object: MergeObject, workspaceId: string, pair: Pair): Promise<{ survivor: string; merged: string } | null> {
  const { rows } = await sql<{ id: string; updated_at: string }>`
    select id::text, to_json(updated_at)#>>'{}' as updated_at from ${sql.table(object)}
    where workspace_id = ${workspaceId} and id in (${pair.a_id}, ${pair.b_id}) and deleted_at is null`.execute(tx);
  if (rows.length !== 2) return null;
  const store = recordStore(object);
  const fields = mergeFields(object);
  const scored = await Promise.all(rows.map(async (r) => ({ ...r, filled: completeness(fields, await store.load(tx, workspaceId, r.id)) })));
  scored.sort((x, y) => y.filled - x.filled || y.updated_at.localeCompare(x.updated_at) || (BigInt(x.id) < BigInt(y.id) ? -1 : 1));
  return { survivor: scored[0]!.id, merged: scored[1]!.id };
}

/**
 * Merges every open pair of `object` scoring at least `min_score`, highest first, each in its own
 * transaction: a crash loses nothing (done merges are done, the rest stay open for the next run). A pair
 * whose records are gone or already merged — or that the caller may not merge (scope, a read-only share,
 * a value that no longer validates) — is skipped and stays as it is.
 */
export async function bulkMerge(db: Db, principal: Principal, input: BulkMergeInput, hooks: BulkMergeHooks = {}): Promise<{ merged: number; skipped: number }> {
  assertBulkMergeAllowed(principal, input.object);
  const ws = principal.workspaceId;
  const kind = PAIR_OBJECT[input.object];
  const { rows: counted } = await sql<{ n: number }>`select count(*)::int as n from duplicate_pairs
    where workspace_id = ${ws} and object_type = ${kind} and status = 'open' and score >= ${input.min_score}`.execute(db);
  const total = counted[0]?.n ?? 0;
  let merged = 0;
  let skipped = 0;
  let after: { score: number; id: string } | null = null;
  await hooks.onProgress?.(0, total);
  for (;;) {
    const cursor: RawBuilder<unknown> = after ? sql`and (score, id) < (${after.score}::real, ${after.id}::bigint)` : sql``;
    const { rows: pairs }: { rows: Pair[] } = await sql<Pair>`
      select id::text, a_id::text, b_id::text, score from duplicate_pairs
      where workspace_id = ${ws} and object_type = ${kind} and status = 'open' and score >= ${input.min_score} ${cursor}
      order by score desc, id desc
      limit ${BATCH}`.execute(db);
    if (pairs.length === 0) break;
    for (const pair of pairs) {
      const done = await db.transaction().execute(async (tx) => {
        // still open now (an earlier merge of this run may have closed it)
        const open = await sql`select 1 from duplicate_pairs where workspace_id = ${ws} and id = ${pair.id} and status = 'open' for update`.execute(tx);
        if (!open.rows[0]) return false;
        const choice = await chooseSurvivor(tx, input.object, ws, pair);
        if (!choice) return false;
        await mergeInTransaction(tx, principal, { object: input.object, survivor_id: choice.survivor, merged_id: choice.merged, pair_id: pair.id });
        return true;
      }).catch((error: unknown) => {
        if (error instanceof AppError) return false;
        throw error;
      });
      if (done) merged++;
      else skipped++;
      await hooks.onProgress?.(merged + skipped, total);
    }
    const last: Pair = pairs.at(-1)!;
    after = { score: last.score, id: last.id };
  }
  return { merged, skipped };
}

/** `POST /merges/bulk`: checked now (a 403 at once, not a failed job later), run as a job. */
export async function startBulkMerge(db: Db, jobs: Jobs, principal: Principal, input: BulkMergeInput): Promise<{ job_id: string }> {
  assertBulkMergeAllowed(principal, input.object);
  const job_id = await db.transaction().execute((tx) =>
    jobs.enqueue(tx, { workspaceId: principal.workspaceId, userId: principal.userId, kind: BULK_MERGE_JOB_KIND, payload: { ...input } }));
  return { job_id };
}

/** The job runs as the user who started it, with that user's permissions as they are now. */
export function bulkMergeJobHandler(db: Db): JobHandler {
  return async (ctx) => {
    const object = MERGE_OBJECTS.find((o) => o === ctx.payload.object);
    const minScore = Number(ctx.payload.min_score);
    if (!object || !Number.isFinite(minScore)) throw new Error('malformed bulk-merge payload');
    const principal = ctx.userId ? await loadPrincipal(db, ctx.workspaceId, ctx.userId) : null;
    if (!principal) throw new AppError('PERMISSION_DENIED', 'The user who started this merge is no longer active');
    return bulkMerge(db, principal, { object, min_score: minScore }, {
      onProgress: async (done, total) => {
        if (await ctx.cancelRequested()) throw new JobCancelled();
        // with a total the write is immediate; without, job progress is written at most twice a second
        await ctx.progress(done, done === 0 || done === total ? total : undefined);
      },
    });
  };
}

export function registerBulkMergeJob(jobs: Jobs, db: Db): void {
  jobs.register(BULK_MERGE_JOB_KIND, bulkMergeJobHandler(db));
}
