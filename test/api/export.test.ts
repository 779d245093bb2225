import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { loadPrincipal } from '../../src/modules/accounts/index.ts';
import { exportRecords, removeExpiredExports, type ExportRequest } from '../../src/modules/customers/index.ts';
import { client, logInAs, newUser, newWorkspace, testAppWithJobs, type Client, type Session } from '../support/test-app.ts';

// Exports run as jobs: this file's server runs workers, with a private data directory.
const { app, db, dataDir } = await testAppWithJobs('relata-export-');

const BOM = '\uFEFF';
const FULL_PHONE = '+8613812348000';

type Download = { status: number; headers: Record<string, unknown>; raw: Buffer; text: string; json: () => any };

async function download(session: Session, url: string): Promise<Download> {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  return { status: res.statusCode, headers: res.headers, raw: res.rawPayload, text: res.rawPayload.toString('utf8'), json: () => res.json() };
}

/** CSV text → rows of fields (RFC 4180, CRLF), for assertions on files that pass the exact-bytes test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

async function adminOf(name = 'Export Co') {
  const ws = await newWorkspace(db, name);
  const session = await logInAs(app, ws.adminEmail);
  return { ws, session, api: client(app, session) };
}

async function contact(api: Client, body: Record<string, unknown>): Promise<string> {
  const res = await api.post('/api/v1/contacts', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** A user with a role made for the test: contacts with the given actions/scope, plus field rules. */
async function userWithRole(admin: Client, workspaceId: string, key: string, contacts: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const role = await admin.post('/api/v1/roles', { key, name: key, permissions: { objects: { contacts }, ...extra } });
  expect(role.status, JSON.stringify(role.body)).toBe(201);
  const user = await newUser(db, workspaceId);
  expect((await admin.patch(`/api/v1/users/${user.id}`, { role_id: role.body.id })).status).toBe(200);
  const session = await logInAs(app, user.email);
  return { id: user.id, session, api: client(app, session) };
}

async function jobCount(workspaceId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from job_runs where workspace_id = ${workspaceId}`.execute(db);
  return rows[0]!.n;
}

async function waitFor(api: Client, id: string, status: string) {
  for (let i = 0; i < 300; i++) {
    const res = await api.get(`/api/v1/jobs/${id}`);
    if (res.body.status === status) return res.body;
    if (['failed', 'cancelled'].includes(res.body.status)) throw new Error(`job ${id} ${res.body.status}: ${JSON.stringify(res.body.error)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} never reached ${status}`);
}

const q = (f: unknown) => encodeURIComponent(JSON.stringify(f));

describe('CSV export', () => {
  it('writes a BOM, CRLF line ends and RFC 4180 quoting (commas, quotes, line breaks, Chinese text)', async () => {
    const { session, api } = await adminOf();
    const a = await contact(api, { first_name: 'Ada, "the" Countess', last_name: 'Lovelace', street: '1 Main St\nFloor 2', city: 'London', tags: ['VIP', 'tea'] });
    const b = await contact(api, { first_name: '娜', last_name: '李', city: '上海', street: '南京路 1 号' });
    const res = await download(session, '/api/v1/contacts/export?format=csv&columns=id,first_name,last_name,street,city,tags');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...res.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.text).toBe(
      BOM +
        'id,first_name,last_name,street,city,tags\r\n' +
        `${a},"Ada, ""the"" Countess",Lovelace,"1 Main St\nFloor 2",London,VIP;tea\r\n` +
        `${b},娜,李,南京路 1 号,上海,\r\n`,
    );
  });

  it('neutralises formula injection in text cells while numeric columns stay numeric', async () => {
    const { session, api } = await adminOf();
    expect((await api.post('/api/v1/custom-fields', { object: 'contacts', key: 'score', label: 'Score', type: 'number' })).status).toBe(201);
    await contact(api, { first_name: '=HYPERLINK("http://evil.example","click")', last_name: '+1', city: '-2+3', street: '@SUM(A1:A9)', attributes: { score: -5 } });
    const res = await download(session, '/api/v1/contacts/export?columns=first_name,last_name,city,street,score');
    expect(res.status).toBe(200);
    const [row] = parseCsv(res.text).slice(1);
    expect(row).toEqual([`'=HYPERLINK("http://evil.example","click")`, `'+1`, `'-2+3`, `'@SUM(A1:A9)`, '-5']);
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  });

  it('applies the same filter as the list endpoint (same ids)', async () => {
    const { session, api } = await adminOf();
    for (const [city, tags] of [['上海', ['VIP']], ['上海', []], ['北京', ['VIP']], ['上海', ['VIP']]] as const) {
      await contact(api, { last_name: `客户${city}`, city, tags });
    }
    const filter = q({ and: [{ field: 'city', op: 'eq', value: '上海' }, { field: 'tags', op: 'has_tag', value: 'VIP' }] });
    const list = await api.get(`/api/v1/contacts?filter=${filter}`);
    const listed = list.body.data.map((c: { id: string }) => c.id).sort();
    expect(listed).toHaveLength(2);
    const res = await download(session, `/api/v1/contacts/export?filter=${filter}`);
    expect(records(res.text).map((r) => r.id).sort()).toEqual(listed);
  });

  it('exports every custom field as its own column, formatted by type', async () => {
    const { session, api } = await adminOf();
    const fields = [
      { key: 'level', type: 'select', options: [{ value: 'gold', label: 'Gold' }] },
      { key: 'interests', type: 'multi_select', options: [{ value: 'tea', label: 'Tea' }, { value: 'golf', label: 'Golf' }] },
      { key: 'budget', type: 'money' },
      { key: 'visits', type: 'number' },
      { key: 'member', type: 'boolean' },
      { key: 'joined', type: 'date' },
      { key: 'city', type: 'text' },
    ];
    for (const f of fields) expect((await api.post('/api/v1/custom-fields', { object: 'contacts', label: f.key, ...f })).status).toBe(201);
    await contact(api, { last_name: 'Wang', city: '杭州', attributes: { level: 'gold', interests: ['tea', 'golf'], budget: 1234567, visits: 3.5, member: true, joined: '2024-02-29', city: 'Hangzhou' } });
    const res = await download(session, '/api/v1/contacts/export');
    const header = parseCsv(res.text)[0]!;
    expect(header).toEqual(expect.arrayContaining(['level', 'interests', 'budget_minor', 'visits', 'member', 'joined', 'attributes.city', 'order_count', 'total_spend_minor', 'last_order_at']));
    expect(header).not.toContain('budget');
    const [row] = records(res.text);
    expect(row).toMatchObject({ level: 'gold', interests: 'tea;golf', budget_minor: '1234567', visits: '3.5', member: 'true', joined: '2024-02-29', 'attributes.city': 'Hangzhou', city: '杭州', order_count: '0' });
  });

  it('includes the per-contact order aggregates', async () => {
    const { session, api } = await adminOf();
    const id = await contact(api, { last_name: 'Buyer' });
    for (const total of [1000, 2500]) {
      const res = await api.post('/api/v1/orders', { contact_id: id, status: 'paid', ordered_at: '2026-01-05T10:00:00Z', currency: 'CNY', lines: [{ product_name: 'Tea', quantity: 1, unit_price_minor: total }] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const [row] = records((await download(session, '/api/v1/contacts/export')).text);
    expect(row).toMatchObject({ id, order_count: '2', total_spend_minor: '3500', last_order_at: '2026-01-05T10:00:00+00:00' });
  });
});

describe('field permissions, data scopes and isolation', () => {
  it('omits hidden fields and masks masked ones for a role with masks; the admin sees everything', async () => {
    const { ws, session, api } = await adminOf();
    expect((await api.post('/api/v1/custom-fields', { object: 'contacts', key: 'salary', label: 'Salary', type: 'number' })).status).toBe(201);
    await contact(api, { last_name: '手机客户', phones: [{ value: FULL_PHONE }], birthday: '1990-01-02', attributes: { salary: 50000 } });
    const analyst = await userWithRole(api, ws.workspaceId, 'export_masked', { actions: ['view', 'export'], scope: 'all' }, {
      fields: { contacts: { birthday: 'hidden', 'attributes.salary': 'hidden' } },
      masks: { contacts: { phone: 'list' } },
    });
    const masked = await download(analyst.session, '/api/v1/contacts/export');
    expect(masked.status).toBe(200);
    const header = parseCsv(masked.text)[0]!;
    expect(header).not.toContain('birthday');
    expect(header).not.toContain('salary');
    const [row] = records(masked.text);
    // E.164 starts with "+", which a spreadsheet would evaluate: neutralised like any formula trigger
    expect(row!.phone).toBe("'+86138****8000");
    expect(row!.phones).toBe("'+86138****8000");
    expect(masked.text).not.toContain('8613812348000');
    expect(masked.text).not.toContain('1990-01-02');
    expect(masked.text).not.toContain('50000');

    const full = records((await download(session, '/api/v1/contacts/export')).text)[0]!;
    expect(full).toMatchObject({ phone: `'${FULL_PHONE}`, birthday: '1990-01-02', salary: '50000' });
  });

  it('a sales user with the own scope exports only their own contacts', async () => {
    const { ws, api } = await adminOf();
    const rep = await userWithRole(api, ws.workspaceId, 'sales_export', { actions: ['view', 'create', 'export'], scope: 'own' });
    const other = await userWithRole(api, ws.workspaceId, 'sales_export2', { actions: ['view', 'create', 'export'], scope: 'own' });
    const mine = [await contact(rep.api, { last_name: 'Mine 1' }), await contact(rep.api, { last_name: 'Mine 2' })];
    await contact(other.api, { last_name: 'Theirs' });
    await contact(api, { last_name: "Admin's" });
    const res = await download(rep.session, '/api/v1/contacts/export');
    expect(records(res.text).map((r) => r.id).sort()).toEqual(mine.sort());
  });

  it('never exports another workspace\'s rows', async () => {
    const a = await adminOf('A Co');
    const b = await adminOf('B Co');
    const own = await contact(a.api, { last_name: 'A customer' });
    await contact(b.api, { last_name: 'B customer' });
    const res = await download(a.session, '/api/v1/contacts/export');
    expect(records(res.text).map((r) => r.id)).toEqual([own]);
    expect(res.text).not.toContain('B customer');
  });
});

describe('refusals', () => {
  it('refuses a role without the export action (403), directly and as a job, creating no job', async () => {
    const { ws, api } = await adminOf();
    await contact(api, { last_name: 'Secret' });
    const rep = await userWithRole(api, ws.workspaceId, 'no_export', { actions: ['view'], scope: 'all' });
    const res = await download(rep.session, '/api/v1/contacts/export?format=csv');
    expect(res.status).toBe(403);
    expect(res.json().error.code).toBe('PERMISSION_DENIED');
    const job = await rep.api.post('/api/v1/exports', { object: 'contacts', format: 'csv' });
    expect(job.status).toBe(403);
    expect(job.body.error.code).toBe('PERMISSION_DENIED');
    expect(await jobCount(ws.workspaceId)).toBe(0);
  });

  it('refuses an unknown format with 400, creating no job', async () => {
    const { ws, session, api } = await adminOf();
    const res = await download(session, '/api/v1/contacts/export?format=pdf');
    expect(res.status).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    const job = await api.post('/api/v1/exports', { object: 'contacts', format: 'pdf' });
    expect(job.status).toBe(400);
    expect(job.body.error.code).toBe('VALIDATION_FAILED');
    expect(await jobCount(ws.workspaceId)).toBe(0);
  });

  it('refuses a malformed filter and an unknown column with 400, creating no job', async () => {
    const { ws, session, api } = await adminOf();
    const bad = await download(session, `/api/v1/contacts/export?filter=${q({ field: 'nope', op: 'eq', value: 1 })}`);
    expect(bad.status).toBe(400);
    expect(bad.json().error.code).toBe('FILTER_INVALID');
    const job = await api.post('/api/v1/exports', { object: 'contacts', format: 'csv', filter: '{not json' });
    expect(job.status).toBe(400);
    expect(job.body.error.code).toBe('FILTER_INVALID');
    const column = await download(session, '/api/v1/contacts/export?columns=id,password_hash');
    expect(column.status).toBe(400);
    expect(column.json().error.code).toBe('VALIDATION_FAILED');
    const lines = await download(session, '/api/v1/contacts/export?lines=true');
    expect(lines.status).toBe(400);
    expect(lines.json().error.code).toBe('VALIDATION_FAILED');
    const sort = await api.post('/api/v1/exports', { object: 'contacts', format: 'csv', sort: 'password_hash' });
    expect(sort.status).toBe(400);
    expect(sort.body.error.code).toBe('SORT_INVALID');
    expect(await jobCount(ws.workspaceId)).toBe(0);
  });
});

describe('XLSX export', () => {
  it('is readable back with exceljs: header, text, numbers, and formulas kept as plain text', async () => {
    const { session, api } = await adminOf();
    expect((await api.post('/api/v1/custom-fields', { object: 'contacts', key: 'score', label: 'Score', type: 'number' })).status).toBe(201);
    const id = await contact(api, { first_name: '=1+2', last_name: '王', city: '上海', attributes: { score: -7 } });
    const res = await download(session, '/api/v1/contacts/export?format=xlsx&columns=id,first_name,last_name,city,score,consent_email');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename="contacts-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['id', 'first_name', 'last_name', 'city', 'score', 'consent_email']);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([Number(id), "'=1+2", '王', '上海', -7, false]);
    expect(sheet.getRow(2).getCell(2).formula).toBeUndefined();
  });
});

describe('orders export', () => {
  it('writes one row per order, or one per order line with lines=true', async () => {
    const { session, api } = await adminOf();
    const id = await contact(api, { last_name: '张三' });
    const order = await api.post('/api/v1/orders', {
      contact_id: id, status: 'paid', channel: 'tmall', ordered_at: '2026-02-01T08:00:00Z', currency: 'CNY',
      lines: [{ product_name: 'Tea', quantity: 2, unit_price_minor: 500 }, { product_name: '=cmd', quantity: 1, unit_price_minor: 250 }],
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const orders = records((await download(session, '/api/v1/orders/export')).text);
    expect(orders).toEqual([expect.objectContaining({ id: order.body.id, number: order.body.number, contact_id: id, contact_name: '张三', status: 'paid', channel: 'tmall', currency: 'CNY', total_minor: '1250', ordered_at: '2026-02-01T08:00:00+00:00' })]);
    const lines = records((await download(session, '/api/v1/orders/export?lines=true')).text);
    expect(lines.map((l) => [l.number, l.product_name, l.quantity, l.amount_minor])).toEqual([
      [order.body.number, 'Tea', '2', '1000'],
      [order.body.number, "'=cmd", '1', '250'],
    ]);
    const res = await download(session, `/api/v1/orders/export?filter=${q({ field: 'status', op: 'eq', value: 'cancelled' })}`);
    expect(records(res.text)).toEqual([]);
  });

  it('exports companies with their custom fields', async () => {
    const { session, api } = await adminOf();
    const company = await api.post('/api/v1/companies', { name: '阿里巴巴', city: '杭州', tags: ['B2B'] });
    expect(company.status).toBe(201);
    const rows = records((await download(session, '/api/v1/companies/export')).text);
    expect(rows).toEqual([expect.objectContaining({ id: company.body.id, name: '阿里巴巴', city: '杭州', tags: 'B2B', contact_count: '0', owner_name: 'Admin' })]);
  });
});

/** Runs the use case directly, with a tiny batch size, and returns the CSV text. */
async function exportDirect(workspaceId: string, userId: string, request: ExportRequest, batchSize: number): Promise<string> {
  const principal = (await loadPrincipal(db, workspaceId, userId))!;
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportRecords(db, principal, request, out, { batchSize });
  return Buffer.concat(chunks).toString('utf8');
}

describe('keyset batches', () => {
  it('follow the requested sort across batch boundaries, each row exactly once, as the list does', async () => {
    const { ws, api } = await adminOf();
    for (const [name, city] of [['Chen', '上海'], ['An', null], ['Bo', '北京'], ['Du', '上海'], ['Fu', null], ['Gu', '广州']] as const) {
      await contact(api, { last_name: name, city });
    }
    for (const sort of ['-display_name', 'city', '-city', 'created_at']) {
      const listed = (await api.get(`/api/v1/contacts?sort=${sort}&limit=200`)).body.data.map((c: { id: string }) => c.id);
      const text = await exportDirect(ws.workspaceId, ws.adminId, { object: 'contacts', format: 'csv', sort }, 2);
      expect(records(text).map((r) => r.id), sort).toEqual(listed);
    }
  });

  it('never split one order\'s lines across batches', async () => {
    const { ws, api } = await adminOf();
    for (let i = 0; i < 3; i++) {
      const res = await api.post('/api/v1/orders', { status: 'paid', ordered_at: `2026-03-0${i + 1}T00:00:00Z`, currency: 'CNY',
        lines: [{ product_name: `A${i}`, quantity: 1, unit_price_minor: 1 }, { product_name: `B${i}`, quantity: 1, unit_price_minor: 2 }] });
      expect(res.status).toBe(201);
    }
    const text = await exportDirect(ws.workspaceId, ws.adminId, { object: 'orders', format: 'csv', lines: true, sort: '-ordered_at' }, 1);
    expect(records(text).map((r) => r.product_name)).toEqual(['A2', 'B2', 'A1', 'B1', 'A0', 'B0']);
  });
});

describe('export files', () => {
  it('are deleted once past the retention, with the leftovers of failed runs; fresh ones stay', async () => {
    const ws = await newWorkspace(db);
    const job = async (status: string, finishedDaysAgo: number) => (await sql<{ id: string }>`
      insert into job_runs (workspace_id, kind, payload, status, finished_at, created_by)
      values (${ws.workspaceId}, 'export', '{"format": "csv", "object": "contacts"}', ${status}, now() - make_interval(days => ${finishedDaysAgo}), ${ws.adminId})
      returning id::text`.execute(db)).rows[0]!.id;
    const dir = path.join(dataDir, 'exports', ws.workspaceId);
    fs.mkdirSync(dir, { recursive: true });
    const [expired, fresh, failed] = [await job('succeeded', 8), await job('succeeded', 1), await job('failed', 0)];
    for (const name of [`${expired}.csv`, `${fresh}.csv`, `${failed}.csv.part`]) fs.writeFileSync(path.join(dir, name), 'x');

    expect(await removeExpiredExports(db, dataDir, ws.workspaceId)).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([`${fresh}.csv`]);
    // swept once: the next sweep looks at nothing, and the download of the expired one is still a clean refusal
    expect(await removeExpiredExports(db, dataDir, ws.workspaceId)).toBe(0);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from job_runs where workspace_id = ${ws.workspaceId} and result->>'file_removed' = 'true'`.execute(db);
    expect(rows[0]!.n).toBe(2);
    const admin = await logInAs(app, ws.adminEmail);
    expect((await download(admin, `/api/v1/exports/${expired}/download`)).status).toBe(404);
  });
});

describe('large exports run as a job', () => {
  it('sends more than 10,000 rows to a job with progress, and lets only the creator download the file', async () => {
    const { ws, session, api } = await adminOf();
    const other = await adminOf('Other Co');
    await sql`insert into contacts (workspace_id, display_name, owner_id, city)
              select ${ws.workspaceId}, 'Bulk ' || g, ${ws.adminId}, case when g % 2 = 0 then '上海' else '北京' end
              from generate_series(1, 10001) g`.execute(db);
    const direct = await download(session, '/api/v1/contacts/export?format=csv');
    expect(direct.status).toBe(422);
    expect(direct.json().error.code).toBe('EXPORT_REQUIRES_JOB');

    const started = await api.post('/api/v1/exports', { object: 'contacts', format: 'csv' });
    expect(started.status).toBe(202);
    const jobId = started.body.job_id as string;
    const job = await waitFor(api, jobId, 'succeeded');
    expect(job.kind).toBe('export');
    expect(job.progress).toEqual({ done: 10001, total: 10001 });
    expect(job.result).toMatchObject({ rows: 10001, format: 'csv', object: 'contacts' });
    expect(fs.existsSync(path.join(dataDir, 'exports', ws.workspaceId, `${jobId}.csv`))).toBe(true);

    const file = await download(session, `/api/v1/exports/${jobId}/download`);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/filename="contacts-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = records(file.text);
    expect(rows).toHaveLength(10001);
    expect(new Set(rows.map((r) => r.id)).size).toBe(10001);

    const colleague = await newUser(db, ws.workspaceId, { roleKey: 'admin' });
    const stranger = await download(await logInAs(app, colleague.email), `/api/v1/exports/${jobId}/download`);
    expect(stranger.status).toBe(404);
    expect(stranger.json().error.code).toBe('NOT_FOUND');
    const elsewhere = await download(other.session, `/api/v1/exports/${jobId}/download`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.json().error.code).toBe('NOT_FOUND');
  });

  it('applies the filter in the job and writes XLSX', async () => {
    const { session, api } = await adminOf();
    await contact(api, { last_name: 'Keep', city: '上海' });
    await contact(api, { last_name: 'Drop', city: '北京' });
    const started = await api.post('/api/v1/exports', { object: 'contacts', format: 'xlsx', filter: { field: 'city', op: 'eq', value: '上海' }, columns: ['last_name', 'city'] });
    expect(started.status).toBe(202);
    await waitFor(api, started.body.job_id, 'succeeded');
    const file = await download(session, `/api/v1/exports/${started.body.job_id}/download`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['Keep', '上海']);
  });

  it('answers 409 EXPORT_NOT_READY for a job that has not finished', async () => {
    const { ws, session } = await adminOf();
    const { rows } = await sql<{ id: string }>`insert into job_runs (workspace_id, kind, status, payload, created_by)
      values (${ws.workspaceId}, 'export', 'running', '{"object":"contacts","format":"csv"}', ${ws.adminId}) returning id::text`.execute(db);
    const res = await download(session, `/api/v1/exports/${rows[0]!.id}/download`);
    expect(res.status).toBe(409);
    expect(res.json().error.code).toBe('EXPORT_NOT_READY');
  });
});
