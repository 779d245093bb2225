import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { visibilityFor } from '../../accounts/index.ts';
import type { ImportContext } from './import-context.ts';
import { refuseDuplicatesInFile, refuseRows, type StageRef } from './refuse-rows.ts';

/** The header a target is read from, for the error report. */
export function headerOf(ctx: ImportContext, target: string | null): string | null {
  if (target === null) return null;
  const index = ctx.columns.get(target);
  return index === undefined ? null : (ctx.headers[index] ?? target);
}

export type MatchSpec = {
  /** contacts, companies, orders, products */
  table: string;
  /** match key → stored column and the SQL type the staged text is cast to; `fold`: compared lower-cased (names) */
  columns: Record<string, { column: string; cast: 'text' | 'citext'; fold?: boolean }>;
  /** whether the table has soft deletes (`deleted_at`) */
  softDelete: boolean;
  /** whether the data scope applies (records with an owner) */
  scoped: boolean;
  label: string;
  /** contacts and companies: external ids of merged records lead to the record they were merged into */
  aliases?: boolean;
};

/**
 * The rules every record import shares, set-based on the staging table: duplicates inside the file,
 * matching on the natural key (target_id), the mode (create refuses matches, update refuses misses),
 * the caller's right to edit what matched, and external ids that belong to another record.
 */
export async function matchAndCheck(tx: Tx, stage: StageRef, ctx: ImportContext, principal: Principal, spec: MatchSpec): Promise<void> {
  const ws = ctx.workspaceId;
  const t = stage.table;
  const table = sql.table(spec.table);
  const live = spec.softDelete ? sql`and c.deleted_at is null` : sql``;
  const match = ctx.matchKey ? spec.columns[ctx.matchKey] : undefined;
  if (ctx.matchKey) await refuseDuplicatesInFile(tx, stage, 'match_value', headerOf(ctx, ctx.matchKey));
  if (ctx.matchKey !== 'external_id') await refuseDuplicatesInFile(tx, stage, 'external_id', headerOf(ctx, 'external_id'));
  if (match) {
    const stored = match.fold ? sql`lower(c.${sql.ref(match.column)})` : sql`c.${sql.ref(match.column)}`;
    await sql`update ${t} s set target_id = m.id
              from (select distinct on (s2.row_number) s2.row_number, c.id from ${t} s2
                    join ${table} c on c.workspace_id = ${ws} ${live} and ${stored} = s2.match_value::${sql.raw(match.cast)}
                    order by s2.row_number, c.id) m
              where m.row_number = s.row_number`.execute(tx);
  }
  if (spec.aliases && ctx.matchKey === 'external_id') {
    // the survivor keeps its own external id; the merged one stays with the merged record (an alias)
    await sql`update ${t} s set target_id = a.survivor_id, external_id = null
              from record_aliases a join ${table} c on c.workspace_id = a.workspace_id and c.id = a.survivor_id and c.deleted_at is null
              where a.workspace_id = ${ws} and a.object_type = ${spec.table} and a.alias_external_id = s.match_value and s.target_id is null`.execute(tx);
  }
  const keyHeader = headerOf(ctx, ctx.matchKey);
  if (ctx.mode === 'create') {
    await refuseRows(tx, stage, { code: 'IMPORT_RECORD_EXISTS', column: keyHeader, message: sql`${`Matches the existing ${spec.label} #`}::text || s.target_id`, where: sql`s.target_id is not null` });
  }
  if (ctx.mode === 'update') {
    await refuseRows(tx, stage, { code: 'IMPORT_RECORD_NOT_FOUND', column: keyHeader, message: sql`${`No ${spec.label} matches this row`}::text`, where: sql`s.target_id is null` });
  }
  if (spec.scoped) {
    const writable = await visibilityFor(tx, principal, spec.table, 'c', 'write');
    await refuseRows(tx, stage, {
      code: 'PERMISSION_DENIED',
      column: keyHeader,
      message: sql`${`Matches a ${spec.label} you may not edit`}::text`,
      where: sql`s.target_id is not null and not exists (select 1 from ${table} c where c.workspace_id = ${ws} and c.id = s.target_id and ${writable})`,
    });
  }
  await refuseRows(tx, stage, {
    code: 'UNIQUE_VIOLATION',
    column: headerOf(ctx, 'external_id'),
    message: sql`${`Another ${spec.label} already has the external id `}::text || s.external_id`,
    where: sql`s.external_id is not null and exists (select 1 from ${table} c where c.workspace_id = ${ws} and c.external_id = s.external_id and c.id is distinct from s.target_id)`,
  });
}

/** New records must carry every required custom field. */
export async function refuseMissingRequired(tx: Tx, stage: StageRef, ctx: ImportContext): Promise<void> {
  for (const def of ctx.definitions.filter((d) => d.required)) {
    await refuseRows(tx, stage, {
      code: 'FIELD_REQUIRED',
      column: headerOf(ctx, `attributes.${def.key}`) ?? def.label,
      message: sql`${`The field "${def.label}" is required`}::text`,
      where: sql`s.target_id is null and not (coalesce(s.attributes, '{}'::jsonb) ? ${def.key})`,
      seq: 110,
    });
  }
}

/**
 * Matched rows that would change nothing are set aside (target_id negated) and counted as unchanged;
 * the others get a before-image for undo. Returns how many will be updated.
 */
export async function snapshotChanged(tx: Tx, stage: StageRef, ctx: ImportContext, table: string, changed: RawBuilder<unknown>, restorable: readonly string[]): Promise<number> {
  const ws = ctx.workspaceId;
  const t = stage.table;
  const tbl = sql.table(table);
  await sql`update ${t} s set target_id = -s.target_id
            from ${tbl} c where c.workspace_id = ${ws} and c.id = s.target_id and not (${changed})`.execute(tx);
  const image = sql.raw(`jsonb_build_object(${restorable.map((c) => `'${c}', c.${c}`).join(', ')})`);
  const { rows } = await sql<{ n: string }>`
    with before as (
      insert into import_batch_rows (workspace_id, batch_id, object_type, record_id, action, version_after, before)
      select ${ws}, ${ctx.batchId}, ${table}, c.id, 'u', c.version + 1, ${image}
      from ${t} s join ${tbl} c on c.workspace_id = ${ws} and c.id = s.target_id
      where s.target_id > 0
      returning 1
    )
    select count(*)::text as n from before`.execute(tx);
  return Number(rows[0]?.n ?? 0);
}

export async function countUnchanged(tx: Tx, stage: StageRef): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*)::text as n from ${stage.table} s where s.target_id < 0`.execute(tx);
  return Number(rows[0]?.n ?? 0);
}

/** `(s.col is not null and s.col is distinct from c.col)` for each column the file maps. */
export function differs(columns: readonly string[]): string[] {
  return columns.map((c) => `(s.${c} is not null and s.${c} is distinct from c.${c})`);
}
