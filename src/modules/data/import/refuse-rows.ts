import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';

export type StageRef = { workspaceId: string; batchId: string; table: RawBuilder<unknown> };

/**
 * One set-based rule of the apply phase: the staged rows `where` selects are written to the error
 * report and leave the staging table, in one statement. `message` may use the staged row as `s`.
 */
export async function refuseRows(
  tx: Tx,
  stage: StageRef,
  rule: { code: string; column: string | null; message: RawBuilder<unknown>; where: RawBuilder<unknown>; seq?: number },
): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    with bad as (
      select s.row_number, ${rule.message}::text as message from ${stage.table} s where ${rule.where}
    ), logged as (
      insert into import_errors (workspace_id, batch_id, row_number, seq, column_name, code, message)
      select ${stage.workspaceId}, ${stage.batchId}, bad.row_number, ${rule.seq ?? 100}, ${rule.column}, ${rule.code}, bad.message from bad
      on conflict do nothing
    ), gone as (
      delete from ${stage.table} s using bad where s.row_number = bad.row_number returning 1
    )
    select count(*)::text as n from gone`.execute(tx);
  return Number(rows[0]?.n ?? 0);
}

/** Later rows of the file with the same value in `column` (case-insensitive) as an earlier row. */
export async function refuseDuplicatesInFile(tx: Tx, stage: StageRef, column: string, header: string | null): Promise<number> {
  const col = sql.ref(`s.${column}`);
  const label = header ?? column;
  const { rows } = await sql<{ n: string }>`
    with d as (
      select s.row_number, first_value(s.row_number) over (partition by lower(${col}::text) order by s.row_number) as first_row
      from ${stage.table} s where ${col} is not null
    ), bad as (select row_number, first_row from d where row_number <> first_row),
    logged as (
      insert into import_errors (workspace_id, batch_id, row_number, seq, column_name, code, message)
      select ${stage.workspaceId}, ${stage.batchId}, bad.row_number, 90, ${label}, 'IMPORT_DUPLICATE_IN_FILE',
             'The same ' || ${label}::text || ' as row ' || bad.first_row || ' of this file' from bad
      on conflict do nothing
    ), gone as (delete from ${stage.table} s using bad where s.row_number = bad.row_number returning 1)
    select count(*)::text as n from gone`.execute(tx);
  return Number(rows[0]?.n ?? 0);
}
