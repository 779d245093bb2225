import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { qualityFrom, stalePredicate, type CompletenessField, type InvalidCheck, type QualityObject } from './quality-fields.ts';

export type Measurement = {
  total: number;
  /** records with each completeness field filled, in the order of the fields passed in */
  filled: number[];
  /** records failing each invalid check, in the order of the checks passed in */
  invalid: number[];
  /** stale records for each window passed in (months), in that order */
  stale: number[];
};

/**
 * Every figure of the page in one pass over the live records that `visible` admits: one `count(*)
 * filter (…)` per field, check and stale window, so the cost is one scan whatever their number
 * (PostgreSQL runs it in parallel on a large table) rather than one query per figure.
 */
export async function measureQuality(
  db: Db,
  workspaceId: string,
  object: QualityObject,
  options: { visible: RawBuilder<boolean>; fields: readonly CompletenessField[]; checks: readonly InvalidCheck[]; staleMonths: readonly number[] },
): Promise<Measurement> {
  const counts = (predicates: RawBuilder<boolean>[]) =>
    predicates.length === 0
      ? sql`'{}'::int[]`
      : sql`array[${sql.join(predicates.map((p) => sql`count(*) filter (where ${p})`))}]::int[]`;
  const { rows } = await sql<{ total: number; filled: number[]; invalid: number[]; stale: number[] }>`
    select count(*)::int as total,
           ${counts(options.fields.map((f) => f.filled))} as filled,
           ${counts(options.checks.map((c) => c.invalid))} as invalid,
           ${counts(options.staleMonths.map((m) => stalePredicate(object, m)))} as stale
    ${qualityFrom(object, workspaceId)}
    where r.workspace_id = ${workspaceId} and r.deleted_at is null and ${options.visible}`.execute(db);
  const row = rows[0];
  return { total: row?.total ?? 0, filled: row?.filled ?? [], invalid: row?.invalid ?? [], stale: row?.stale ?? [] };
}
