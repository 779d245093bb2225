import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createFieldDefinition } from '../../src/modules/customers/index.ts';
import { loadPrincipal } from '../../src/modules/accounts/index.ts';
import { createImport, mergeRecords, runImport, undoImport } from '../../src/modules/data/index.ts';
import { newUser } from '../support/test-app.ts';
import { importKit } from '../support/import-kit.ts';
import { testDatabase } from '../support/test-db.ts';

const { database } = await testDatabase();
const db = database.db;
const { dir, file, admin, load } = importKit(db, 'relata-import-');

async function errors(ws: string, batchId: string) {
  const { rows } = await sql<{ row_number: number; column_name: string | null; code: string }>`
    select row_number, column_name, code from import_errors where workspace_id = ${ws} and batch_id = ${batchId} order by row_number, seq`.execute(db);
  return rows;
}

async function contacts(ws: string) {
  const { rows } = await sql<{ id: string; display_name: string; email: string | null; phone: string | null; birthday: string | null; city: string | null; tags: string[]; attributes: Record<string, unknown>; version: number; company_id: string | null; import_batch_id: string | null }>`
    select id::text, display_name, email::text, phone, birthday, city, tags, attributes, version, company_id::text, import_batch_id::text
    from contacts c where workspace_id = ${ws} and deleted_at is null order by c.id`.execute(db);
  return rows;
}

describe('contacts import', () => {
  it('maps Chinese headers without a mapping, normalises values and carries the batch id', async () => {
    const { ws, principal } = await admin();
    const batch = await load(principal, 'contacts', file('姓名,手机,邮箱,生日,城市,标签\n李娜,138 1234 8000,Li.Na@EXAMPLE.com,2024/3/1,上海,"VIP,新客"\n张三丰,+86 139-0000-1111,zsf@example.com,01.03.1990,北京,\n'));
    expect(batch.status).toBe('succeeded');
    expect([batch.rows_created, batch.rows_failed]).toEqual([2, 0]);
    const rows = await contacts(ws);
    expect(rows.map((r) => [r.display_name, r.phone, r.email, r.birthday, r.city])).toEqual([
      ['李娜', '+8613812348000', 'Li.Na@example.com', '2024-03-01', '上海'],
      ['张三丰', '+8613900001111', 'zsf@example.com', '1990-03-01', '北京'],
    ]);
    expect(rows[0]!.tags).toEqual(['VIP', '新客']);
    expect(rows.every((r) => r.import_batch_id === batch.id)).toBe(true);
    // imported contacts are searchable like any other (search documents are written by the import)
    const { rows: found } = await sql<{ n: number }>`select count(*)::int as n from contacts where workspace_id = ${ws} and search_tokens @@ 'zsf'::tsquery`.execute(db);
    expect(found[0]!.n).toBe(1);
  });

  it('reads XLSX sheets: dates as dates, long numbers as text', async () => {
    const { ws, principal } = await admin();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['姓名', '手机', '生日']);
    sheet.addRow(['赵敏', 13912345678, new Date(Date.UTC(1992, 6, 15))]);
    const p = path.join(dir, 'contacts.xlsx');
    await workbook.xlsx.writeFile(p);
    const batch = await load(principal, 'contacts', p);
    expect([batch.format, batch.rows_created, batch.rows_failed]).toEqual(['xlsx', 1, 0]);
    expect((await contacts(ws)).map((r) => [r.display_name, r.phone, r.birthday])).toEqual([['赵敏', '+8613912345678', '1992-07-15']]);
  });

  it('refuses an unterminated quote as a whole-file error and loads nothing', async () => {
    const { ws, principal } = await admin();
    const p = file('name,email\nOk Row,ok@example.com\n"Broken,b@example.com\n');
    await expect(createImport(db, principal, { object: 'contacts', path: p, fileName: 'q.csv' })).rejects.toMatchObject({ code: 'IMPORT_CSV_MALFORMED', details: { row: 3 } });
    expect(await contacts(ws)).toEqual([]);
  });

  it('reads GBK files without a declaration', async () => {
    const { ws, principal } = await admin();
    const batch = await load(principal, 'contacts', file(iconv.encode('姓名,邮箱\r\n王小明,wxm@example.com\r\n', 'gbk')));
    expect(batch.status).toBe('succeeded');
    expect((await contacts(ws)).map((r) => r.display_name)).toEqual(['王小明']);
    expect(batch.encoding).toMatch(/gb/i);
  });

  it('refuses bad rows with a report and loads the good ones', async () => {
    const { ws, principal } = await admin();
    await createFieldDefinition(db, principal, { object: 'contacts', key: 'points', label: 'Points', type: 'number' });
    const batch = await load(principal, 'contacts', file([
      'name,email,birthday,points',
      'Good One,good@example.com,1990-01-01,12',
      'Bad Mail,not-an-email,,',
      'Bad Date,bd@example.com,2023-02-30,',
      'Bad Number,bn@example.com,,12abc',
      'Ragged,r@example.com,,1,extra',
      'Dup Mail,GOOD@example.com,,',
      ',nobody@example.com,,',
    ].join('\n')));
    expect(batch.status).toBe('succeeded');
    expect([batch.rows_created, batch.rows_failed]).toEqual([1, 6]);
    const report = await errors(ws, batch.id);
    expect(report.map((e) => [e.row_number, e.code])).toEqual([
      [3, 'CONTACT_EMAIL_INVALID'], [4, 'DATE_INVALID'], [5, 'NUMBER_INVALID'], [6, 'IMPORT_ROW_RAGGED'], [7, 'IMPORT_DUPLICATE_IN_FILE'], [8, 'FIELD_REQUIRED'],
    ]);
    expect(report.find((e) => e.row_number === 4)!.column_name).toBe('birthday');
  });

  it('with all-or-nothing loads nothing when a row fails', async () => {
    const { ws, principal } = await admin();
    const batch = await load(principal, 'contacts', file('name,email\nA One,a1@example.com\nB Two,broken\n'), { allOrNothing: true });
    expect(batch.status).toBe('failed');
    expect(batch.error?.code).toBe('IMPORT_ROWS_FAILED');
    expect(await contacts(ws)).toEqual([]);
  });

  it('upserts by email: updates what matches, keeps values the file leaves blank, creates the rest; undo restores both', async () => {
    const { ws, principal } = await admin();
    const first = await load(principal, 'contacts', file('name,email,city,phone\nAnna Berg,anna@example.com,Berlin,+4915112345678\nBo Chen,bo@example.com,Paris,\n'));
    expect(first.rows_created).toBe(2);
    const second = await load(principal, 'contacts', file('email,city,phone,name\nANNA@example.com,Hamburg,,\nbo@example.com,Paris,,\nnew@example.com,Rome,,Nina New\n'), { mode: 'upsert' });
    expect([second.rows_created, second.rows_updated, second.rows_unchanged, second.rows_failed]).toEqual([1, 1, 1, 0]);
    let rows = await contacts(ws);
    const anna = rows.find((r) => r.email === 'anna@example.com')!;
    expect([anna.city, anna.phone, anna.display_name, anna.version]).toEqual(['Hamburg', '+4915112345678', 'Anna Berg', 2]);

    const undo = await undoImport(db, principal, second.id);
    expect([undo.removed, undo.restored, undo.conflicts]).toEqual([1, 1, []]);
    rows = await contacts(ws);
    expect(rows.map((r) => [r.email, r.city])).toEqual([['anna@example.com', 'Berlin'], ['bo@example.com', 'Paris']]);
    await expect(undoImport(db, principal, second.id)).rejects.toMatchObject({ code: 'IMPORT_NOT_UNDOABLE' });
  });

  it('undo does not bring back the values of a custom field deleted since the import', async () => {
    const { ws, principal } = await admin();
    await sql`insert into field_definitions (workspace_id, object_type, key, label, type) values (${ws}, 'contacts', 'level', 'Level', 'text')`.execute(db);
    await load(principal, 'contacts', file('name,email,city,level\nAnna Berg,anna@example.com,Berlin,gold\n'));
    const update = await load(principal, 'contacts', file('email,city,level\nanna@example.com,Hamburg,silver\n'), { mode: 'upsert' });
    expect(update.rows_updated).toBe(1);
    // the field is deleted: retired, its values stripped, its definition removed (what the deletion job does)
    await sql`update field_definitions set retired_at = now() where workspace_id = ${ws} and key = 'level'`.execute(db);
    await sql`update contacts set attributes = attributes - 'level' where workspace_id = ${ws}`.execute(db);
    await sql`delete from field_definitions where workspace_id = ${ws} and key = 'level'`.execute(db);
    const undo = await undoImport(db, principal, update.id);
    expect(undo.restored).toBe(1);
    const { rows } = await sql<{ city: string; attributes: Record<string, unknown> }>`select city, attributes from contacts where workspace_id = ${ws}`.execute(db);
    expect(rows).toEqual([{ city: 'Berlin', attributes: {} }]);
  });

  it('undo keeps later edits and reports them', async () => {
    const { ws, principal } = await admin();
    await load(principal, 'contacts', file('name,email,city\nCarl Dahl,carl@example.com,Oslo\n'));
    const update = await load(principal, 'contacts', file('email,city\ncarl@example.com,Bergen\n'));
    const created = await load(principal, 'contacts', file('name,email\nEdited Later,later@example.com\n'));
    await sql`update contacts set city = 'Tromsø', version = version + 1 where workspace_id = ${ws} and email = 'carl@example.com'`.execute(db);
    await sql`update contacts set city = 'Lima', version = version + 1 where workspace_id = ${ws} and email = 'later@example.com'`.execute(db);
    const undoUpdate = await undoImport(db, principal, update.id);
    expect(undoUpdate.restored).toBe(0);
    expect(undoUpdate.conflicts).toHaveLength(1);
    const undoCreate = await undoImport(db, principal, created.id);
    expect(undoCreate.removed).toBe(0);
    expect(undoCreate.conflicts[0]!.reason).toMatch(/edited/);
    expect((await contacts(ws)).map((r) => r.city)).toEqual(['Tromsø', 'Lima']);
  });

  it('refuses a column mapped twice, an unknown custom field and a missing match key before reading rows', async () => {
    const { principal } = await admin();
    const p = file('Name,Mail,E-mail\nX,a@example.com,b@example.com\n');
    await expect(createImport(db, principal, { object: 'contacts', path: p, fileName: 'x.csv', mapping: { Name: 'name', Mail: 'email', 'E-mail': 'email' } }))
      .rejects.toMatchObject({ code: 'IMPORT_MAPPING_INVALID' });
    await expect(createImport(db, principal, { object: 'contacts', path: p, fileName: 'x.csv', mapping: { Name: 'name', Mail: 'attributes.nope' } }))
      .rejects.toMatchObject({ code: 'FIELD_UNKNOWN' });
    await expect(createImport(db, principal, { object: 'contacts', path: p, fileName: 'x.csv', mapping: { Name: 'name' }, mode: 'update' }))
      .rejects.toMatchObject({ code: 'IMPORT_MATCH_KEY_MISSING' });
  });

  it('creates custom fields with inferred types and flags identifiers', async () => {
    const { ws, principal } = await admin();
    const batch = await load(principal, 'contacts', file('name,会员卡号,积分,卡类型\nA,M001,10,金卡\nB,M002,20,银卡\nC,M003,30,金卡\nD,M004,5,银卡\nE,M005,7,金卡\nF,M006,8,金卡\n'), {
      createCustomFields: true,
    });
    expect(batch.rows_created).toBe(6);
    const { rows } = await sql<{ key: string; type: string; is_identifier: boolean }>`
      select key, type, is_identifier from field_definitions where workspace_id = ${ws} and object_type = 'contacts' order by id`.execute(db);
    const points = rows.find((r) => r.type === 'number');
    expect(points).toBeDefined();
    expect(rows.find((r) => r.type === 'select')).toBeDefined();
    const member = rows.find((r) => r.type === 'text')!;
    const again = await load(principal, 'contacts', file(`name,${'会员卡号'}\nG,M007\n`), { identifierFields: [member.key] });
    expect(again.status).toBe('succeeded');
    const flagged = await sql<{ is_identifier: boolean }>`select is_identifier from field_definitions where workspace_id = ${ws} and key = ${member.key}`.execute(db);
    expect(flagged.rows[0]!.is_identifier).toBe(true);
  });

  it('makes custom fields only of the columns mapped to "+custom", skipping columns mapped to null', async () => {
    const { ws, principal } = await admin();
    const batch = await load(principal, 'contacts', file('name,微信,备注\nA,wx_a,skip me\n'), { mapping: { name: 'name', 微信: '+custom', 备注: null } });
    expect(batch.rows_created).toBe(1);
    const { rows } = await sql<{ label: string }>`select label from field_definitions where workspace_id = ${ws} and object_type = 'contacts'`.execute(db);
    expect(rows.map((r) => r.label)).toEqual(['微信']);
  });

  it('never matches or changes another workspace, and a manager cannot update contacts outside their scope', async () => {
    const a = await admin();
    const b = await admin();
    await load(a.principal, 'contacts', file('name,email\nShared Mail,shared@example.com\n'));
    const inB = await load(b.principal, 'contacts', file('name,email\nOther Ws,shared@example.com\n'));
    expect(inB.rows_created).toBe(1);
    expect((await contacts(a.ws)).map((r) => r.display_name)).toEqual(['Shared Mail']);

    const rep = await newUser(db, a.ws, { roleKey: 'manager' });
    const repPrincipal = (await loadPrincipal(db, a.ws, rep.id))!;
    const byRep = await load(repPrincipal, 'contacts', file('name,email\nHijack,shared@example.com\nMine,mine@example.com\n'));
    expect([byRep.rows_created, byRep.rows_updated, byRep.rows_failed]).toEqual([1, 0, 1]);
    expect((await errors(a.ws, byRep.id))[0]!.code).toBe('PERMISSION_DENIED');
  });

  it('links a company column to an existing company or creates it, and undo removes the created one', async () => {
    const { ws, principal } = await admin();
    await sql`insert into companies (workspace_id, name) values (${ws}, 'Acme Ltd')`.execute(db);
    const batch = await load(principal, 'contacts', file('name,company\nAl,acme ltd\nBea,Newco\nCy,NEWCO\n'));
    const rows = await contacts(ws);
    expect(new Set(rows.map((r) => r.company_id)).size).toBe(2);
    const undo = await undoImport(db, principal, batch.id);
    expect(undo.removed).toBe(4);
    const { rows: left } = await sql<{ name: string }>`select name from companies where workspace_id = ${ws}`.execute(db);
    expect(left.map((r) => r.name)).toEqual(['Acme Ltd']);
  });
});

describe('large and broken files', () => {
  it('streams a 2 GB file instead of loading it: the preview reads its head, a run stops at the first bad byte', async () => {
    const { ws, principal } = await admin();
    const p = path.join(dir, 'huge.csv');
    const head = 'name,email\n' + Array.from({ length: 6000 }, (_, i) => `Row ${i},row${i}@example.com`).join('\n') + '\n';
    fs.writeFileSync(p, head);
    fs.truncateSync(p, 2 * 1024 ** 3); // sparse: the rest of the 2 GB reads as NUL bytes
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    const { batchId } = await createImport(db, principal, { object: 'contacts', path: p, fileName: 'huge.csv' });
    const batch = await runImport(db, ws, batchId);
    expect(batch.status).toBe('failed');
    expect(batch.error?.code).toBe('IMPORT_CSV_MALFORMED'); // the NUL run is one record over the 1 MiB limit
    expect(await contacts(ws)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 ** 2);
  });
});

describe('initial loads', () => {
  it('rebuild indexes and foreign keys in bulk, with the same result as row-by-row maintenance', async () => {
    const { ws, principal } = await admin();
    const shape = async () => (await sql<{ n: number }>`
      select (select count(*) from pg_indexes where tablename = 'contacts') + (select count(*) from pg_constraint where contype = 'f'
        and (conrelid = 'contacts'::regclass or confrelid = 'contacts'::regclass))::int as n`.execute(db)).rows[0]!.n;
    const before = await shape();
    const { batchId } = await createImport(db, principal, { object: 'contacts', path: file('name,email,company\nIvy Bulk,ivy@example.com,Bulk Co\nJo Bulk,jo@example.com,\n'), fileName: 'bulk.csv' });
    const batch = await runImport(db, ws, batchId, { bulkLoadMinRows: 1 });
    expect(batch.rows_created).toBe(2);
    expect(await shape()).toBe(before);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from contacts where workspace_id = ${ws} and search_tokens @@ 'ivy'::tsquery and email = 'ivy@example.com'`.execute(db);
    expect(rows[0]!.n).toBe(1);
    // the foreign keys are really back: a contact cannot point at a company of nowhere
    await expect(sql`update contacts set company_id = -1 where workspace_id = ${ws}`.execute(db)).rejects.toThrow(/foreign key/);
  });
});

describe('imports and merges', () => {
  it('an external id of a merged contact updates the survivor, and undo leaves merged records to their merge', async () => {
    const { ws, principal } = await admin();
    const first = await load(principal, 'contacts', file('external_id,name,city\nK1,Kim Park,Seoul\nK2,Kim Parc,Busan\n'));
    const ids = (await contacts(ws)).map((r) => r.id);
    await mergeRecords(db, principal, { object: 'contacts', survivor_id: ids[0]!, merged_id: ids[1]! });
    const again = await load(principal, 'contacts', file('external_id,city\nK2,Incheon\n'));
    expect([again.rows_created, again.rows_updated, again.rows_failed]).toEqual([0, 1, 0]);
    expect((await contacts(ws)).map((r) => [r.id, r.city])).toEqual([[ids[0], 'Incheon']]);
    const undo = await undoImport(db, principal, first.id);
    expect(undo.removed).toBe(0);
    expect(undo.conflicts.map((c) => c.record_id).sort()).toEqual([...ids].sort());
  });
});

describe('products, companies and orders', () => {
  it('imports products by SKU, then orders with lines linked to contacts by email, and updates the customer aggregates', async () => {
    const { ws, principal } = await admin();
    const products = await load(principal, 'products', file('sku,name,price,currency\nTEA-1,绿茶,"1,299.00",CNY\nCUP-2,Cup,19.9,CNY\n'));
    expect(products.rows_created).toBe(2);
    await load(principal, 'contacts', file('name,email\nOlga,olga@example.com\n'));
    const orders = await load(principal, 'orders', file([
      '订单号,邮箱,下单时间,状态,商品编码,数量,单价',
      'SO-1,olga@example.com,2024-05-01 10:00,已完成,TEA-1,2,1299',
      'SO-1,olga@example.com,2024-05-01 10:00,已完成,CUP-2,1,19.90',
      'SO-2,ghost@example.com,2024-05-02,paid,TEA-1,1,1299',
      'SO-3,olga@example.com,2024-05-03,paid,TEA-1,x,1299',
      'SO-3,olga@example.com,2024-05-03,paid,CUP-2,1,19.90',
    ].join('\n')));
    expect(orders.status).toBe('succeeded');
    expect([orders.rows_created, orders.rows_failed]).toEqual([1, 3]);
    const report = await errors(ws, orders.id);
    expect(report.map((e) => [e.row_number, e.code])).toEqual([[4, 'IMPORT_CUSTOMER_NOT_FOUND'], [5, 'NUMBER_INVALID'], [6, 'IMPORT_ORDER_INCOMPLETE']]);
    const { rows } = await sql<{ number: string; total_minor: string; status: string; lines: number }>`
      select o.number, o.total_minor::text, o.status, (select count(*)::int from order_lines l where l.workspace_id = o.workspace_id and l.order_id = o.id) as lines
      from orders o where o.workspace_id = ${ws}`.execute(db);
    expect(rows).toEqual([{ number: 'SO-1', total_minor: '261790', status: 'completed', lines: 2 }]);
    const { rows: agg } = await sql<{ order_count: number; total_spend_minor: string }>`
      select a.order_count, a.total_spend_minor::text from contact_aggregates a join contacts c on c.workspace_id = a.workspace_id and c.id = a.contact_id
      where a.workspace_id = ${ws} and c.email = 'olga@example.com'`.execute(db);
    expect(agg[0]).toEqual({ order_count: 1, total_spend_minor: '261790' });

    const withNew = await load(principal, 'orders', file('订单号,邮箱,下单时间,商品名称,数量,单价\nSO-9,ghost@example.com,2024-06-01,Gift,1,5\n'), { createMissingContacts: true });
    expect([withNew.rows_created, withNew.rows_failed]).toEqual([1, 0]);
    const undo = await undoImport(db, principal, withNew.id);
    expect(undo.removed).toBe(2);
    const { rows: ghosts } = await sql`select 1 from contacts where workspace_id = ${ws} and email = 'ghost@example.com'`.execute(db);
    expect(ghosts).toHaveLength(0);
  });

  it('imports companies matched by domain', async () => {
    const { ws, principal } = await admin();
    await load(principal, 'companies', file('公司名称,domain,城市\n星辰科技,https://www.xingchen.cn/about,深圳\n'));
    const again = await load(principal, 'companies', file('name,domain,industry\nXingchen Tech,xingchen.cn,Software\n'), { match: 'domain' });
    expect([again.rows_created, again.rows_updated]).toEqual([0, 1]);
    const { rows } = await sql<{ name: string; domain: string; industry: string; city: string }>`
      select name, domain::text, industry, city from companies where workspace_id = ${ws}`.execute(db);
    expect(rows).toEqual([{ name: 'Xingchen Tech', domain: 'xingchen.cn', industry: 'Software', city: '深圳' }]);
    // matched by name, ignoring case
    const byName = await load(principal, 'companies', file('name,city\nXINGCHEN TECH,广州\n'), { match: 'name' });
    expect([byName.rows_created, byName.rows_updated]).toEqual([0, 1]);
  });
});
