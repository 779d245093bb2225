import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadPrincipal } from '../../src/modules/accounts/index.ts';
import { undoImport, type ImportRequest } from '../../src/modules/data/index.ts';
import type { Principal } from '../../src/platform/http/access.ts';
import { newUser } from '../support/test-app.ts';
import { importKit } from '../support/import-kit.ts';
import { testDatabase } from '../support/test-db.ts';

const { database } = await testDatabase();
const db = database.db;
const kit = importKit(db, 'relata-import-orders-');
const { admin } = kit;
const file = (lines: string[]) => kit.file(lines.join('\n') + '\n');

async function load(principal: Principal, object: ImportRequest['object'], p: string, options: Partial<ImportRequest> = {}) {
  const batch = await kit.load(principal, object, p, options);
  expect(batch.status).toBe('succeeded');
  return batch;
}

type Line = { id: string; product: string; quantity: string; unit_price_minor: string; amount_minor: string };

async function order(ws: string, number: string) {
  const { rows } = await sql<{ id: string; status: string; total_minor: string; version: number; lines: Line[] }>`
    select o.id::text, o.status, o.total_minor::text, o.version,
           coalesce((select json_agg(json_build_object('id', l.id::text, 'product', l.product_name, 'quantity', l.quantity::text,
                                                       'unit_price_minor', l.unit_price_minor::text, 'amount_minor', l.amount_minor::text) order by l.id)
                     from order_lines l where l.workspace_id = o.workspace_id and l.order_id = o.id), '[]') as lines
    from orders o where o.workspace_id = ${ws} and o.number = ${number}`.execute(db);
  return rows[0]!;
}

/** The customer's aggregate and the workspace's revenue rollup: both must follow the orders' totals. */
async function figures(ws: string, email: string) {
  const { rows } = await sql<{ order_count: number; spend: string; revenue: string; revenue_orders: string }>`
    select a.order_count, a.total_spend_minor::text as spend,
           (select coalesce(sum(total_minor), 0)::text from revenue_monthly r where r.workspace_id = ${ws}) as revenue,
           (select coalesce(sum(order_count), 0)::text from revenue_monthly r where r.workspace_id = ${ws}) as revenue_orders
    from contact_aggregates a join contacts c on c.workspace_id = a.workspace_id and c.id = a.contact_id
    where a.workspace_id = ${ws} and c.email = ${email}`.execute(db);
  return rows[0]!;
}

async function errors(ws: string, batchId: string) {
  const { rows } = await sql<{ row_number: number; code: string; message: string }>`
    select row_number, code, message from import_errors where workspace_id = ${ws} and batch_id = ${batchId} order by row_number, seq`.execute(db);
  return rows;
}

const HEADER = '订单号,邮箱,下单时间,状态,商品编码,数量,单价';

/** A workspace with three products, a customer and two orders of hers (SO-1 with two lines, SO-2 with one). */
async function shop() {
  const { ws, principal } = await admin();
  await load(principal, 'products', file(['sku,name,price,currency', 'TEA-1,绿茶,1299,CNY', 'CUP-2,Cup,19.9,CNY', 'POT-3,Teapot,88,CNY']));
  await load(principal, 'contacts', file(['name,email', 'Olga,olga@example.com']));
  await load(principal, 'orders', file([
    HEADER,
    'SO-1,olga@example.com,2024-05-01 10:00,paid,TEA-1,2,1299',
    'SO-1,olga@example.com,2024-05-01 10:00,paid,CUP-2,1,19.90',
    'SO-2,olga@example.com,2024-05-03,paid,TEA-1,1,1299',
  ]));
  return { ws, principal };
}

describe('re-importing orders', () => {
  it('makes an order\'s lines exactly the file\'s (changed, added, removed), recomputes totals and aggregates; undo brings the old lines back', async () => {
    const { ws, principal } = await shop();
    const before = await order(ws, 'SO-1');
    const other = await order(ws, 'SO-2');
    expect(before.total_minor).toBe('261790');
    expect(await figures(ws, 'olga@example.com')).toEqual({ order_count: 2, spend: '391690', revenue: '391690', revenue_orders: '2' });

    const again = await load(principal, 'orders', file([
      HEADER,
      'SO-1,olga@example.com,2024-05-01 10:00,paid,TEA-1,3,1299', // changed quantity
      'SO-1,olga@example.com,2024-05-01 10:00,paid,POT-3,1,', // added, priced from the product; CUP-2 removed
      'SO-2,olga@example.com,2024-05-03,paid,TEA-1,1,1299', // the same as stored
    ]));
    expect([again.rows_created, again.rows_updated, again.rows_unchanged, again.rows_failed]).toEqual([0, 1, 1, 0]);
    const after = await order(ws, 'SO-1');
    expect(after.lines.map((l) => [l.product, l.quantity, l.unit_price_minor, l.amount_minor])).toEqual([
      ['绿茶', '3.000', '129900', '389700'],
      ['Teapot', '1.000', '8800', '8800'],
    ]);
    expect([after.total_minor, after.version]).toEqual(['398500', before.version + 1]);
    expect(await order(ws, 'SO-2')).toEqual(other); // an unchanged order is not touched, its lines keep their ids
    expect(await figures(ws, 'olga@example.com')).toEqual({ order_count: 2, spend: '528400', revenue: '528400', revenue_orders: '2' });

    const undo = await undoImport(db, principal, again.id);
    expect([undo.removed, undo.restored, undo.conflicts]).toEqual([0, 1, []]);
    const restored = await order(ws, 'SO-1');
    expect(restored.lines).toEqual(before.lines); // the same rows, ids included
    expect(restored.total_minor).toBe('261790');
    expect(await figures(ws, 'olga@example.com')).toEqual({ order_count: 2, spend: '391690', revenue: '391690', revenue_orders: '2' });
  });

  it('keeps the lines of an order whose rows carry none, and takes a total the file gives over the lines\' sum', async () => {
    const { ws, principal } = await shop();
    const before = await order(ws, 'SO-1');
    const statusOnly = await load(principal, 'orders', file(['订单号,状态', 'SO-1,已完成']));
    expect(statusOnly.rows_updated).toBe(1);
    const after = await order(ws, 'SO-1');
    expect([after.status, after.total_minor, after.lines]).toEqual(['completed', '261790', before.lines]);

    await load(principal, 'orders', file(['订单号,商品编码,数量,金额', 'SO-1,CUP-2,2,35.00']));
    const withTotal = await order(ws, 'SO-1');
    expect(withTotal.lines.map((l) => [l.product, l.amount_minor])).toEqual([['Cup', '3980']]);
    expect(withTotal.total_minor).toBe('3500');
    expect((await figures(ws, 'olga@example.com')).spend).toBe(String(3500 + 129900));

    // the same line written differently (quantity and price left to their defaults) is no change
    const same = await load(principal, 'orders', file(['订单号,商品编码,数量,单价', 'SO-2,TEA-1,,']));
    expect([same.rows_updated, same.rows_unchanged]).toEqual([0, 1]);
  });

  it('leaves an existing order whole (header and lines) when one of its lines is bad, and says why', async () => {
    const { ws, principal } = await shop();
    const one = await order(ws, 'SO-1');
    const two = await order(ws, 'SO-2');
    const bad = await load(principal, 'orders', file([
      HEADER,
      'SO-1,olga@example.com,2024-05-01 10:00,已完成,TEA-1,5,1299',
      'SO-1,olga@example.com,2024-05-01 10:00,已完成,NOPE-9,1,10',
      'SO-2,olga@example.com,2024-05-03,已完成,TEA-1,x,1299',
      'SO-2,olga@example.com,2024-05-03,已完成,CUP-2,4,19.90',
    ]));
    expect([bad.rows_updated, bad.rows_unchanged, bad.rows_failed]).toEqual([0, 0, 4]);
    const report = await errors(ws, bad.id);
    expect(report.map((e) => [e.row_number, e.code])).toEqual([
      [2, 'IMPORT_ORDER_INCOMPLETE'], [3, 'REFERENCE_INVALID'], [4, 'NUMBER_INVALID'], [5, 'IMPORT_ORDER_INCOMPLETE'],
    ]);
    expect(report[0]!.message).toBe('Another line of order SO-1 failed: the order was left as it was');
    expect(report[1]!.message).toMatch(/NOPE-9/);
    expect(await order(ws, 'SO-1')).toEqual(one);
    expect(await order(ws, 'SO-2')).toEqual(two);
    expect(await figures(ws, 'olga@example.com')).toEqual({ order_count: 2, spend: '391690', revenue: '391690', revenue_orders: '2' });
  });

  it('refuses to change an order the importing user may not edit, and changes it once it is shared with them', async () => {
    const { ws } = await shop();
    const before = await order(ws, 'SO-1');
    // a sales manager whose department tree holds nobody else: the admin's orders are outside the scope
    const manager = await newUser(db, ws, { roleKey: 'manager' });
    const principal = (await loadPrincipal(db, ws, manager.id))!;
    const bump = file([HEADER, 'SO-1,olga@example.com,2024-05-01 10:00,refunded,TEA-1,2,1299', 'SO-1,olga@example.com,2024-05-01 10:00,refunded,CUP-2,1,19.90']);
    const refused = await load(principal, 'orders', bump, { mode: 'update' });
    expect([refused.rows_updated, refused.rows_failed]).toEqual([0, 2]);
    expect((await errors(ws, refused.id)).map((e) => e.code)).toContain('PERMISSION_DENIED');
    expect(await order(ws, 'SO-1')).toEqual(before);

    await sql`insert into record_collaborators (workspace_id, object_type, record_id, user_id, access) values (${ws}, 'orders', ${before.id}, ${manager.id}, 'write')`.execute(db);
    const allowed = await load(principal, 'orders', bump, { mode: 'update' });
    expect([allowed.rows_updated, allowed.rows_failed]).toEqual([1, 0]);
    expect((await order(ws, 'SO-1')).status).toBe('refunded');
  });

  it('undo keeps the lines of an order edited since, and reports it', async () => {
    const { ws, principal } = await shop();
    const again = await load(principal, 'orders', file([HEADER, 'SO-1,olga@example.com,2024-05-01 10:00,paid,POT-3,2,88']));
    await sql`update orders set status = 'shipped', version = version + 1 where workspace_id = ${ws} and number = 'SO-1'`.execute(db);
    const undo = await undoImport(db, principal, again.id);
    expect([undo.restored, undo.conflicts.map((c) => c.object)]).toEqual([0, ['orders']]);
    const kept = await order(ws, 'SO-1');
    expect([kept.status, kept.total_minor, kept.lines.map((l) => l.product)]).toEqual(['shipped', '17600', ['Teapot']]);
  });
});

describe('undo and the custom fields an import created', () => {
  async function fields(ws: string) {
    const { rows } = await sql<{ id: string; key: string; label: string }>`
      select id::text, key, label from field_definitions where workspace_id = ${ws} and object_type = 'contacts' order by id`.execute(db);
    return rows;
  }

  it('removes a field the import created when only the import\'s records held values', async () => {
    const { ws, principal } = await admin();
    await load(principal, 'contacts', file(['name,email', 'Ada,ada@example.com']));
    const batch = await load(principal, 'contacts', file(['name,email,微信', 'Ada,ada@example.com,wx_ada', 'Ben,ben@example.com,wx_ben']),
      { mapping: { name: 'name', email: 'email', 微信: '+custom' }, mode: 'upsert' });
    expect([batch.rows_created, batch.rows_updated]).toEqual([1, 1]);
    expect((await fields(ws)).map((f) => f.label)).toEqual(['微信']);

    const undo = await undoImport(db, principal, batch.id);
    expect([undo.removed, undo.restored, undo.fields_removed, undo.conflicts]).toEqual([1, 1, 1, []]);
    expect(await fields(ws)).toEqual([]);
    const { rows } = await sql<{ email: string; attributes: Record<string, unknown> }>`
      select email::text, attributes from contacts where workspace_id = ${ws} order by id`.execute(db);
    expect(rows).toEqual([{ email: 'ada@example.com', attributes: {} }]);
  });

  it('keeps a field that a later edit used, reports it, and still undoes the records', async () => {
    const { ws, principal } = await admin();
    await load(principal, 'contacts', file(['name,email', 'Cleo,cleo@example.com']));
    const batch = await load(principal, 'contacts', file(['name,email,推荐码', 'Dan,dan@example.com,R-88']), { createCustomFields: true });
    const [field] = await fields(ws);
    expect(field).toBeDefined();
    await sql`update contacts set attributes = attributes || jsonb_build_object(${field!.key}::text, 'R-07'), version = version + 1
              where workspace_id = ${ws} and email = 'cleo@example.com'`.execute(db);

    const undo = await undoImport(db, principal, batch.id);
    expect([undo.removed, undo.fields_removed]).toEqual([1, 0]);
    expect(undo.conflicts).toEqual([{ object: 'field_definitions', record_id: field!.id, reason: expect.stringMatching(/推荐码.*1 record/) }]);
    expect(await fields(ws)).toEqual([field]);
    const { rows } = await sql<{ undo_result: { fields_removed: number; conflict_count: number } }>`
      select undo_result from import_batches where workspace_id = ${ws} and id = ${batch.id}`.execute(db);
    expect(rows[0]!.undo_result).toMatchObject({ fields_removed: 0, conflict_count: 1 });
  });

  it('never removes a field of the same key made after the import, nor one the undoing user may not delete', async () => {
    const { ws, principal } = await admin();
    const first = await load(principal, 'contacts', file(['name,微信', 'Eve,wx_eve']), { mapping: { name: 'name', 微信: '+custom' } });
    const manager = await newUser(db, ws, { roleKey: 'manager' });
    const managerPrincipal = (await loadPrincipal(db, ws, manager.id))!;
    const second = await load(principal, 'contacts', file(['name,QQ', 'Fay,12345']), { mapping: { name: 'name', QQ: '+custom' } });
    // the first field deleted and made again by hand: a field the first import did not create
    const wechat = (await fields(ws))[0]!;
    await sql`delete from field_definitions where workspace_id = ${ws} and id = ${wechat.id}`.execute(db);
    await sql`update contacts set attributes = attributes - ${wechat.key}::text where workspace_id = ${ws}`.execute(db);
    await sql`insert into field_definitions (workspace_id, object_type, key, label, type) values (${ws}, 'contacts', ${wechat.key}, '微信', 'text')`.execute(db);
    const undoFirst = await undoImport(db, principal, first.id);
    expect(undoFirst.fields_removed).toBe(0);
    expect((await fields(ws)).map((f) => f.label)).toEqual(['QQ', '微信']);

    const undoSecond = await undoImport(db, managerPrincipal, second.id);
    expect([undoSecond.removed, undoSecond.fields_removed]).toEqual([1, 0]);
    expect(undoSecond.conflicts[0]).toMatchObject({ object: 'field_definitions', reason: expect.stringMatching(/administrators/) });
    expect((await fields(ws)).map((f) => f.label)).toEqual(['QQ', '微信']);
  });
});
