import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/access.ts';
import { contactSearchColumns, orderVisibleSql, refreshContactAggregates } from '../../customers/index.ts';
import type { ApplyCounts } from './apply-contacts.ts';
import type { ImportContext } from './import-context.ts';
import { headerOf } from './match-rows.ts';
import { refuseRows, type StageRef } from './refuse-rows.ts';

export const ORDER_RESTORABLE = ['status', 'channel', 'ordered_at', 'currency', 'total_minor', 'contact_id', 'external_id', 'import_batch_id'] as const;

/**
 * Marks the staged lines a rule fails (first failure wins); nothing leaves the staging table until every
 * rule ran, so that an order with one bad line is refused whole — never loaded with lines missing.
 */
async function fail(tx: Tx, t: RawBuilder<unknown>, code: string, column: string | null, message: RawBuilder<unknown>, where: RawBuilder<unknown>): Promise<void> {
  await sql`update ${t} s set fail_code = ${code}, fail_column = ${column}, fail_message = ${message}::text where s.fail_code is null and (${where})`.execute(tx);
}

/**
 * Orders with lines: staged rows with the same order number form one order. Customers are linked by
 * external id, email or phone (or created, with create_missing_contacts), products by SKU. New orders and
 * their lines are inserted set-based; existing ones (update/upsert) get their header fields updated and,
 * when the file carries lines for them, exactly those lines.
 */
export async function applyOrders(tx: Tx, stage: StageRef, ctx: ImportContext, principal: Principal): Promise<ApplyCounts> {
  const ws = ctx.workspaceId;
  const t = stage.table;
  const numberIndex = ctx.columns.get('number') ?? ctx.columns.get('external_id');
  const keyColumn = ctx.matchKey === 'external_id' ? 'external_id' : 'number';
  await sql`update ${t} s set target_id = o.id from orders o
            where o.workspace_id = ${ws} and o.deleted_at is null and o.${sql.ref(keyColumn)} = s.match_value`.execute(tx);
  if (ctx.mode === 'create') await fail(tx, t, 'IMPORT_RECORD_EXISTS', headerOf(ctx, ctx.matchKey), sql`'Matches the existing order #' || s.target_id`, sql`s.target_id is not null`);
  if (ctx.mode === 'update') await fail(tx, t, 'IMPORT_RECORD_NOT_FOUND', headerOf(ctx, ctx.matchKey), sql`'No order matches this row'`, sql`s.target_id is null`);
  // an existing order is changed only by someone who may change it through the API (data scope or a share)
  const writable = await orderVisibleSql(tx, principal);
  await fail(tx, t, 'PERMISSION_DENIED', headerOf(ctx, ctx.matchKey), sql`'Matches an order you may not edit'`,
    sql`s.target_id is not null and not exists (select 1 from orders o where o.workspace_id = ${ws} and o.id = s.target_id and ${writable})`);
  await fail(tx, t, 'UNIQUE_VIOLATION', headerOf(ctx, 'number'), sql`'An order in the trash has the number ' || s.number`,
    sql`s.target_id is null and exists (select 1 from orders o where o.workspace_id = ${ws} and o.number = s.number)`);

  await linkContacts(tx, t, ws);
  if (ctx.createMissingContacts) {
    await createMissingContacts(tx, t, ctx);
    await linkContacts(tx, t, ws);
  }
  await fail(tx, t, 'IMPORT_CUSTOMER_NOT_FOUND', null, sql`'No contact matches ' || coalesce(s.contact_external_id, s.contact_email::text, s.contact_phone)`,
    sql`s.contact_id is null and coalesce(s.contact_external_id, s.contact_email::text, s.contact_phone) is not null`);

  await sql`update ${t} s set product_id = p.id from products p where p.workspace_id = ${ws} and p.sku = s.line_sku`.execute(tx);
  await fail(tx, t, 'REFERENCE_INVALID', headerOf(ctx, 'line_sku'), sql`'No product has the SKU ' || s.line_sku`, sql`s.line_sku is not null and s.product_id is null and s.line_product_name is null`);
  await fail(tx, t, 'FIELD_REQUIRED', headerOf(ctx, 'ordered_at'), sql`'A new order needs its order date'`,
    sql`s.target_id is null and not exists (select 1 from ${t} h where h.number = s.number and h.ordered_at is not null)`);

  // one failing line refuses its whole order; lines refused while staging count too (their cells hold the number)
  await sql`
    with bad as (select row_number, fail_code, fail_column, fail_message from ${t} where fail_code is not null)
    insert into import_errors (workspace_id, batch_id, row_number, seq, column_name, code, message)
    select ${ws}, ${ctx.batchId}, row_number, 100, fail_column, fail_code, fail_message from bad on conflict do nothing`.execute(tx);
  const failedNumbers = numberIndex === undefined ? sql`select null::text where false`
    : sql`select e.cells->>${numberIndex}::int from import_errors e where e.workspace_id = ${ws} and e.batch_id = ${ctx.batchId} and e.cells is not null
          union select number from ${t} where fail_code is not null`;
  await refuseRows(tx, stage, {
    code: 'IMPORT_ORDER_INCOMPLETE', column: null,
    message: sql`'Another line of order ' || s.number || ' failed: ' || case when s.target_id is null then 'the order was not imported' else 'the order was left as it was' end`,
    where: sql`s.fail_code is null and s.number in (${failedNumbers})`,
  });
  await sql`delete from ${t} where fail_code is not null`.execute(tx);

  const updated = await updateExisting(tx, t, ctx);
  const created = await insertOrders(tx, t, ctx);
  const { rows } = await sql<{ id: string }>`select distinct contact_id::text as id from ${t} where contact_id is not null
    union select (r.before->>'contact_id') from import_batch_rows r
    where r.workspace_id = ${ws} and r.batch_id = ${ctx.batchId} and r.object_type = 'orders' and r.before->>'contact_id' is not null`.execute(tx);
  if (rows.length > 0) await refreshContactAggregates(tx, ws, { ids: rows.map((r) => r.id) });
  return { created, updated: updated.updated, unchanged: updated.unchanged };
}

async function linkContacts(tx: Tx, t: RawBuilder<unknown>, ws: string): Promise<void> {
  for (const [staged, column] of [['contact_external_id', 'external_id'], ['contact_email', 'email'], ['contact_phone', 'phone']] as const) {
    await sql`update ${t} s set contact_id = m.id from (
                select distinct on (s2.row_number) s2.row_number, c.id from ${t} s2
                join contacts c on c.workspace_id = ${ws} and c.deleted_at is null and c.${sql.ref(column)} = s2.${sql.ref(staged)}
                where s2.contact_id is null order by s2.row_number, c.id) m
              where m.row_number = s.row_number`.execute(tx);
  }
}

/** A minimal contact per unknown customer key: the name the file gives, else the key itself. */
async function createMissingContacts(tx: Tx, t: RawBuilder<unknown>, ctx: ImportContext): Promise<void> {
  const { rows } = await sql<{ external_id: string | null; email: string | null; phone: string | null; name: string }>`
    select distinct on (coalesce(contact_external_id, contact_email::text, contact_phone))
           contact_external_id as external_id, contact_email::text as email, contact_phone as phone,
           coalesce(contact_name, contact_email::text, contact_phone, contact_external_id) as name
    from ${t} where contact_id is null and coalesce(contact_external_id, contact_email::text, contact_phone) is not null
    order by coalesce(contact_external_id, contact_email::text, contact_phone), row_number`.execute(tx);
  if (rows.length === 0) return;
  const docs = rows.map((r) => contactSearchColumns({ displayName: r.name, emails: [r.email], phones: [r.phone] }));
  await sql`
    with ins as (
      insert into contacts (workspace_id, last_name, display_name, external_id, email, emails, phone, phones, phone_rev, search_tokens, search_text, owner_id, created_by, import_batch_id)
      select ${ctx.workspaceId}, u.name, u.name, u.external_id, u.email::citext,
             case when u.email is null then '[]'::jsonb else jsonb_build_array(jsonb_build_object('value', u.email, 'label', null)) end,
             u.phone, case when u.phone is null then '[]'::jsonb else jsonb_build_array(jsonb_build_object('value', u.phone, 'label', null)) end,
             u.rev, array_to_tsvector(array(select jsonb_array_elements_text(u.tokens::jsonb))), u.text, ${ctx.userId}::bigint, ${ctx.userId}, ${ctx.batchId}
      from unnest(${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.external_id)}::text[], ${rows.map((r) => r.email)}::text[],
                  ${rows.map((r) => r.phone)}::text[], ${docs.map((d) => d.phone_rev)}::text[], ${docs.map((d) => JSON.stringify(d.search_tokens))}::text[],
                  ${docs.map((d) => d.search_text)}::text[]) as u(name, external_id, email, phone, rev, tokens, text)
      returning id
    ), aggregates as (insert into contact_aggregates (workspace_id, contact_id) select ${ctx.workspaceId}, id from ins)
    insert into import_batch_rows (workspace_id, batch_id, object_type, record_id, action, version_after)
    select ${ctx.workspaceId}, ${ctx.batchId}, 'contacts', id, 'c', 1 from ins`.execute(tx);
}

/**
 * The staged lines priced as the order API prices them: quantity × unit price (the file's, else the
 * product's), rounded half away from zero — `priceLines` in customers/orders/order-lines.ts.
 */
function pricedLines(t: RawBuilder<unknown>, ws: string): RawBuilder<unknown> {
  return sql`(select s.row_number, s.number, s.target_id, s.order_id, s.product_id, coalesce(s.line_product_name, p.name) as product_name,
                     coalesce(s.line_quantity, 1) as quantity, coalesce(s.line_unit_price_minor, p.price_minor, 0) as unit_price_minor,
                     round(coalesce(s.line_quantity, 1) * coalesce(s.line_unit_price_minor, p.price_minor, 0))::bigint as amount_minor
              from ${t} s left join products p on p.workspace_id = ${ws} and p.id = s.product_id
              where s.line_sku is not null or s.line_product_name is not null)`;
}

/** A line as the before-image and the comparison of line sets see it (the before-image adds its `id`). */
const LINE_JSON = sql.raw(`jsonb_build_object('product_id', l.product_id, 'product_name', l.product_name, 'quantity', l.quantity,
  'unit_price_minor', l.unit_price_minor, 'amount_minor', l.amount_minor)`);

/**
 * Existing orders (update/upsert): header fields the file fills, and the lines. An order whose rows carry
 * lines gets exactly those lines (added, changed, removed) when they differ from the stored ones as a
 * multiset, and its total becomes their sum unless the file gives one; an order whose rows carry no line
 * keeps its lines (blank cells never erase). The before-image holds the replaced lines, ids included, so
 * that undo puts the same rows back (replaced lines count as a change, so every such order has one).
 * One statement: every part reads the lines as they were before it.
 */
async function updateExisting(tx: Tx, t: RawBuilder<unknown>, ctx: ImportContext): Promise<{ updated: number; unchanged: number }> {
  const ws = ctx.workspaceId;
  const changed = sql`(p.replace_lines or (h.status is not null and h.status is distinct from o.status) or (h.channel is not null and h.channel is distinct from o.channel)
    or (h.ordered_at is not null and h.ordered_at is distinct from o.ordered_at) or (h.currency is not null and h.currency is distinct from o.currency::text)
    or (h.contact_id is not null and h.contact_id is distinct from o.contact_id) or (p.total_minor is not null and p.total_minor is distinct from o.total_minor))`;
  const image = sql.raw(`jsonb_build_object(${ORDER_RESTORABLE.map((c) => `'${c}', o.${c}`).join(', ')})`);
  const { rows } = await sql<{ updated: string; matched: string }>`
    with file_lines as (
      select * from ${pricedLines(t, ws)} l where l.target_id is not null
    ), incoming as (
      select l.target_id, jsonb_agg(${LINE_JSON} order by ${LINE_JSON}) as shape, sum(l.amount_minor)::bigint as lines_total
      from file_lines l group by l.target_id
    ), stored as (
      select l.order_id, jsonb_agg(${LINE_JSON} order by ${LINE_JSON}) as shape,
             jsonb_agg(${LINE_JSON} || jsonb_build_object('id', l.id) order by l.id) as lines
      from order_lines l where l.workspace_id = ${ws} and l.order_id in (select target_id from incoming) group by l.order_id
    ), plan as (
      select h.target_id, h.row_number, i.target_id is not null and i.shape is distinct from st.shape as replace_lines, st.lines as old_lines,
             coalesce(h.total_minor, case when i.target_id is not null and i.shape is distinct from st.shape then i.lines_total end) as total_minor
      from (select distinct on (target_id) * from ${t} where target_id is not null order by target_id, row_number) h
      left join incoming i on i.target_id = h.target_id left join stored st on st.order_id = h.target_id
    ), before as (
      insert into import_batch_rows (workspace_id, batch_id, object_type, record_id, action, version_after, before)
      select ${ws}, ${ctx.batchId}, 'orders', o.id, 'u', o.version + 1,
             ${image} || case when p.replace_lines then jsonb_build_object('lines', coalesce(p.old_lines, '[]'::jsonb)) else '{}'::jsonb end
      from plan p join ${t} h on h.row_number = p.row_number join orders o on o.workspace_id = ${ws} and o.id = h.target_id
      where ${changed}
      returning record_id
    ), upd as (
      update orders o set status = coalesce(h.status, o.status), channel = coalesce(h.channel, o.channel), ordered_at = coalesce(h.ordered_at, o.ordered_at),
        total_minor = coalesce(p.total_minor, o.total_minor), currency = coalesce(h.currency, o.currency), contact_id = coalesce(h.contact_id, o.contact_id),
        import_batch_id = ${ctx.batchId}, version = o.version + 1, updated_at = now()
      from plan p join ${t} h on h.row_number = p.row_number
      where o.workspace_id = ${ws} and o.id = p.target_id and o.id in (select record_id from before)
      returning o.id
    ), removed_lines as (
      delete from order_lines l using plan p
      where p.replace_lines and l.workspace_id = ${ws} and l.order_id = p.target_id
    ), added_lines as (
      insert into order_lines (workspace_id, order_id, product_id, product_name, quantity, unit_price_minor, amount_minor)
      select ${ws}, l.target_id, l.product_id, l.product_name, l.quantity, l.unit_price_minor, l.amount_minor
      from file_lines l join plan p on p.target_id = l.target_id and p.replace_lines
      order by l.row_number
    )
    select (select count(*) from upd)::text as updated, (select count(*) from plan)::text as matched`.execute(tx);
  const updated = Number(rows[0]?.updated ?? 0);
  return { updated, unchanged: Number(rows[0]?.matched ?? 0) - updated };
}

async function insertOrders(tx: Tx, t: RawBuilder<unknown>, ctx: ImportContext): Promise<number> {
  const ws = ctx.workspaceId;
  const { rows } = await sql<{ n: string }>`
    with heads as (
      select distinct on (number) * from ${t} where target_id is null order by number, row_number
    ), totals as (
      select l.number, sum(l.amount_minor)::bigint as lines_total from ${pricedLines(t, ws)} l where l.target_id is null group by l.number
    ), ins as (
      insert into orders (workspace_id, number, contact_id, company_id, owner_id, status, channel, ordered_at, currency, total_minor, external_id, import_batch_id, created_by)
      select ${ws}, h.number, h.contact_id, c.company_id, coalesce(c.owner_id, ${ctx.userId}::bigint), coalesce(h.status, 'completed'), h.channel, h.ordered_at,
             coalesce(h.currency, ${ctx.currency}), coalesce(h.total_minor, tt.lines_total, 0), h.external_id, ${ctx.batchId}, ${ctx.userId}
      from heads h left join totals tt on tt.number = h.number
      left join contacts c on c.workspace_id = ${ws} and c.id = h.contact_id
      order by h.row_number
      returning id, number
    ), linked as (
      update ${t} s set order_id = ins.id from ins where s.number = ins.number and s.target_id is null returning 1
    ), logged as (
      insert into import_batch_rows (workspace_id, batch_id, object_type, record_id, action, version_after)
      select ${ws}, ${ctx.batchId}, 'orders', id, 'c', 1 from ins
    )
    select count(*)::text as n from ins`.execute(tx);
  await sql`
    insert into order_lines (workspace_id, order_id, product_id, product_name, quantity, unit_price_minor, amount_minor)
    select ${ws}, l.order_id, l.product_id, l.product_name, l.quantity, l.unit_price_minor, l.amount_minor
    from ${pricedLines(t, ws)} l where l.order_id is not null and l.target_id is null
    order by l.row_number`.execute(tx);
  return Number(rows[0]?.n ?? 0);
}
