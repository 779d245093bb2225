import { sql, type RawBuilder } from 'kysely';
import type pg from 'pg';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { dropForeignKeys, restoreForeignKeys } from '../../../platform/db/bulk-load.ts';
import { copyRows, type Column, type Value } from '../../../platform/db/copy-rows.ts';
import { poolOf, type Db, type Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { JobCancelled } from '../../../platform/jobs/jobs.ts';
import { loadPrincipal } from '../../accounts/index.ts';
import { dropSecondaryIndexes, recreateIndexes } from '../../customers/index.ts';
import { applyCompanies } from './apply-companies.ts';
import { applyContacts, type ApplyCounts } from './apply-contacts.ts';
import { applyOrders } from './apply-orders.ts';
import { applyProducts } from './apply-products.ts';
import { ORDER_STAGE_COLUMNS, ORDER_STAGE_DDL, orderConverter } from './order-rows.ts';
import { PRODUCT_STAGE_COLUMNS, PRODUCT_STAGE_DDL, productConverter } from './product-rows.ts';
import { COMPANY_STAGE_COLUMNS, COMPANY_STAGE_DDL, companyConverter } from './company-rows.ts';
import { CONTACT_STAGE_COLUMNS, CONTACT_STAGE_DDL, contactConverter } from './contact-rows.ts';
import { loadImportContext, type ImportContext, type ImportMode, type RowError } from './import-context.ts';
import { loadBatch, type ImportBatchRow } from './import-batches.ts';
import type { ImportObject } from './mapping/index.ts';
import { openSource } from './source/index.ts';
import { assertMappingWritable } from './writable-mapping.ts';

const CHUNK_ROWS = 10_000;
/** An import at least this large, and at least half the size of the table, rebuilds its indexes (see below). */
const BULK_LOAD_MIN_ROWS = 200_000;
/** pg advisory-lock namespace of import batches: one process works on a batch at a time. */
const LOCK_NAMESPACE = 7_100_001;

export type ImportHooks = {
  onProgress?: (done: number, total: number | null, phase: 'staging' | 'applying') => Promise<void> | void;
  cancelRequested?: () => Promise<boolean>;
  /** the batch size from which an initial load rebuilds indexes (default BULK_LOAD_MIN_ROWS; tests lower it) */
  bulkLoadMinRows?: number;
};

type Converter = (row: number, cells: readonly string[]) => { values: Value[] } | { errors: RowError[] };

/** What the engine needs per object: the staging table, the row conversion and the set-based apply. */
type ObjectEngine = {
  columns: readonly Column[];
  ddl: string;
  converter: (ctx: ImportContext) => Converter;
  apply: (tx: Parameters<typeof applyContacts>[0], stage: Parameters<typeof applyContacts>[1], ctx: ImportContext, principal: Parameters<typeof applyContacts>[3]) => Promise<ApplyCounts>;
};

const ENGINES: Record<ImportObject, ObjectEngine> = {
  contacts: { columns: CONTACT_STAGE_COLUMNS, ddl: CONTACT_STAGE_DDL, converter: contactConverter, apply: applyContacts },
  companies: { columns: COMPANY_STAGE_COLUMNS, ddl: COMPANY_STAGE_DDL, converter: companyConverter, apply: applyCompanies },
  orders: { columns: ORDER_STAGE_COLUMNS, ddl: ORDER_STAGE_DDL, converter: orderConverter, apply: applyOrders },
  products: { columns: PRODUCT_STAGE_COLUMNS, ddl: PRODUCT_STAGE_DDL, converter: productConverter, apply: applyProducts },
};

const ERROR_COLUMNS: readonly Column[] = [
  { name: 'workspace_id', type: 'bigint' },
  { name: 'batch_id', type: 'bigint' },
  { name: 'row_number', type: 'int' },
  { name: 'seq', type: 'int' },
  { name: 'column_name', type: 'text' },
  { name: 'code', type: 'text' },
  { name: 'message', type: 'text' },
  { name: 'cells', type: 'jsonb' },
];

export function stageTableName(batchId: string): string {
  if (!/^\d+$/.test(batchId)) throw new Error('batch ids are numeric');
  return `import_stage_${batchId}`;
}

/**
 * Runs (or resumes) one import batch. Staging: the file is streamed, each row converted and validated in
 * TypeScript, and good rows COPYed into an unlogged staging table in chunks; each chunk commits with its
 * error rows and the checkpoint, so a killed process resumes after the last committed chunk. Apply: one
 * transaction of set-based SQL; a crash in it rolls everything back and the next run applies again.
 */
export async function runImport(db: Db, workspaceId: string, batchId: string, hooks: ImportHooks = {}): Promise<ImportBatchRow> {
  const client = await poolOf(db).connect();
  try {
    const { rows: lock } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2::int) as ok', [LOCK_NAMESPACE, Number(batchId)]);
    if (!lock[0]?.ok) throw new AppError('IMPORT_IN_PROGRESS', `Import ${batchId} is being run by another process`, { batch_id: batchId });
    try {
      return await runLocked(db, client, workspaceId, batchId, hooks);
    } finally {
      await client.query('select pg_advisory_unlock($1, $2::int)', [LOCK_NAMESPACE, Number(batchId)]);
    }
  } finally {
    client.release();
  }
}

async function runLocked(db: Db, client: pg.PoolClient, workspaceId: string, batchId: string, hooks: ImportHooks): Promise<ImportBatchRow> {
  const batch = await loadBatch(db, workspaceId, batchId);
  if (!['queued', 'staging', 'applying'].includes(batch.status)) return batch;
  const engine = ENGINES[batch.object_type];
  let principal = await importingPrincipal(db, workspaceId, batch);
  const options = batch.options;
  const table = stageTableName(batchId);
  try {
    assertBatchWritable(principal, batch);
    await sql`update import_batches set status = 'staging', started_at = coalesce(started_at, now()) where workspace_id = ${workspaceId} and id = ${batchId}`.execute(db);
    await client.query(`create unlogged table if not exists ${table} (${engine.ddl})`);
    const ctx = await loadImportContext(db, {
      workspaceId, batchId, userId: batch.created_by, object: batch.object_type, mode: batch.mode as ImportMode, matchKey: batch.match_key,
      createMissingContacts: options.create_missing_contacts === true,
    }, options.headers ?? [], options.mapping ?? {});
    if (batch.status !== 'applying') await stageFile(client, ctx, batch, table, engine, hooks);
    // staging a large file takes minutes: the rules that decide what may be written are read again before writing
    principal = await importingPrincipal(db, workspaceId, batch);
    assertBatchWritable(principal, batch);
    await sql`update import_batches set status = 'applying' where workspace_id = ${workspaceId} and id = ${batchId}`.execute(db);
    await hooks.onProgress?.(batch.rows_read, null, 'applying');
    return await applyStaged(db, ctx, batch, table, engine, principal, hooks);
  } catch (error) {
    if (error instanceof JobCancelled) {
      await client.query(`drop table if exists ${table}`);
      await sql`update import_batches set status = 'cancelled', finished_at = now() where workspace_id = ${workspaceId} and id = ${batchId}`.execute(db);
    } else if (error instanceof AppError) {
      // a refusal of the whole file (unreadable, all-or-nothing with errors, a column the role may no longer
      // write): final, nothing applied
      await client.query(`drop table if exists ${table}`);
      await sql`update import_batches set status = 'failed', finished_at = now(),
                  error = ${JSON.stringify({ code: error.code, message: error.message, details: error.details ?? {} })}::jsonb
                where workspace_id = ${workspaceId} and id = ${batchId}`.execute(db);
      return loadBatch(db, workspaceId, batchId);
    }
    // anything else (a crash, a lost connection) leaves the batch resumable from its checkpoint
    throw error;
  }
}

/** The user who started the import, with the role's permissions as they are now; refused when no longer active. */
async function importingPrincipal(db: Db, workspaceId: string, batch: ImportBatchRow): Promise<Principal> {
  const principal = batch.created_by ? await loadPrincipal(db, workspaceId, batch.created_by) : null;
  if (!principal) throw new AppError('PERMISSION_DENIED', 'The user who started this import is no longer active');
  return principal;
}

/**
 * The mapping was checked against the role when the import was created (createImport); the role may have
 * changed since, so a run refuses the whole batch — nothing applied — if a column now feeds a field the
 * role may not write.
 */
function assertBatchWritable(principal: Principal, batch: ImportBatchRow): void {
  assertMappingWritable(principal, batch.object_type, batch.options.mapping ?? {}, { createMissingContacts: batch.options.create_missing_contacts === true });
}

async function stageFile(client: pg.PoolClient, ctx: ImportContext, batch: ImportBatchRow, table: string, engine: ObjectEngine, hooks: ImportHooks): Promise<void> {
  let rowsRead = batch.rows_read;
  // an unlogged staging table is emptied by a database crash: then the checkpoint no longer holds, start over
  const { rows: check } = await client.query<{ staged: string; failed: string }>(
    `select (select count(*) from ${table})::text as staged,
            (select count(distinct row_number) from import_errors where workspace_id = $1 and batch_id = $2)::text as failed`, [ctx.workspaceId, ctx.batchId]);
  if (Number(check[0]?.staged) !== batch.rows_staged || Number(check[0]?.failed) !== batch.rows_read - batch.rows_staged) {
    await client.query(`truncate ${table}`);
    await client.query('delete from import_errors where workspace_id = $1 and batch_id = $2', [ctx.workspaceId, ctx.batchId]);
    rowsRead = 0;
  }
  let staged = rowsRead === 0 ? 0 : batch.rows_staged;
  const source = await openSource(batch.path, { format: batch.format === 'xlsx' ? 'xlsx' : batch.format === 'csv' ? 'csv' : undefined });
  const convert = engine.converter(ctx);
  const width = ctx.headers.length;
  let skip = rowsRead;
  let good: Value[][] = [];
  let bad: Value[][] = [];
  let inChunk = 0;
  const estimate = () => (source.bytesRead() > 0 ? Math.max(rowsRead, Math.round((rowsRead * source.totalBytes) / source.bytesRead())) : null);
  // one chunk is written while the next is converted: PostgreSQL and TypeScript work at the same time
  let writing: Promise<void> = Promise.resolve();
  const write = async (rows: Value[][], errors: Value[][], read: number, stagedSoFar: number) => {
    await client.query('begin');
    try {
      await copyRows(client, table, engine.columns, rows);
      await copyRows(client, 'import_errors', ERROR_COLUMNS, errors);
      await client.query('update import_batches set rows_read = $3, rows_staged = $4, rows_failed = $5 where workspace_id = $1 and id = $2',
        [ctx.workspaceId, ctx.batchId, read, stagedSoFar, read - stagedSoFar]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  };
  const flush = async () => {
    await writing;
    writing = write(good, bad, rowsRead, staged);
    writing.catch(() => undefined); // awaited at the next flush or at the end
    good = [];
    bad = [];
    inChunk = 0;
    await hooks.onProgress?.(rowsRead, estimate(), 'staging');
    if (await hooks.cancelRequested?.()) throw new JobCancelled();
  };
  try {
    for await (const { row, cells } of source.rows) {
      if (skip > 0) {
        skip--;
        continue;
      }
      rowsRead++;
      inChunk++;
      const ragged = cells.length > width ? cells.slice(width).some((c) => c.trim() !== '') : cells.length < width;
      const result: ReturnType<Converter> = ragged
        ? { errors: [{ column: null, code: 'IMPORT_ROW_RAGGED', message: `The row has ${cells.length} cells, the header ${width}` }] }
        : convert(row, cells);
      if ('values' in result) {
        good.push(result.values);
        staged++;
      } else {
        result.errors.forEach((e, seq) => bad.push([ctx.workspaceId, ctx.batchId, row, seq, e.column, e.code, e.message, seq === 0 ? cells : null]));
      }
      if (inChunk >= CHUNK_ROWS) await flush();
    }
    await flush();
    await writing;
  } finally {
    await writing.catch(() => undefined);
    await source.close();
  }
}

/**
 * An initial load (a large batch into a table not much larger than it) drops the table's secondary
 * indexes inside the apply transaction and rebuilds them in bulk after the insert: several times faster
 * than maintaining a dozen B-tree, GIN and trigram indexes row by row. The price is an exclusive lock on
 * the table until the import commits, which is why ordinary imports into a populated table never do it.
 * Unique indexes stay: they guard correctness. Foreign keys are dropped too and validated again, in bulk,
 * before the transaction commits.
 */
async function dropIndexesForBulkLoad(tx: Tx, ctx: ImportContext, minRows: number) {
  if (ctx.object !== 'contacts') return null;
  const { rows } = await sql<{ tuples: number; staged: number }>`
    select greatest(reltuples, 0)::float8 as tuples,
           (select rows_staged from import_batches where workspace_id = ${ctx.workspaceId} and id = ${ctx.batchId}) as staged
    from pg_class where oid = 'contacts'::regclass`.execute(tx);
  const staged = rows[0]?.staged ?? 0;
  if (staged < minRows || (rows[0]?.tuples ?? 0) > 2 * staged) return null;
  await sql`set local maintenance_work_mem = '512MB'`.execute(tx);
  return { indexes: await dropSecondaryIndexes(tx, ['contacts']), foreignKeys: await dropForeignKeys(tx, ['contacts', 'contact_aggregates', 'import_batch_rows']) };
}

async function applyStaged(
  db: Db, ctx: ImportContext, batch: ImportBatchRow, table: string, engine: ObjectEngine, principal: Principal, hooks: ImportHooks,
): Promise<ImportBatchRow> {
  const stage = { workspaceId: ctx.workspaceId, batchId: ctx.batchId, table: sql.table(table) as RawBuilder<unknown> };
  await db.transaction().execute(async (tx) => {
    // a killed process's transaction may still be running on the server: wait for it to end, and make
    // this one notice within seconds if its own client dies
    await sql`set local client_connection_check_interval = '2s'`.execute(tx);
    // GIN indexes (search tokens, trigrams, tags, attributes) take new entries into their pending list and
    // merge it in bulk — far cheaper than one posting-tree insert per row and per lexeme
    await sql`set local gin_pending_list_limit = '256MB'`.execute(tx);
    await sql`set local work_mem = '128MB'`.execute(tx);
    await sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE + 1}, ${Number(ctx.batchId)}::int)`.execute(tx);
    // statistics on the join keys only: enough for the planner, a fraction of a full ANALYZE
    await sql`analyze ${sql.table(table)} (row_number, match_value, external_id)`.execute(tx);
    const rebuilt = await dropIndexesForBulkLoad(tx, ctx, hooks.bulkLoadMinRows ?? BULK_LOAD_MIN_ROWS);
    const counts = await engine.apply(tx, stage, ctx, principal);
    if (rebuilt) {
      await restoreForeignKeys(tx, rebuilt.foreignKeys);
      await recreateIndexes(tx, rebuilt.indexes);
    }
    const { rows } = await sql<{ failed: string; read: string }>`
      select (select count(distinct row_number) from import_errors where workspace_id = ${ctx.workspaceId} and batch_id = ${ctx.batchId})::text as failed,
             rows_read::text as read from import_batches where workspace_id = ${ctx.workspaceId} and id = ${ctx.batchId}`.execute(tx);
    const failed = Number(rows[0]?.failed ?? 0);
    if (batch.options.all_or_nothing === true && failed > 0) {
      throw new AppError('IMPORT_ROWS_FAILED', `${failed} row(s) failed: with all-or-nothing, nothing was imported`, { rows_failed: failed });
    }
    // merge the GIN pending lists now, in bulk: searches would otherwise scan them row by row until autovacuum
    await sql`select gin_clean_pending_list(i.indexrelid) from pg_index i join pg_class ic on ic.oid = i.indexrelid
              join pg_am am on am.oid = ic.relam where am.amname = 'gin' and i.indrelid in ('contacts'::regclass, 'companies'::regclass)`.execute(tx);
    await sql`drop table ${sql.table(table)}`.execute(tx);
    await sql`update import_batches set status = 'succeeded', finished_at = now(), rows_total = rows_read, rows_failed = ${failed},
                rows_created = ${counts.created}, rows_updated = ${counts.updated}, rows_unchanged = ${counts.unchanged}
              where workspace_id = ${ctx.workspaceId} and id = ${ctx.batchId}`.execute(tx);
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId, objectType: 'import_batches', recordId: ctx.batchId, actorId: ctx.userId, action: 'import',
      changes: { object: [null, ctx.object], created: [null, counts.created], updated: [null, counts.updated], failed: [null, failed] },
    });
    // each record's own history shows the import that created or changed it: its import_batch_rows row, read
    // through the record_history view (no second row per record in audit_log)
  });
  return loadBatch(db, ctx.workspaceId, ctx.batchId);
}
