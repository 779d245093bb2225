import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { adminAndTwoReps, client, logInAs, newUser, testApp, type Client } from '../support/test-app.ts';

const { app, db } = await testApp();

const setup = () => adminAndTwoReps(app, db);

async function contact(api: Client, body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const res = await api.post('/api/v1/contacts', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function rows(workspaceId: string) {
  const { rows } = await sql<{ id: string; tags: string[]; owner_id: string; version: number; deleted: boolean }>`
    select id::text, tags, owner_id::text, version, deleted_at is not null as deleted from contacts where workspace_id = ${workspaceId} order by id`.execute(db);
  return rows;
}

describe('bulk actions', () => {
  it('tags, untags, changes owner and deletes only rows the caller may write', async () => {
    const { ws, admin, repA, repB } = await setup();
    // a manager over department_tree with bulk rights; the two reps' records sit outside his department
    const dept = (await sql<{ id: string }>`insert into departments (workspace_id, name) values (${ws.workspaceId}, 'East') returning id::text`.execute(db)).rows[0]!.id;
    const mgr = await newUser(db, ws.workspaceId, { roleKey: 'manager', departmentId: dept, name: 'Mgr' });
    const m = client(app, await logInAs(app, mgr.email));
    const own1 = await contact(m, { last_name: 'Own1', tags: ['old'] });
    const own2 = await contact(m, { last_name: 'Own2' });
    const foreign = await contact(admin, { last_name: 'Foreign', owner_id: repA.id, tags: ['old'] });
    const shared = await contact(admin, { last_name: 'Shared', owner_id: repB.id });
    await admin.post(`/api/v1/contacts/${shared.id}/collaborators`, { user_id: mgr.id, access: 'write' });
    const ids = [own1.id, own2.id, foreign.id, shared.id];

    const tag = await m.post('/api/v1/contacts/bulk', { ids, action: 'tag', tag: ' 重点客户 ' });
    expect(tag.body).toEqual({ affected: 3 });
    expect((await m.post('/api/v1/contacts/bulk', { ids, action: 'tag', tag: '重点客户' })).body).toEqual({ affected: 0 });
    const byFilter = await m.post('/api/v1/contacts/bulk', { filter: { field: 'tags', op: 'has_tag', value: 'old' }, action: 'untag', tag: 'old' });
    expect(byFilter.body).toEqual({ affected: 1 });
    let now = await rows(ws.workspaceId);
    expect(now.find((r) => r.id === own1.id)).toMatchObject({ tags: ['重点客户'], version: 3 });
    expect(now.find((r) => r.id === foreign.id)).toMatchObject({ tags: ['old'], version: 1 });
    expect(now.find((r) => r.id === shared.id)).toMatchObject({ tags: ['重点客户'], version: 2 });

    const owner = await m.post('/api/v1/contacts/bulk', { ids: [own2.id, foreign.id], action: 'change_owner', owner_id: repB.id });
    expect(owner.body).toEqual({ affected: 1 });
    const del = await m.post('/api/v1/contacts/bulk', { ids, action: 'delete' });
    expect(del.body).toEqual({ affected: 2 });
    now = await rows(ws.workspaceId);
    expect(now.find((r) => r.id === own2.id)).toMatchObject({ owner_id: repB.id, deleted: false });
    expect(now.filter((r) => r.deleted).map((r) => r.id).sort()).toEqual([own1.id, shared.id].sort());

    const { rows: audits } = await sql<{ action: string; n: number }>`
      select action, count(*)::int as n from audit_log where workspace_id = ${ws.workspaceId} and object_type = 'contacts' and action in ('update', 'delete')
      group by action order by action`.execute(db);
    expect(audits).toEqual([{ action: 'delete', n: 2 }, { action: 'update', n: 5 }]);
    const history = (await admin.get(`/api/v1/contacts/${own2.id}/history`)).body;
    expect(history.data[0]).toMatchObject({ actor_name: 'Mgr', action: 'update', changes: { owner_id: [mgr.id, repB.id] } });
  });

  it('needs the bulk permission and a selection, and refuses bad input', async () => {
    const { ws, admin, a } = await setup();
    const c = await contact(admin, { last_name: 'X' });
    const res = await a.post('/api/v1/contacts/bulk', { ids: [c.id], action: 'tag', tag: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('PERMISSION_DENIED');
    for (const [body, code] of [
      [{ action: 'tag', tag: 'x' }, 'VALIDATION_FAILED'],
      [{ ids: [c.id], action: 'tag' }, 'FIELD_REQUIRED'],
      [{ ids: [c.id], action: 'tag', tag: 'x'.repeat(51) }, 'FIELD_TOO_LONG'],
      [{ ids: [c.id], action: 'change_owner', owner_id: '99999999' }, 'FIELD_VALUE_INVALID'],
      [{ ids: [c.id], action: 'explode' }, 'VALIDATION_FAILED'],
      [{ filter: { field: 'nope', op: 'eq', value: 1 }, action: 'delete' }, 'FILTER_INVALID'],
    ] as const) {
      const r = await admin.post('/api/v1/contacts/bulk', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe(code);
    }
    expect(await rows(ws.workspaceId)).toEqual([{ id: c.id, tags: [], owner_id: ws.adminId, version: 1, deleted: false }]);
  });

  it('works for companies too', async () => {
    const { admin } = await setup();
    const co = (await admin.post('/api/v1/companies', { name: 'Acme' })).body;
    expect((await admin.post('/api/v1/companies/bulk', { ids: [co.id], action: 'tag', tag: 'dealer' })).body).toEqual({ affected: 1 });
    expect((await admin.get(`/api/v1/companies/${co.id}`)).body.tags).toEqual(['dealer']);
  });
});

describe('trash', () => {
  it('lists visible deleted records and restores within 30 days only', async () => {
    const { ws, admin, a, repA } = await setup();
    const mine = await contact(a, { last_name: 'Mine' });
    const notMine = await contact(admin, { last_name: 'NotMine' });
    const old = await contact(a, { last_name: 'Old' });
    for (const id of [mine.id, old.id]) expect((await a.delete(`/api/v1/contacts/${id}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/contacts/${notMine.id}`)).status).toBe(204);
    await sql`update contacts set deleted_at = now() - interval '31 days' where id = ${old.id}`.execute(db);

    const trash = await a.get('/api/v1/trash?object=contacts');
    expect(trash.status).toBe(200);
    expect(trash.body.data).toEqual([{ object: 'contacts', id: mine.id, title: 'Mine', owner_id: repA.id, owner_name: 'Rep A', deleted_at: expect.any(String) }]);
    expect(trash.body.total).toBe(1);
    expect((await admin.get('/api/v1/trash?object=contacts')).body.data).toHaveLength(2);
    expect((await a.get('/api/v1/trash?object=orders')).body.error.code).toBe('VALIDATION_FAILED');

    const tooOld = await a.post(`/api/v1/contacts/${old.id}/restore`);
    expect(tooOld.status).toBe(404);
    expect(tooOld.body.error.code).toBe('NOT_FOUND');
    expect((await a.post(`/api/v1/contacts/${notMine.id}/restore`)).status).toBe(404);
    const back = await a.post(`/api/v1/contacts/${mine.id}/restore`);
    expect(back.status).toBe(200);
    expect(back.body.last_name).toBe('Mine');
    expect((await a.get('/api/v1/trash?object=contacts')).body.data).toEqual([]);
    expect((await a.post(`/api/v1/contacts/${mine.id}/restore`)).status).toBe(404);
    const { rows: r } = await sql<{ deleted: boolean }>`select deleted_at is not null as deleted from contacts where id = ${old.id} and workspace_id = ${ws.workspaceId}`.execute(db);
    expect(r[0]!.deleted).toBe(true);
  });
});

describe('collaborators', () => {
  it('read shares see, write shares edit, expired shares give nothing', async () => {
    const { admin, a, b, repA, repB } = await setup();
    const c = await contact(a, { last_name: 'Shared' });
    expect((await b.get(`/api/v1/contacts/${c.id}`)).status).toBe(404);

    // a user who cannot edit the record cannot share it
    const refused = await b.post(`/api/v1/contacts/${c.id}/collaborators`, { user_id: repB.id, access: 'write' });
    expect(refused.status).toBe(404);

    // an explicit null expiry means "no expiry" (JSON bodies are not type-coerced: null must stay null)
    const share = await a.post(`/api/v1/contacts/${c.id}/collaborators`, { user_id: repB.id, access: 'read', expires_at: null });
    expect(share.status).toBe(201);
    expect(share.body).toMatchObject({ user_id: repB.id, user_name: 'Rep B', access: 'read', expires_at: null, expired: false });
    expect((await b.get(`/api/v1/contacts/${c.id}`)).status).toBe(200);
    expect((await b.get('/api/v1/contacts')).body.data.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const readOnly = await b.patch(`/api/v1/contacts/${c.id}`, { version: 1, city: 'x' });
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.error.code).toBe('PERMISSION_DENIED');
    expect((await b.delete(`/api/v1/contacts/${c.id}`)).status).toBe(403);
    const reshare = await b.post(`/api/v1/contacts/${c.id}/collaborators`, { user_id: repB.id, access: 'write' });
    expect(reshare.status).toBe(403);

    await a.post(`/api/v1/contacts/${c.id}/collaborators`, { user_id: repB.id, access: 'write' });
    const write = await b.patch(`/api/v1/contacts/${c.id}`, { version: 1, city: '杭州' });
    expect(write.status).toBe(200);
    expect(write.body.city).toBe('杭州');

    const past = new Date(Date.now() - 60_000).toISOString();
    const expired = await a.post(`/api/v1/contacts/${c.id}/collaborators`, { user_id: repB.id, access: 'write', expires_at: past });
    expect(expired.body.expired).toBe(true);
    expect((await b.get(`/api/v1/contacts/${c.id}`)).status).toBe(404);
    expect((await b.get('/api/v1/contacts')).body.data).toEqual([]);
    expect((await b.patch(`/api/v1/contacts/${c.id}`, { version: 2, city: 'x' })).status).toBe(404);

    const list = await admin.get(`/api/v1/contacts/${c.id}/collaborators`);
    expect(list.body.data).toHaveLength(1);
    expect((await a.delete(`/api/v1/contacts/${c.id}/collaborators/${repB.id}`)).status).toBe(204);
    expect((await a.delete(`/api/v1/contacts/${c.id}/collaborators/${repB.id}`)).status).toBe(404);
    expect((await a.get(`/api/v1/contacts/${c.id}/collaborators`)).body.data).toEqual([]);
    const bad = await a.post(`/api/v1/contacts/${c.id}/collaborators`, { user_id: '99999999', access: 'read' });
    expect(bad.body.error.code).toBe('FIELD_VALUE_INVALID');
    const history = (await a.get(`/api/v1/contacts/${c.id}/history`)).body.data.map((h: { action: string }) => h.action);
    expect(history).toContain('share');
    expect(history).toContain('unshare');
    expect(repA.id).not.toBe(repB.id);
  });

  it('shares companies the same way', async () => {
    const { a, b, repB } = await setup();
    const co = (await a.post('/api/v1/companies', { name: 'Co' })).body;
    expect((await b.get(`/api/v1/companies/${co.id}`)).status).toBe(404);
    await a.post(`/api/v1/companies/${co.id}/collaborators`, { user_id: repB.id, access: 'read', expires_at: new Date(Date.now() + 86_400_000).toISOString() });
    expect((await b.get(`/api/v1/companies/${co.id}`)).status).toBe(200);
  });
});

describe('saved views', () => {
  it('keeps views per user and validates their filter', async () => {
    const { a, b } = await setup();
    const filter = { and: [{ field: 'city', op: 'eq', value: '上海' }] };
    const created = await a.post('/api/v1/saved-views', { object: 'contacts', name: '上海客户', filter, sort: '-updated_at', columns: ['display_name', 'city'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ object: 'contacts', name: '上海客户', filter, sort: '-updated_at', columns: ['display_name', 'city'] });
    expect((await a.get('/api/v1/saved-views?object=contacts')).body.data).toHaveLength(1);
    expect((await b.get('/api/v1/saved-views?object=contacts')).body.data).toEqual([]);
    expect((await a.get('/api/v1/saved-views?object=companies')).body.data).toEqual([]);
    expect((await b.delete(`/api/v1/saved-views/${created.body.id}`)).status).toBe(404);

    for (const [body, code] of [
      [{ object: 'contacts', name: 'bad', filter: { field: 'nope', op: 'eq', value: 1 } }, 'FILTER_INVALID'],
      [{ object: 'contacts', name: 'bad', filter: '{oops' }, 'FILTER_INVALID'],
      [{ object: 'contacts', name: 'bad', sort: 'secret' }, 'SORT_INVALID'],
      [{ object: 'contacts', name: 'bad', owner: 'x' }, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await a.post('/api/v1/saved-views', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe(code);
    }
    expect((await a.get('/api/v1/saved-views?object=contacts')).body.data).toHaveLength(1);
    expect((await a.delete(`/api/v1/saved-views/${created.body.id}`)).status).toBe(204);
    expect((await a.get('/api/v1/saved-views?object=contacts')).body.data).toEqual([]);
  });
});
