import type { Writable } from 'node:stream';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { selectColumns } from './columns.ts';
import { companyExportSource } from './company-source.ts';
import { contactExportSource } from './contact-source.ts';
import { countRows, fetchBatch, type Keyset } from './export-query.ts';
import type { ExportRequest, ExportSource } from './export-request.ts';
import { csvSink, xlsxSink, XLSX_MAX_DATA_ROWS } from './export-sinks.ts';
import { orderExportSource } from './order-source.ts';

export const EXPORT_BATCH_SIZE = 5_000;

export type ExportPlan = { request: ExportRequest; source: ExportSource };

export type ExportProgress = (done: number, total: number) => Promise<void> | void;

export type ExportOptions = {
  batchSize?: number;
  /** called after every batch; may throw to stop the export (a cancelled job) */
  onProgress?: ExportProgress;
  /** the row count when the caller has already counted */
  total?: number;
};

export type ExportResult = { rows: number; columns: string[] };

/**
 * Everything that can be refused is checked here, before a byte is written: the role's `export` action
 * on the object, the filter (fields, operators, hidden fields), the sort and the requested columns.
 */
export async function planExport(db: Db | Tx, principal: Principal, request: ExportRequest): Promise<ExportPlan> {
  if (!can(principal, request.object, 'export')) {
    throw new AppError('PERMISSION_DENIED', `Your role may not export ${request.object}`, { object: request.object, action: 'export' });
  }
  const source =
    request.object === 'contacts' ? await contactExportSource(db, principal, request)
    : request.object === 'companies' ? await companyExportSource(db, principal, request)
    : await orderExportSource(db, principal, request);
  return { request, source: { ...source, columns: selectColumns(source.columns, request.columns) } };
}

/** How many rows the export will write, exact — or capped at `cap` (then `cap + 1` means "more"). */
export function countExport(db: Db | Tx, plan: ExportPlan, cap?: number): Promise<number> {
  return countRows(db, plan.source, cap);
}

/** Refuses an XLSX export the sheet cannot hold (the count stops just past the limit). */
export async function assertFitsFormat(db: Db | Tx, plan: ExportPlan, total?: number): Promise<void> {
  if (plan.request.format !== 'xlsx') return;
  const rows = total ?? (await countRows(db, plan.source, XLSX_MAX_DATA_ROWS));
  if (rows > XLSX_MAX_DATA_ROWS) {
    throw new AppError('EXPORT_TOO_LARGE', `An XLSX sheet holds at most ${XLSX_MAX_DATA_ROWS.toLocaleString('en')} rows; export as CSV instead`, {
      max_rows: XLSX_MAX_DATA_ROWS,
      format: 'xlsx',
      suggestion: 'csv',
    });
  }
}

/**
 * Streams the rows of a plan into `out` as CSV or XLSX, batch by batch (keyset, bounded memory), inside
 * one REPEATABLE READ read-only transaction: every batch sees the same snapshot, so a row that is edited
 * or moves in the sort order during a long export is neither skipped nor written twice.
 */
export async function writeExport(db: Db, plan: ExportPlan, out: Writable, options: ExportOptions = {}): Promise<ExportResult> {
  const { source, request } = plan;
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const sink = request.format === 'csv' ? csvSink(out) : xlsxSink(out, request.object);
  const rows = await db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (tx) => {
    const total = options.total ?? (await countRows(tx, source));
    await sink.begin(source.columns);
    let done = 0;
    let after: Keyset | null = null;
    for (;;) {
      const batch = await fetchBatch(tx, source, after, batchSize);
      if (batch.rows.length > 0) await sink.write(batch.rows);
      done += batch.rows.length;
      after = batch.last;
      await options.onProgress?.(done, Math.max(total, done));
      if (batch.baseRows < batchSize) break;
    }
    return done;
  });
  await sink.end();
  return { rows, columns: source.columns.map((c) => c.header) };
}

/**
 * The whole export for one principal (CLI, jobs): plan, count, size check, stream. The HTTP route calls
 * the steps itself, to decide between a direct download and a job before any header is sent.
 */
export async function exportRecords(db: Db, principal: Principal, request: ExportRequest, out: Writable, options: ExportOptions = {}): Promise<ExportResult & { total: number }> {
  const plan = await planExport(db, principal, request);
  const total = options.total ?? (await countExport(db, plan));
  await assertFitsFormat(db, plan, total);
  const result = await writeExport(db, plan, out, { ...options, total });
  return { ...result, total };
}
