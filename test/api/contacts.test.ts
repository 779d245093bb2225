import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { client, logInAs, newUser, newWorkspace, testApp, type Client } from '../support/test-app.ts';

const { app, db } = await testApp();

async function adminOf(): Promise<{ api: Client; ws: Awaited<ReturnType<typeof newWorkspace>> }> {
  const ws = await newWorkspace(db);
  return { api: client(app, await logInAs(app, ws.adminEmail)), ws };
}

async function countContacts(workspaceId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from contacts where workspace_id = ${workspaceId}`.execute(db);
  return rows[0]!.n;
}

async function auditCount(workspaceId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log where workspace_id = ${workspaceId}`.execute(db);
  return rows[0]!.n;
}

describe('contacts CRUD', () => {
  it('creates, reads, updates and soft-deletes a contact', async () => {
    const { api, ws } = await adminOf();
    const created = await api.post('/api/v1/contacts', {
      first_name: ' Ada ', last_name: 'Lovelace', emails: [{ value: 'Ada@Example.COM', label: 'work' }], phones: [{ value: '138 1234 8000' }],
      birthday: '1990-12-10', city: '上海', tags: ['VIP', ' VIP '], lifecycle_stage: 'lead',
    });
    expect(created.status).toBe(201);
    const c = created.body;
    expect(c).toMatchObject({
      first_name: 'Ada', last_name: 'Lovelace', display_name: 'Ada Lovelace', email: 'Ada@example.com', phone: '+8613812348000',
      emails: [{ value: 'Ada@example.com', label: 'work' }], phones: [{ value: '+8613812348000', label: null }],
      birthday: '1990-12-10', city: '上海', tags: ['VIP'], owner_id: ws.adminId, owner_name: 'Admin', version: 1, attributes: {},
    });
    expect(c.warnings).toBeUndefined();
    const { rows } = await sql<{ tokens: string; phone_rev: string; n: number }>`
      select c.search_tokens::text as tokens, c.phone_rev, (select count(*)::int from contact_aggregates a where a.contact_id = c.id) as n
      from contacts c where c.id = ${c.id}`.execute(db);
    expect(rows[0]!.tokens).toContain('lovelace');
    expect(rows[0]!.phone_rev).toBe('0008432183168');
    expect(rows[0]!.n).toBe(1);

    const got = await api.get(`/api/v1/contacts/${c.id}`);
    expect(got.status).toBe(200);
    expect(got.body.display_name).toBe('Ada Lovelace');

    const patched = await api.patch(`/api/v1/contacts/${c.id}`, { version: 1, last_name: 'King', email: 'ada@king.org' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ display_name: 'Ada King', email: 'ada@king.org', version: 2 });

    const history = await api.get(`/api/v1/contacts/${c.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.data.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
    expect(history.body.data[0].actor_name).toBe('Admin');
    expect(history.body.data[0].changes.last_name).toEqual(['Lovelace', 'King']);
    expect(history.body.data[0].changes.first_name).toBeUndefined();

    expect((await api.delete(`/api/v1/contacts/${c.id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/contacts/${c.id}`)).status).toBe(404);
    const list = await api.get('/api/v1/contacts');
    expect(list.body.data).toHaveLength(0);
    const restored = await api.post(`/api/v1/contacts/${c.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.version).toBe(4);
    expect((await api.get(`/api/v1/contacts/${c.id}`)).status).toBe(200);
  });

  it('writes Chinese names family name first and Western names first last', async () => {
    const { api } = await adminOf();
    const zh = await api.post('/api/v1/contacts', { first_name: '娜', last_name: '李' });
    expect(zh.body.display_name).toBe('李娜');
    const one = await api.post('/api/v1/contacts', { last_name: '欧阳娜娜' });
    expect(one.body.display_name).toBe('欧阳娜娜');
    const en = await api.post('/api/v1/contacts', { first_name: 'Grace', last_name: 'Hopper' });
    expect(en.body.display_name).toBe('Grace Hopper');
  });

  it('links a company and reports its name', async () => {
    const { api } = await adminOf();
    const co = await api.post('/api/v1/companies', { name: '华为' });
    const c = await api.post('/api/v1/contacts', { first_name: '伟', last_name: '张', company_id: co.body.id });
    expect(c.status).toBe(201);
    expect(c.body.company_name).toBe('华为');
    expect((await api.get(`/api/v1/companies/${co.body.id}`)).body.contact_count).toBe(1);
  });

  it('warns about a suspected duplicate but still saves', async () => {
    const { api, ws } = await adminOf();
    const rep = await newUser(db, ws.workspaceId, { name: '王五' });
    const first = await api.post('/api/v1/contacts', { first_name: 'A', last_name: 'One', email: 'dup@example.com', owner_id: rep.id });
    const second = await api.post('/api/v1/contacts', { first_name: 'B', last_name: 'Two', email: 'DUP@example.com', phone: '13900001111' });
    expect(second.status).toBe(201);
    expect(second.body.warnings).toEqual([
      { code: 'DUPLICATE_SUSPECTED', message: expect.any(String), details: { record_id: first.body.id, reasons: ['same email'], owner_name: '王五' } },
    ]);
    expect(await countContacts(ws.workspaceId)).toBe(2);
    const third = await api.post('/api/v1/contacts', { first_name: 'C', last_name: 'Three', phone: '+86 139 0000 1111' });
    expect(third.body.warnings[0].details).toMatchObject({ record_id: second.body.id, reasons: ['same phone'] });
  });
});

describe('contact validation changes nothing', () => {
  const cases: [string, Record<string, unknown>, number, string, string?][] = [
    ['bad email', { last_name: 'X', email: 'not-an-email' }, 400, 'CONTACT_EMAIL_INVALID', 'email'],
    ['bad email in list', { last_name: 'X', emails: [{ value: 'a@b.com' }, { value: 'nope@' }] }, 400, 'CONTACT_EMAIL_INVALID', 'emails[1]'],
    ['bad phone', { last_name: 'X', phone: '12345' }, 400, 'CONTACT_PHONE_INVALID', 'phone'],
    ['impossible date', { last_name: 'X', birthday: '2023-02-30' }, 400, 'DATE_INVALID', 'birthday'],
    ['name too long', { last_name: 'x'.repeat(201) }, 400, 'FIELD_TOO_LONG', 'last_name'],
    ['free text too long', { last_name: 'X', street: 'x'.repeat(2001) }, 400, 'FIELD_TOO_LONG', 'street'],
    ['unknown property', { last_name: 'X', shoe_size: 42 }, 400, 'VALIDATION_FAILED'],
    ['no name', { email: 'a@example.com' }, 400, 'FIELD_REQUIRED', 'last_name'],
    ['unknown custom field', { last_name: 'X', attributes: { nope: 1 } }, 400, 'FIELD_UNKNOWN', 'attributes.nope'],
    ['bad gender', { last_name: 'X', gender: 'robot' }, 400, 'VALIDATION_FAILED'],
  ];
  for (const [name, body, status, code, field] of cases) {
    it(`refuses ${name}`, async () => {
      const { api, ws } = await adminOf();
      const before = await auditCount(ws.workspaceId);
      const res = await api.post('/api/v1/contacts', body);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      if (field) expect(res.body.error.details.field).toBe(field);
      expect(await countContacts(ws.workspaceId)).toBe(0);
      expect(await auditCount(ws.workspaceId)).toBe(before);
    });
  }

  it('refuses a bad patch without changing the contact', async () => {
    const { api } = await adminOf();
    const c = (await api.post('/api/v1/contacts', { last_name: 'Keep', email: 'keep@example.com' })).body;
    for (const [body, code] of [
      [{ version: 1, email: 'broken' }, 'CONTACT_EMAIL_INVALID'],
      [{ version: 1, phone: 'abc' }, 'CONTACT_PHONE_INVALID'],
      [{ version: 1, birthday: '2021-04-31' }, 'DATE_INVALID'],
      [{ version: 1, first_name: 'y'.repeat(300) }, 'FIELD_TOO_LONG'],
      [{ version: 1, nickname: 'x' }, 'VALIDATION_FAILED'],
      [{ version: 1, owner_id: '999999999' }, 'FIELD_VALUE_INVALID'],
      [{ version: 1, company_id: '999999999' }, 'FIELD_VALUE_INVALID'],
    ] as const) {
      const res = await api.patch(`/api/v1/contacts/${c.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe(code);
    }
    const after = (await api.get(`/api/v1/contacts/${c.id}`)).body;
    expect(after).toEqual(c);
  });

  it('answers 409 on a stale version and keeps the newer write', async () => {
    const { api } = await adminOf();
    const c = (await api.post('/api/v1/contacts', { last_name: 'V' })).body;
    expect((await api.patch(`/api/v1/contacts/${c.id}`, { version: 1, city: '北京' })).status).toBe(200);
    const stale = await api.patch(`/api/v1/contacts/${c.id}`, { version: 1, city: '深圳' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const now = (await api.get(`/api/v1/contacts/${c.id}`)).body;
    expect(now).toMatchObject({ city: '北京', version: 2 });
  });

  it('refuses a duplicate external id', async () => {
    const { api, ws } = await adminOf();
    await api.post('/api/v1/contacts', { last_name: 'A', external_id: 'crm-1' });
    const res = await api.post('/api/v1/contacts', { last_name: 'B', external_id: 'crm-1' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('UNIQUE_VIOLATION');
    expect(await countContacts(ws.workspaceId)).toBe(1);
  });
});

describe('workspace isolation', () => {
  it('answers 404 for unknown ids and for another workspace ids, on every verb', async () => {
    const a = await adminOf();
    const b = await adminOf();
    const theirs = (await b.api.post('/api/v1/contacts', { last_name: 'Secret', email: 'secret@example.com' })).body;
    for (const id of [theirs.id, '987654321']) {
      const get = await a.api.get(`/api/v1/contacts/${id}`);
      expect(get.status).toBe(404);
      expect(get.body.error.code).toBe('NOT_FOUND');
      expect((await a.api.patch(`/api/v1/contacts/${id}`, { version: 1, city: 'x' })).status).toBe(404);
      expect((await a.api.delete(`/api/v1/contacts/${id}`)).status).toBe(404);
      expect((await a.api.post(`/api/v1/contacts/${id}/restore`)).status).toBe(404);
      expect((await a.api.get(`/api/v1/contacts/${id}/history`)).status).toBe(404);
      expect((await a.api.get(`/api/v1/contacts/${id}/collaborators`)).status).toBe(404);
    }
    expect((await a.api.get('/api/v1/contacts')).body.data).toHaveLength(0);
    const bulk = await a.api.post('/api/v1/contacts/bulk', { ids: [theirs.id], action: 'delete' });
    expect(bulk.body.affected).toBe(0);
    const still = await b.api.get(`/api/v1/contacts/${theirs.id}`);
    expect(still.body).toMatchObject({ city: null, version: 1 });
    // a contact cannot point at another workspace's company either
    const company = (await b.api.post('/api/v1/companies', { name: 'Theirs Ltd' })).body;
    const res = await a.api.post('/api/v1/contacts', { last_name: 'X', company_id: company.id });
    expect(res.status).toBe(400);
    expect(res.body.error.details.field).toBe('company_id');
  });
});

describe('masking and hidden fields', () => {
  it('masks phone and email in lists but not in details for the sales role', async () => {
    const { ws } = await adminOf();
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const api = client(app, await logInAs(app, rep.email));
    const c = (await api.post('/api/v1/contacts', { last_name: 'M', phone: '13812348000', email: 'masked@example.com', emails: undefined })).body;
    expect(c.phone).toBe('+8613812348000');
    const list = await api.get('/api/v1/contacts');
    expect(list.body.data[0]).toMatchObject({ phone: '+86138****8000', email: 'm***@example.com', phones: [{ value: '+86138****8000', label: null }] });
    const detail = await api.get(`/api/v1/contacts/${c.id}`);
    expect(detail.body.phone).toBe('+8613812348000');
  });

  it('hides a hidden field from list, detail and history, and refuses filtering or sorting on it', async () => {
    const { api: admin, ws } = await adminOf();
    await sql`update roles set permissions = jsonb_set(permissions, '{fields}', '{"contacts": {"birthday": "hidden", "phone": "hidden"}}')
              where workspace_id = ${ws.workspaceId} and key = 'marketing'`.execute(db);
    const m = await newUser(db, ws.workspaceId, { roleKey: 'marketing' });
    const api = client(app, await logInAs(app, m.email));
    const c = (await admin.post('/api/v1/contacts', { last_name: 'H', birthday: '1980-01-02', phone: '13812348000' })).body;
    await admin.patch(`/api/v1/contacts/${c.id}`, { version: 1, birthday: '1981-02-03', city: 'X' });
    const detail = (await api.get(`/api/v1/contacts/${c.id}`)).body;
    expect(detail.birthday).toBeNull();
    expect(detail.phone).toBeNull();
    expect(detail.phones).toEqual([]);
    const list = (await api.get('/api/v1/contacts')).body;
    expect(list.data[0].birthday).toBeNull();
    const history = (await api.get(`/api/v1/contacts/${c.id}/history`)).body;
    expect(JSON.stringify(history)).not.toContain('1980');
    expect(JSON.stringify(history)).not.toContain('1981');
    expect(JSON.stringify(history)).not.toContain('8000');
    expect(history.data[0].changes.city).toEqual([null, 'X']);
    const filtered = await api.get(`/api/v1/contacts?filter=${encodeURIComponent(JSON.stringify({ field: 'birthday', op: 'gt', value: '1970-01-01' }))}`);
    expect(filtered.status).toBe(403);
    expect(filtered.body.error.code).toBe('PERMISSION_DENIED');
    const sorted = await api.get('/api/v1/contacts?sort=birthday');
    expect(sorted.status).toBe(403);
    const write = await api.patch(`/api/v1/contacts/${c.id}`, { version: 2, birthday: '1999-01-01' });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('FIELD_READ_ONLY');
  });

  it('masks history values for a role that masks everywhere', async () => {
    const { api: admin, ws } = await adminOf();
    const analyst = await newUser(db, ws.workspaceId, { roleKey: 'analyst' });
    const api = client(app, await logInAs(app, analyst.email));
    const c = (await admin.post('/api/v1/contacts', { last_name: 'H', phone: '13812348000', email: 'who@example.com' })).body;
    const history = (await api.get(`/api/v1/contacts/${c.id}/history`)).body;
    expect(history.data[0].changes.phones).toEqual([[], [{ value: '+86138****8000', label: null }]]);
    expect(history.data[0].changes.emails[1][0].value).toBe('w***@example.com');
    expect((await api.get(`/api/v1/contacts/${c.id}`)).body.email).toBe('w***@example.com');
  });
});
