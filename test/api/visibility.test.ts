import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { client, logInAs, newDepartment, newUser, newWorkspace, testApp, type Client } from '../support/test-app.ts';

const { app, db } = await testApp();

const FULL_PHONE = '+8613800138000';

/** Contacts are inserted directly: these tests are about who sees them, not about creating them. */
async function contactOf(workspaceId: string, ownerId: string, name: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into contacts (workspace_id, display_name, first_name, owner_id, phone, phones, email, emails)
    values (${workspaceId}, ${name}, ${name}, ${ownerId}, ${FULL_PHONE}, ${JSON.stringify([{ value: FULL_PHONE, label: 'mobile' }])}::jsonb,
            ${`${ownerId}@example.com`}, ${JSON.stringify([{ value: `${ownerId}@example.com`, label: 'work' }])}::jsonb)
    returning id::text`.execute(db);
  return rows[0]!.id;
}

async function contactRow(id: string) {
  const { rows } = await sql<Record<string, unknown>>`select display_name, first_name, owner_id::text, version, deleted_at from contacts where id = ${id}`.execute(db);
  return rows[0];
}

async function listedNames(api: Client): Promise<string[]> {
  const res = await api.get<{ data: { display_name: string }[] }>('/api/v1/contacts?limit=200');
  expect(res.status).toBe(200);
  return res.body.data.map((c) => c.display_name).sort();
}

/** A role granting contacts view (and edit) with one data scope and optional field rules. */
async function roleWith(admin: Client, key: string, contacts: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await admin.post('/api/v1/roles', { key, name: key, permissions: { objects: { contacts }, ...extra } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function adminOf(name = 'Test Co') {
  const ws = await newWorkspace(db, name);
  return { ws, admin: client(app, await logInAs(app, ws.adminEmail)) };
}

describe('workspace isolation of contacts', () => {
  it('answers 404 for another workspace\'s contact on read, edit and delete, changing nothing', async () => {
    const a = await adminOf('A Co');
    const b = await adminOf('B Co');
    const bContact = await contactOf(b.ws.workspaceId, b.ws.adminId, 'B 的客户');
    const before = await contactRow(bContact);
    expect(await listedNames(a.admin)).toEqual([]);
    for (const res of [
      await a.admin.get(`/api/v1/contacts/${bContact}`),
      await a.admin.patch(`/api/v1/contacts/${bContact}`, { first_name: 'hijacked', version: 1 }),
      await a.admin.delete(`/api/v1/contacts/${bContact}`),
      await a.admin.get(`/api/v1/contacts/${bContact}/history`),
      await a.admin.post(`/api/v1/contacts/${bContact}/collaborators`, { user_id: a.ws.adminId, access: 'write' }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect(await contactRow(bContact)).toEqual(before);
  });
});

describe('data scopes (数据权限)', () => {
  it('lists exactly the contacts of each of the five scopes over a department tree and manager chain', async () => {
    const { ws, admin } = await adminOf();
    const w = ws.workspaceId;
    // 总部 › 销售部 › 华东区
    const hq = await newDepartment(db, w, '总部', null);
    const sales = await newDepartment(db, w, '销售部', hq);
    const east = await newDepartment(db, w, '华东区', sales);
    const ceo = await newUser(db, w, { name: 'ceo', departmentId: hq });
    const head = await newUser(db, w, { name: 'head', departmentId: sales, managerId: ceo.id });
    const rep = await newUser(db, w, { name: 'rep', departmentId: sales, managerId: head.id });
    const intern = await newUser(db, w, { name: 'intern', departmentId: east, managerId: rep.id });
    const assistant = await newUser(db, w, { name: 'assistant', departmentId: hq, managerId: head.id });
    const eastLead = await newUser(db, w, { name: 'eastLead', departmentId: east, managerId: ceo.id });
    const eastRep = await newUser(db, w, { name: 'eastRep', departmentId: east, managerId: eastLead.id });
    const hqStaff = await newUser(db, w, { name: 'hqStaff', departmentId: hq, managerId: ceo.id });
    for (const u of [ceo, head, rep, intern, assistant, eastLead, eastRep, hqStaff]) {
      const { rows } = await sql<{ name: string }>`select name from users where id = ${u.id}`.execute(db);
      await contactOf(w, u.id, `c-${rows[0]!.name}`);
    }
    const asHead = client(app, await logInAs(app, head.email));
    const expected: Record<string, string[]> = {
      own: ['c-head'],
      subordinates: ['c-assistant', 'c-head', 'c-intern', 'c-rep'], // the reporting chain, across departments
      department: ['c-head', 'c-rep'], // 销售部 only
      department_tree: ['c-eastLead', 'c-eastRep', 'c-head', 'c-intern', 'c-rep'], // 销售部 and 华东区
      all: ['c-assistant', 'c-ceo', 'c-eastLead', 'c-eastRep', 'c-head', 'c-hqStaff', 'c-intern', 'c-rep'],
    };
    for (const [scope, names] of Object.entries(expected)) {
      const roleId = await roleWith(admin, `scope_${scope}`, { actions: ['view'], scope });
      expect((await admin.patch(`/api/v1/users/${head.id}`, { role_id: roleId })).status).toBe(200);
      // the role change applies on the head's next request, with the same session
      expect(await listedNames(asHead), scope).toEqual(names.sort());
    }
    // outside the scope a record is simply not there
    await admin.patch(`/api/v1/users/${head.id}`, { role_id: (await roleWith(admin, 'scope_own_again', { actions: ['view'], scope: 'own' })) });
    const ceoContact = (await sql<{ id: string }>`select id::text from contacts where owner_id = ${ceo.id}`.execute(db)).rows[0]!.id;
    const res = await asHead.get(`/api/v1/contacts/${ceoContact}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('a scoped list, page by page', () => {
  it('pages through exactly the scope\'s and the shared records, in order, with ties, an in-scope share and the right total', async () => {
    const { ws, admin } = await adminOf();
    const w = ws.workspaceId;
    const team = await newDepartment(db, w, '华南区', null);
    const other = await newDepartment(db, w, '华北区', null);
    const roleId = await roleWith(admin, 'dept_viewer', { actions: ['view'], scope: 'department' });
    const reader = await newUser(db, w, { departmentId: team });
    await admin.patch(`/api/v1/users/${reader.id}`, { role_id: roleId });
    const mate = await newUser(db, w, { departmentId: team });
    await newUser(db, w, { departmentId: team }); // owns nothing
    const outsider = await newUser(db, w, { departmentId: other });
    const ids: Record<string, string[]> = { reader: [], mate: [], outsider: [] };
    for (const [who, owner, n] of [['reader', reader.id, 4], ['mate', mate.id, 5], ['outsider', outsider.id, 6]] as const) {
      for (let i = 0; i < n; i++) ids[who]!.push(await contactOf(w, owner, `${who}-${i}`));
    }
    // equal timestamps across owners: the id breaks the tie
    await sql`update contacts set updated_at = '2026-01-01T00:00:00Z'::timestamptz - ((id % 4) || ' minutes')::interval where workspace_id = ${w}`.execute(db);
    await sql`update contacts set deleted_at = now() where id = ${ids.mate![0]!}`.execute(db);
    const share = async (id: string, expires: string | null) => sql`insert into record_collaborators (workspace_id, object_type, record_id, user_id, access, expires_at)
      values (${w}, 'contacts', ${id}, ${reader.id}, 'read', ${expires})`.execute(db);
    await share(ids.outsider![0]!, null);
    await share(ids.outsider![1]!, null);
    await share(ids.outsider![2]!, '2020-01-01T00:00:00Z');
    await share(ids.mate![1]!, null); // in scope and shared: listed once
    const expected = async (desc: boolean) => (await sql<{ id: string }>`
      select id::text from contacts where workspace_id = ${w} and deleted_at is null
        and (owner_id in (${reader.id}, ${mate.id}) or id in (${ids.outsider![0]!}, ${ids.outsider![1]!}))
      order by updated_at ${desc ? sql`desc` : sql`asc`}, id ${desc ? sql`desc` : sql`asc`}`.execute(db)).rows.map((r) => r.id);
    const api = client(app, await logInAs(app, reader.email));
    for (const sort of ['-updated_at', 'updated_at']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let first = true;
      do {
        const res: { status: number; body: { data: { id: string }[]; next_cursor: string | null; total: number } } =
          await api.get(`/api/v1/contacts?limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        if (first) expect(res.body.total).toBe(10);
        first = false;
        seen.push(...res.body.data.map((c) => c.id));
        cursor = res.body.next_cursor;
      } while (cursor);
      expect(seen).toEqual(await expected(sort.startsWith('-')));
      expect(seen).toHaveLength(10);
    }
  });
});

describe('collaborators (协作人)', () => {
  it('a read share shows the record, a write share allows editing, an expired share shows nothing', async () => {
    const { ws, admin } = await adminOf();
    const owner = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const outsider = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const id = await contactOf(ws.workspaceId, owner.id, '共享客户');
    const asOutsider = client(app, await logInAs(app, outsider.email));
    const asOwner = client(app, await logInAs(app, owner.email));
    expect(await listedNames(asOutsider)).toEqual([]);
    expect((await asOutsider.get(`/api/v1/contacts/${id}`)).status).toBe(404);

    expect((await asOwner.post(`/api/v1/contacts/${id}/collaborators`, { user_id: outsider.id, access: 'read' })).status).toBe(201);
    expect(await listedNames(asOutsider)).toEqual(['共享客户']);
    expect((await asOutsider.get(`/api/v1/contacts/${id}`)).status).toBe(200);
    const before = await contactRow(id);
    const readOnlyEdit = await asOutsider.patch(`/api/v1/contacts/${id}`, { first_name: 'changed', version: 1 });
    expect([403, 404]).toContain(readOnlyEdit.status);
    expect(['PERMISSION_DENIED', 'NOT_FOUND']).toContain(readOnlyEdit.body.error.code);
    expect(await contactRow(id)).toEqual(before);

    expect((await asOwner.post(`/api/v1/contacts/${id}/collaborators`, { user_id: outsider.id, access: 'write' })).status).toBe(201);
    const edit = await asOutsider.patch(`/api/v1/contacts/${id}`, { first_name: 'changed', version: 1 });
    expect(edit.status).toBe(200);
    expect((await contactRow(id))?.first_name).toBe('changed');

    const past = new Date(Date.now() - 60_000).toISOString();
    expect((await admin.post(`/api/v1/contacts/${id}/collaborators`, { user_id: outsider.id, access: 'write', expires_at: past })).status).toBe(201);
    expect(await listedNames(asOutsider)).toEqual([]);
    expect((await asOutsider.get(`/api/v1/contacts/${id}`)).status).toBe(404);
    const lateEdit = await asOutsider.patch(`/api/v1/contacts/${id}`, { first_name: 'too late', version: 2 });
    expect(lateEdit.status).toBe(404);
    expect((await contactRow(id))?.first_name).toBe('changed');
  });
});

describe('field permissions and masking (字段权限 / 脱敏)', () => {
  async function phoneSeen(roleContacts: Record<string, unknown>, extra: Record<string, unknown>) {
    const { ws, admin } = await adminOf();
    const roleId = await roleWith(admin, 'field_rule', roleContacts, extra);
    const user = await newUser(db, ws.workspaceId);
    await admin.patch(`/api/v1/users/${user.id}`, { role_id: roleId });
    const id = await contactOf(ws.workspaceId, ws.adminId, '手机客户');
    const api = client(app, await logInAs(app, user.email));
    const list = await api.get('/api/v1/contacts');
    const detail = await api.get(`/api/v1/contacts/${id}`);
    expect(list.status).toBe(200);
    expect(detail.status).toBe(200);
    return { list: list.body.data[0], detail: detail.body, listRaw: JSON.stringify(list.body), detailRaw: JSON.stringify(detail.body) };
  }
  const ALL = { actions: ['view'], scope: 'all' };

  it('a hidden phone appears in neither list nor detail', async () => {
    const seen = await phoneSeen(ALL, { fields: { contacts: { phone: 'hidden' } } });
    expect(seen.list.phone ?? null).toBeNull();
    expect(seen.detail.phone ?? null).toBeNull();
    expect(seen.listRaw).not.toContain('8000');
    expect(seen.detailRaw).not.toContain('8000');
  });

  it('a phone masked in lists shows 138****8000 in the list and the full number in the detail', async () => {
    const seen = await phoneSeen(ALL, { masks: { contacts: { phone: 'list' } } });
    expect(seen.list.phone).toContain('138****8000');
    expect(seen.listRaw).not.toContain(FULL_PHONE);
    expect(seen.detail.phone).toBe(FULL_PHONE);
  });

  it('a phone masked everywhere is masked in both', async () => {
    const seen = await phoneSeen(ALL, { masks: { contacts: { phone: 'everywhere' } } });
    expect(seen.list.phone).toContain('138****8000');
    expect(seen.detail.phone).toContain('138****8000');
    expect(seen.listRaw + seen.detailRaw).not.toContain(FULL_PHONE);
  });
});

describe('filters on masked fields', () => {
  it('allow whole-value matches but refuse partial ones that would reveal the value', async () => {
    const { ws, admin } = await adminOf();
    const roleId = await roleWith(admin, 'masked_filter', { actions: ['view'], scope: 'all' }, { masks: { contacts: { phone: 'list' } } });
    const user = await newUser(db, ws.workspaceId);
    await admin.patch(`/api/v1/users/${user.id}`, { role_id: roleId });
    await contactOf(ws.workspaceId, ws.adminId, '筛选客户');
    const api = client(app, await logInAs(app, user.email));
    const q = (f: unknown) => api.get(`/api/v1/contacts?filter=${encodeURIComponent(JSON.stringify(f))}`);
    const exact = await q({ field: 'phone', op: 'eq', value: FULL_PHONE });
    expect(exact.status).toBe(200);
    expect(exact.body.data).toHaveLength(1);
    for (const op of ['starts_with', 'contains', 'gt']) {
      const partial = await q({ or: [{ field: 'phone', op, value: '+86138' }] });
      expect(partial.status).toBe(403);
      expect(partial.body.error.code).toBe('PERMISSION_DENIED');
    }
    // the admin's role masks nothing: partial matches work
    const byAdmin = await admin.get(`/api/v1/contacts?filter=${encodeURIComponent(JSON.stringify({ field: 'phone', op: 'starts_with', value: '+86138' }))}`);
    expect(byAdmin.status).toBe(200);
  });
});

describe('hand-over and visibility', () => {
  it('moves the records to the heir, who then sees them under the own scope; history shows the move', async () => {
    const { ws, admin } = await adminOf();
    const leaving = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const heir = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const ids = [await contactOf(ws.workspaceId, leaving.id, '老客户一'), await contactOf(ws.workspaceId, leaving.id, '老客户二')];
    const asHeir = client(app, await logInAs(app, heir.email));
    expect(await listedNames(asHeir)).toEqual([]);
    const res = await admin.post(`/api/v1/users/${leaving.id}/handover`, { to_user_id: heir.id });
    expect(res.status).toBe(200);
    expect(res.body.moved.contacts).toBe(2);
    expect(await listedNames(asHeir)).toEqual(['老客户一', '老客户二']);
    const asLeaving = client(app, await logInAs(app, leaving.email));
    expect(await listedNames(asLeaving)).toEqual([]);
    const history = await asHeir.get(`/api/v1/contacts/${ids[0]}/history`);
    expect(history.status).toBe(200);
    const entry = history.body.data.find((h: { action: string }) => h.action === 'handover');
    expect(entry).toMatchObject({ actor_id: ws.adminId, changes: { owner_id: [leaving.id, heir.id] } });
  });
});

describe('API keys on contacts', () => {
  it('a contacts:read key can list but not create (403); revoked it answers 401', async () => {
    const { ws, admin } = await adminOf();
    await contactOf(ws.workspaceId, ws.adminId, '客户');
    const key = await admin.post('/api/v1/api-keys', { name: 'reader', scopes: ['contacts:read'] });
    expect(key.status).toBe(201);
    const viaKey = client(app, { bearer: key.body.key });
    expect(await listedNames(viaKey)).toEqual(['客户']);
    const { rows: before } = await sql<{ n: number }>`select count(*)::int as n from contacts where workspace_id = ${ws.workspaceId}`.execute(db);
    const create = await viaKey.post('/api/v1/contacts', { first_name: '新客户' });
    expect(create.status).toBe(403);
    expect(create.body.error.code).toBe('PERMISSION_DENIED');
    const { rows: after } = await sql<{ n: number }>`select count(*)::int as n from contacts where workspace_id = ${ws.workspaceId}`.execute(db);
    expect(after[0]?.n).toBe(before[0]?.n);
    // a full key of the same user may create, without any CSRF header
    const full = await admin.post('/api/v1/api-keys', { name: 'writer', scopes: ['contacts:write'] });
    expect((await client(app, { bearer: full.body.key }).post('/api/v1/contacts', { first_name: '新客户' })).status).toBe(201);
    expect((await admin.delete(`/api/v1/api-keys/${key.body.id}`)).status).toBe(200);
    const revoked = await viaKey.get('/api/v1/contacts');
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('API_KEY_INVALID');
  });
});
