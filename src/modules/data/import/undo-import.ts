import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { can, type Principal } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { COMPANY_RESTORABLE } from './apply-companies.ts';
import { CONTACT_RESTORABLE } from './apply-contacts.ts';
import { PRODUCT_RESTORABLE } from './apply-products.ts';
import { ORDER_RESTORABLE } from './apply-orders.ts';
import { refreshContactAggregates } from '../../customers/index.ts';
import { removeCreatedFields } from './remove-created-fields.ts';

export type UndoConflict = { object: string; record_id: string; reason: string };
export type UndoResult = { removed: number; restored: number; fields_removed: number; conflicts: UndoConflict[] };

/** Tables whose rows point at a record; a created record that gained such rows is kept, not deleted. */
const DEPENDENTS: Record<string, readonly { table: string; column: string }[]> = {
  contacts: [{ table: 'orders', column: 'contact_id' }, { table: 'notes', column: 'contact_id' }, { table: 'tasks', column: 'contact_id' }, { table: 'activities', column: 'contact_id' }],
  companies: [{ table: 'contacts', column: 'company_id' }, { table: 'orders', column: 'company_id' }, { table: 'notes', column: 'company_id' },
    { table: 'tasks', column: 'company_id' }, { table: 'activities', column: 'company_id' }],
  products: [{ table: 'order_lines', column: 'product_id' }],
};
const RESTORABLE: Record<string, readonly string[]> = { contacts: CONTACT_RESTORABLE, companies: COMPANY_RESTORABLE, products: PRODUCT_RESTORABLE, orders: ORDER_RESTORABLE };
const CONFLICT_LIST_MAX = 1_000;
/** Objects that can be merged: a merged record belongs to its merge (undo-merge brings it back), not to the import. */
const MERGEABLE = new Set(['contacts', 'companies']);
/** Dependents before what they point at: orders before contacts, contacts before companies. */
const UNDO_ORDER = ['orders', 'contacts', 'companies', 'products'] as const;

/** Refuses early (before a job is queued) what can never be undone. */
export async function checkUndoable(db: Db | Tx, principal: Principal, batchId: string): Promise<{ object: string }> {
  const { rows } = await sql<{ status: string; object_type: string }>`
    select status, object_type from import_batches where workspace_id = ${principal.workspaceId} and id = ${batchId}`.execute(db);
  const batch = rows[0];
  if (!batch) throw new AppError('NOT_FOUND', 'Import not found');
  if (!can(principal, batch.object_type, 'import')) throw new AppError('PERMISSION_DENIED', `You may not import ${batch.object_type}`);
  if (batch.status !== 'succeeded') throw new AppError('IMPORT_NOT_UNDOABLE', `An import that is ${batch.status} cannot be undone`, { status: batch.status });
  return { object: batch.object_type };
}

/**
 * Undo import, in one transaction: records the batch created are deleted unless edited since or used by
 * other records (orders, notes …); records it updated get their previous values back (an order its
 * previous lines too) unless edited since; custom fields it created are removed unless a record still holds
 * a value for them. Whatever is kept is reported as a conflict — later work is never silently lost.
 */
export async function undoImport(db: Db, principal: Principal, batchId: string): Promise<UndoResult> {
  return db.transaction().execute(async (tx) => {
    const { rows: locked } = await sql<{ status: string }>`
      select status from import_batches where workspace_id = ${principal.workspaceId} and id = ${batchId} for update`.execute(tx);
    if (!locked[0]) throw new AppError('NOT_FOUND', 'Import not found');
    if (locked[0].status !== 'succeeded') throw new AppError('IMPORT_NOT_UNDOABLE', `An import that is ${locked[0].status} cannot be undone`, { status: locked[0].status });
    const ws = principal.workspaceId;
    const conflicts: UndoConflict[] = [];
    let restored = 0;
    let removed = 0;
    // the customers whose order figures the undo changes: recomputed at the end
    const { rows: customers } = await sql<{ id: string }>`
      select distinct o.contact_id::text as id from import_batch_rows r join orders o on o.workspace_id = r.workspace_id and o.id = r.record_id
      where r.workspace_id = ${ws} and r.batch_id = ${batchId} and r.object_type = 'orders' and o.contact_id is not null
      union select r.before->>'contact_id' from import_batch_rows r
      where r.workspace_id = ${ws} and r.batch_id = ${batchId} and r.object_type = 'orders' and r.before->>'contact_id' is not null`.execute(tx);
    for (const object of UNDO_ORDER) {
      const table = sql.table(object);
      const columns = RESTORABLE[object];
      if (columns) {
        const { rows: edited } = await sql<{ record_id: string }>`
          select r.record_id::text from import_batch_rows r join ${table} t on t.workspace_id = r.workspace_id and t.id = r.record_id
          where r.workspace_id = ${ws} and r.batch_id = ${batchId} and r.object_type = ${object} and r.action = 'u' and t.version <> r.version_after
          order by r.record_id`.execute(tx);
        for (const r of edited) conflicts.push({ object, record_id: r.record_id, reason: 'edited after the import: the later values are kept' });
        // before the headers: both take the same records, those whose version is still the import's
        if (object === 'orders') await restoreOrderLines(tx, ws, batchId);
        const list = sql.raw(columns.join(', '));
        // a custom field deleted since the import does not come back with the old values: its key could be
        // created again, and must not find them (fields that are being deleted are locked by their job's retire)
        const pick = sql.join(columns.map((c) => (c === 'attributes'
          ? sql`(select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) from jsonb_each(p.attributes) e
                 where exists (select 1 from field_definitions d where d.workspace_id = ${ws} and d.object_type = ${object}
                               and d.key = e.key and d.retired_at is null))`
          : sql.raw(`p.${c}`))));
        const { rows } = await sql<{ n: string }>`
          with upd as (
            update ${table} t set (${list}) = (select ${pick} from jsonb_populate_record(null::${table}, r.before) p),
              version = t.version + 1, updated_at = now()
            from import_batch_rows r
            where r.workspace_id = ${ws} and r.batch_id = ${batchId} and r.object_type = ${object} and r.action = 'u'
              and t.workspace_id = r.workspace_id and t.id = r.record_id and t.version = r.version_after
            returning t.id
          ), logged as (
            insert into audit_log (workspace_id, object_type, record_id, actor_id, action, changes)
            select ${ws}, ${object}, id, ${principal.userId}, 'update', jsonb_build_object('import_undone', jsonb_build_array(null, ${batchId}::bigint)) from upd
          )
          select count(*)::text as n from upd`.execute(tx);
        restored += Number(rows[0]?.n ?? 0);
      }
      const used = (DEPENDENTS[object] ?? []).map((d) => sql`exists (select 1 from ${sql.table(d.table)} x where x.workspace_id = t.workspace_id and x.${sql.ref(d.column)} = t.id)`);
      if (MERGEABLE.has(object)) used.push(sql`t.merged_into_id is not null`);
      const inUse = used.length ? sql.join(used, sql` or `) : sql`false`;
      const { rows: kept } = await sql<{ record_id: string; edited: boolean }>`
        select t.id::text as record_id, t.version <> 1 as edited from import_batch_rows r join ${table} t on t.workspace_id = r.workspace_id and t.id = r.record_id
        where r.workspace_id = ${ws} and r.batch_id = ${batchId} and r.object_type = ${object} and r.action = 'c' and (t.version <> 1 or ${inUse})
        order by t.id`.execute(tx);
      for (const k of kept) {
        conflicts.push({ object, record_id: k.record_id, reason: k.edited ? 'edited after the import: kept' : 'has related records (orders, notes …) or was merged: kept' });
      }
      const { rows: gone } = await sql<{ n: string }>`
        with del as (
          delete from ${table} t using import_batch_rows r
          where r.workspace_id = ${ws} and r.batch_id = ${batchId} and r.object_type = ${object} and r.action = 'c'
            and t.workspace_id = r.workspace_id and t.id = r.record_id and t.version = 1 and not (${inUse})
          returning t.id
        )
        select count(*)::text as n from del`.execute(tx);
      removed += Number(gone[0]?.n ?? 0);
    }
    if (customers.length > 0) await refreshContactAggregates(tx, ws, { ids: customers.map((c) => c.id) });
    // after the records: a field goes only when no record is left holding a value for it
    const fields = await removeCreatedFields(tx, principal, batchId);
    conflicts.push(...fields.conflicts);
    const result: UndoResult = { removed, restored, fields_removed: fields.removed, conflicts: conflicts.slice(0, CONFLICT_LIST_MAX) };
    await sql`update import_batches set status = 'undone', undone_at = now(),
                undo_result = ${JSON.stringify({ ...result, conflict_count: conflicts.length })}::jsonb
              where workspace_id = ${ws} and id = ${batchId}`.execute(tx);
    await recordAudit(tx, {
      workspaceId: ws, objectType: 'import_batches', recordId: batchId, actorId: principal.userId, action: 'undo',
      changes: { removed: [null, removed], restored: [null, restored], fields_removed: [null, fields.removed], conflicts: [null, conflicts.length] },
    });
    return result;
  });
}

/**
 * Orders the batch updated, not edited since, whose before-image holds lines (the import replaced them):
 * the lines the import wrote give way to the previous ones, under their previous ids. A product deleted
 * since leaves its line without a product link, as deleting it would have.
 */
async function restoreOrderLines(tx: Tx, ws: string, batchId: string): Promise<void> {
  await sql`
    with restorable as (
      select r.record_id, r.before->'lines' as lines from import_batch_rows r join orders o on o.workspace_id = r.workspace_id and o.id = r.record_id
      where r.workspace_id = ${ws} and r.batch_id = ${batchId} and r.object_type = 'orders' and r.action = 'u' and r.before ? 'lines'
        and o.version = r.version_after
    ), removed as (
      delete from order_lines l using restorable x where l.workspace_id = ${ws} and l.order_id = x.record_id
    )
    insert into order_lines (workspace_id, id, order_id, product_id, product_name, quantity, unit_price_minor, amount_minor) overriding system value
    select ${ws}, (e->>'id')::bigint, x.record_id, p.id, e->>'product_name', (e->>'quantity')::numeric, (e->>'unit_price_minor')::bigint, (e->>'amount_minor')::bigint
    from restorable x cross join lateral jsonb_array_elements(x.lines) e
    left join products p on p.workspace_id = ${ws} and p.id = (e->>'product_id')::bigint
    order by (e->>'id')::bigint`.execute(tx);
}
