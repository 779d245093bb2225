import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import type { ApplyCounts } from './apply-contacts.ts';
import type { ImportContext } from './import-context.ts';
import { countUnchanged, differs, headerOf, matchAndCheck, snapshotChanged, type MatchSpec } from './match-rows.ts';
import { refuseRows, type StageRef } from './refuse-rows.ts';

const PLAIN = ['external_id', 'sku', 'name', 'price_minor', 'currency', 'active'] as const;
export const PRODUCT_RESTORABLE = [...PLAIN, 'import_batch_id'] as const;

const MATCH: MatchSpec = {
  table: 'products',
  columns: { external_id: { column: 'external_id', cast: 'text' }, sku: { column: 'sku', cast: 'text' } },
  softDelete: false,
  scoped: false,
  label: 'product',
};

/** Products: matched by SKU or external id; a SKU is unique in a workspace, in the file too. */
export async function applyProducts(tx: Tx, stage: StageRef, ctx: ImportContext, principal: Principal): Promise<ApplyCounts> {
  const ws = ctx.workspaceId;
  const t = stage.table;
  await matchAndCheck(tx, stage, ctx, principal, MATCH);
  await refuseRows(tx, stage, {
    code: 'UNIQUE_VIOLATION', column: headerOf(ctx, 'sku'), message: sql`'Another product already has the SKU ' || s.sku`,
    where: sql`s.sku is not null and exists (select 1 from products p where p.workspace_id = ${ws} and p.sku = s.sku and p.id is distinct from s.target_id)`,
  });
  await refuseRows(tx, stage, { code: 'FIELD_REQUIRED', column: null, message: sql`'A new product needs a SKU and a name'`, where: sql`s.target_id is null and (s.sku is null or s.name is null)` });
  const mapped = PLAIN.filter((c) => ctx.columns.has(c === 'price_minor' ? 'price' : c));
  const diffs = differs(mapped);
  const changes = await snapshotChanged(tx, stage, ctx, 'products', diffs.length ? sql.raw(diffs.join(' or ')) : sql`false`, PRODUCT_RESTORABLE);
  let updated = 0;
  if (changes > 0) {
    const { rows } = await sql<{ n: string }>`
      with upd as (
        update products c set ${sql.raw(PLAIN.map((col) => `${col} = coalesce(s.${col}, c.${col})`).join(', '))},
          import_batch_id = ${ctx.batchId}, version = c.version + 1, updated_at = now()
        from ${t} s where c.workspace_id = ${ws} and c.id = s.target_id and s.target_id > 0
        returning c.id
      )
      select count(*)::text as n from upd`.execute(tx);
    updated = Number(rows[0]?.n ?? 0);
  }
  const unchanged = await countUnchanged(tx, stage);
  const { rows } = await sql<{ n: string }>`
    with ins as (
      insert into products (workspace_id, external_id, sku, name, price_minor, currency, active, import_batch_id)
      select ${ws}, s.external_id, s.sku, s.name, coalesce(s.price_minor, 0), coalesce(s.currency, ${ctx.currency}), coalesce(s.active, true), ${ctx.batchId}
      from ${t} s where s.target_id is null order by s.row_number
      returning id
    ), logged as (
      insert into import_batch_rows (workspace_id, batch_id, object_type, record_id, action, version_after)
      select ${ws}, ${ctx.batchId}, 'products', id, 'c', 1 from ins
    )
    select count(*)::text as n from ins`.execute(tx);
  return { created: Number(rows[0]?.n ?? 0), updated, unchanged };
}
