import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { ImportObject } from './mapping/index.ts';

export type ImportOptions = {
  headers?: string[];
  mapping?: Record<string, string | null>;
  all_or_nothing?: boolean;
  create_missing_contacts?: boolean;
  /** keys of the custom fields the import created */
  created_fields?: string[];
  /** their ids: undo removes these fields (unless a record holds a value) */
  created_field_ids?: string[];
};

export type ImportBatchRow = {
  id: string;
  object_type: ImportObject;
  file_name: string;
  path: string;
  format: string | null;
  encoding: string | null;
  mode: string;
  match_key: string | null;
  options: ImportOptions;
  status: string;
  rows_read: number;
  rows_staged: number;
  rows_total: number | null;
  rows_created: number;
  rows_updated: number;
  rows_unchanged: number;
  rows_failed: number;
  error: { code: string; message: string; details?: Record<string, unknown> } | null;
  job_id: string | null;
  undo_job_id: string | null;
  undo_result: Record<string, unknown> | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  undone_at: string | null;
};

export const BATCH_COLUMNS = sql`b.id::text, b.object_type, b.file_name, b.path, b.format, b.encoding, b.mode, b.match_key, b.options, b.status,
  b.rows_read, b.rows_staged, b.rows_total, b.rows_created, b.rows_updated, b.rows_unchanged, b.rows_failed, b.error,
  b.job_id::text, b.undo_job_id::text, b.undo_result, b.created_by::text, u.name as created_by_name,
  to_json(b.created_at)#>>'{}' as created_at, to_json(b.started_at)#>>'{}' as started_at,
  to_json(b.finished_at)#>>'{}' as finished_at, to_json(b.undone_at)#>>'{}' as undone_at`;

export async function loadBatch(db: Db | Tx, workspaceId: string, batchId: string): Promise<ImportBatchRow> {
  const { rows } = await sql<ImportBatchRow>`
    select ${BATCH_COLUMNS} from import_batches b left join users u on u.workspace_id = b.workspace_id and u.id = b.created_by
    where b.workspace_id = ${workspaceId} and b.id = ${batchId}`.execute(db);
  if (!rows[0]) throw notFound('Import');
  return rows[0];
}

/** The batch as the API shows it: no server paths. */
export function batchJson(b: ImportBatchRow) {
  return {
    id: b.id, object: b.object_type, file_name: b.file_name, format: b.format, encoding: b.encoding, status: b.status, mode: b.mode, match: b.match_key,
    rows_read: b.rows_read, rows_total: b.rows_total, rows_created: b.rows_created, rows_updated: b.rows_updated, rows_unchanged: b.rows_unchanged,
    rows_failed: b.rows_failed, error: b.error, job_id: b.job_id, undo_job_id: b.undo_job_id, undo_result: b.undo_result,
    created_by_name: b.created_by_name, created_at: b.created_at, started_at: b.started_at, finished_at: b.finished_at, undone_at: b.undone_at,
  };
}
export type ImportBatchJson = ReturnType<typeof batchJson>;
