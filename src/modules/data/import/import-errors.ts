import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { CSV_BOM, csvLine } from '../../customers/index.ts';

type ErrorRow = { row: number; seq: number; column: string | null; code: string; message: string; cells: string[] | null };

/** Keyset over (row, seq): `cursor` is "row:seq" of the last line seen. */
export async function listImportErrors(db: Db, workspaceId: string, batchId: string, cursor: string | null, limit: number) {
  let after: [number, number] = [0, -1];
  if (cursor !== null) {
    const m = /^(\d+):(\d+)$/.exec(cursor);
    if (!m) throw new AppError('CURSOR_INVALID', 'The cursor is not one this list gave');
    after = [Number(m[1]), Number(m[2])];
  }
  const { rows } = await sql<ErrorRow>`
    select row_number as row, seq, column_name as column, code, message, null as cells from import_errors
    where workspace_id = ${workspaceId} and batch_id = ${batchId} and (row_number, seq) > (${after[0]}, ${after[1]})
    order by row_number, seq limit ${limit + 1}`.execute(db);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: page.map((r) => ({ row: r.row, column: r.column, code: r.code, message: r.message })),
    next_cursor: rows.length > limit && last ? `${last.row}:${last.seq}` : null,
  };
}

const REPORT_PAGE = 5_000;

/**
 * The downloadable error report: row number, column, code and message, then the row's original cells
 * under the file's own headers, so a user can fix the rows and import the report again. Streamed in pages.
 */
export function errorReportCsv(db: Db, workspaceId: string, batchId: string, headers: readonly string[]): Readable {
  async function* lines() {
    const header = ['row', 'column', 'code', 'message', ...headers];
    yield CSV_BOM + csvLine(header, header.map(() => 'text'));
    let after: [number, number] = [0, -1];
    for (;;) {
      const { rows } = await sql<ErrorRow>`
        select row_number as row, seq, column_name as column, code, message, cells from import_errors
        where workspace_id = ${workspaceId} and batch_id = ${batchId} and (row_number, seq) > (${after[0]}, ${after[1]})
        order by row_number, seq limit ${REPORT_PAGE}`.execute(db);
      if (rows.length === 0) return;
      let chunk = '';
      for (const r of rows) {
        const values = [String(r.row), r.column ?? '', r.code, r.message, ...(r.cells ?? [])];
        chunk += csvLine(values, values.map(() => 'text'));
      }
      yield chunk;
      const last = rows[rows.length - 1]!;
      after = [last.row, last.seq];
    }
  }
  return Readable.from(lines());
}
