import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { client, logInAs, newUser, newWorkspace, testApp, type Client } from '../support/test-app.ts';

const { app, db } = await testApp();

async function adminOf(): Promise<{ api: Client; ws: Awaited<ReturnType<typeof newWorkspace>> }> {
  const ws = await newWorkspace(db);
  return { api: client(app, await logInAs(app, ws.adminEmail)), ws };
}

async function countCompanies(workspaceId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from companies where workspace_id = ${workspaceId}`.execute(db);
  return rows[0]!.n;
}

describe('companies', () => {
  it('creates, lists, updates, deletes and restores a company', async () => {
    const { api, ws } = await adminOf();
    const created = await api.post('/api/v1/companies', {
      name: ' 上海贸易有限公司 ', domain: 'https://www.Example.CN/about', phone: '021 6123 4567', email: 'Info@Example.CN', industry: '贸易', tags: ['dealer'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: '上海贸易有限公司', domain: 'example.cn', phone: '+862161234567', email: 'Info@example.cn', owner_id: ws.adminId, owner_name: 'Admin',
      contact_count: 0, version: 1, tags: ['dealer'],
    });
    const id = created.body.id;
    await api.post('/api/v1/contacts', { last_name: '王', company_id: id });
    const list = await api.get('/api/v1/companies?sort=name');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, total_capped: false, next_cursor: null });
    expect(list.body.data[0]).toMatchObject({ id, contact_count: 1 });
    expect((await api.get('/api/v1/companies?q=贸易')).body.data).toHaveLength(1);
    expect((await api.get(`/api/v1/companies?filter=${encodeURIComponent(JSON.stringify({ field: 'domain', op: 'eq', value: 'example.cn' }))}`)).body.data).toHaveLength(1);

    const patched = await api.patch(`/api/v1/companies/${id}`, { version: 1, industry: '物流' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ industry: '物流', version: 2 });
    const stale = await api.patch(`/api/v1/companies/${id}`, { version: 1, industry: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');

    const history = await api.get(`/api/v1/companies/${id}/history`);
    expect(history.body.data[0].changes).toEqual({ industry: ['贸易', '物流'] });

    expect((await api.delete(`/api/v1/companies/${id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/companies/${id}`)).status).toBe(404);
    expect((await api.post(`/api/v1/companies/${id}/restore`)).status).toBe(200);
    expect((await api.get(`/api/v1/companies/${id}`)).body.version).toBe(4);
  });

  it('warns on the same domain or name, naming the owner', async () => {
    const { api, ws } = await adminOf();
    const rep = await newUser(db, ws.workspaceId, { name: '赵六' });
    const first = await api.post('/api/v1/companies', { name: 'Acme', domain: 'acme.com', owner_id: rep.id });
    const second = await api.post('/api/v1/companies', { name: 'ACME', domain: 'www.acme.com' });
    expect(second.status).toBe(201);
    expect(second.body.warnings[0].details).toEqual({ record_id: first.body.id, reasons: ['same domain', 'same name'], owner_name: '赵六' });
    expect(await countCompanies(ws.workspaceId)).toBe(2);
  });

  it('refuses bad input without writing anything', async () => {
    const { api, ws } = await adminOf();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'FIELD_REQUIRED'],
      [{}, 'VALIDATION_FAILED'],
      [{ name: 'x'.repeat(201) }, 'FIELD_TOO_LONG'],
      [{ name: 'X', email: 'nope' }, 'CONTACT_EMAIL_INVALID'],
      [{ name: 'X', phone: '1' }, 'CONTACT_PHONE_INVALID'],
      [{ name: 'X', domain: 'not a domain' }, 'FIELD_VALUE_INVALID'],
      [{ name: 'X', revenue: 1 }, 'VALIDATION_FAILED'],
      [{ name: 'X', attributes: { nope: 1 } }, 'FIELD_UNKNOWN'],
    ];
    for (const [body, code] of cases) {
      const res = await api.post('/api/v1/companies', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe(code);
    }
    expect(await countCompanies(ws.workspaceId)).toBe(0);
  });

  it('keeps workspaces apart', async () => {
    const a = await adminOf();
    const b = await adminOf();
    const theirs = (await b.api.post('/api/v1/companies', { name: 'Theirs' })).body;
    expect((await a.api.get(`/api/v1/companies/${theirs.id}`)).status).toBe(404);
    expect((await a.api.patch(`/api/v1/companies/${theirs.id}`, { version: 1, name: 'Mine' })).status).toBe(404);
    expect((await a.api.delete(`/api/v1/companies/${theirs.id}`)).status).toBe(404);
    expect((await a.api.get('/api/v1/companies')).body.data).toHaveLength(0);
    expect((await b.api.get(`/api/v1/companies/${theirs.id}`)).body).toMatchObject({ name: 'Theirs', version: 1 });
  });

  it('shows a sales rep only their own companies', async () => {
    const { api, ws } = await adminOf();
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const repApi = client(app, await logInAs(app, rep.email));
    await api.post('/api/v1/companies', { name: 'Not yours' });
    const mine = (await repApi.post('/api/v1/companies', { name: 'Yours' })).body;
    const list = await repApi.get('/api/v1/companies');
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect(list.body.total).toBe(1);
  });
});
