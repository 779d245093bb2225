import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { client, logInAs, newUser, newWorkspace, testApp } from '../support/test-app.ts';

const { app, db } = await testApp();

async function adminOf() {
  const ws = await newWorkspace(db);
  return { ws, api: client(app, await logInAs(app, ws.adminEmail)) };
}

async function roleRows(workspaceId: string) {
  const { rows } = await sql<Record<string, unknown>>`select id::text, key, name, permissions, version from roles where workspace_id = ${workspaceId} order by id`.execute(db);
  return rows;
}

async function roleId(workspaceId: string, key: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`select id::text from roles where workspace_id = ${workspaceId} and key = ${key}`.execute(db);
  return rows[0]!.id;
}

const READER = { objects: { contacts: { actions: ['view'], scope: 'own' } } };

describe('roles', () => {
  it('lists the default roles with their permissions, for any signed-in user', async () => {
    const { ws } = await adminOf();
    const rep = await newUser(db, ws.workspaceId);
    const res = await client(app, await logInAs(app, rep.email)).get('/api/v1/roles');
    expect(res.status).toBe(200);
    const keys = res.body.data.map((r: { key: string }) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['admin', 'manager', 'sales', 'marketing', 'service', 'analyst', 'viewer']));
    const sales = res.body.data.find((r: { key: string }) => r.key === 'sales');
    expect(sales.permissions.masks.contacts.phone).toBe('list');
    expect(sales.user_count).toBe(1);
  });

  it('creates a role (fields and masks optional) and refuses a duplicate key', async () => {
    const { ws, api } = await adminOf();
    const res = await api.post('/api/v1/roles', { key: 'intern', name: '实习生', permissions: READER });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ key: 'intern', name: '实习生', permissions: { objects: READER.objects, fields: {}, masks: {} }, is_system: false, user_count: 0 });
    const before = await roleRows(ws.workspaceId);
    const dup = await api.post('/api/v1/roles', { key: 'intern', name: 'Again', permissions: READER });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('UNIQUE_VIOLATION');
    expect(await roleRows(ws.workspaceId)).toEqual(before);
  });

  it.each([
    ['an unknown object', { objects: { contact: { actions: ['view'], scope: 'own' } } }],
    ['an unknown action', { objects: { contacts: { actions: ['view', 'admin'], scope: 'own' } } }],
    ['an unknown scope', { objects: { contacts: { actions: ['view'], scope: 'everyone' } } }],
    ['a missing scope', { objects: { contacts: { actions: ['view'] } } }],
    ['an unknown field access', { objects: {}, fields: { contacts: { phone: 'secret' } } }],
    ['an unknown mask mode', { objects: {}, masks: { contacts: { phone: 'always' } } }],
    ['a malformed field name', { objects: {}, fields: { contacts: { 'Phone Number': 'hidden' } } }],
    ['an unknown top-level key', { objects: {}, superuser: true }],
    ['an extra key in a grant', { objects: { contacts: { actions: ['view'], scope: 'own', bypass: true } } }],
  ])('refuses permissions with %s (400) and stores nothing', async (_label, permissions) => {
    const { ws, api } = await adminOf();
    const before = await roleRows(ws.workspaceId);
    const created = await api.post('/api/v1/roles', { key: 'bad_role', name: 'Bad', permissions });
    expect(created.status).toBe(400);
    expect(created.body.error.code).toBe('VALIDATION_FAILED');
    const patched = await api.patch(`/api/v1/roles/${await roleId(ws.workspaceId, 'sales')}`, { permissions });
    expect(patched.status).toBe(400);
    expect(patched.body.error.code).toBe('VALIDATION_FAILED');
    expect(await roleRows(ws.workspaceId)).toEqual(before);
  });

  it('refuses a malformed key', async () => {
    const { ws, api } = await adminOf();
    const before = await roleRows(ws.workspaceId);
    const res = await api.post('/api/v1/roles', { key: 'Has Spaces', name: 'x', permissions: READER });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(await roleRows(ws.workspaceId)).toEqual(before);
  });

  it('applies a permission change on the very next request of the role\'s users', async () => {
    const { ws, api } = await adminOf();
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'viewer' });
    const repApi = client(app, await logInAs(app, rep.email));
    expect((await repApi.get('/api/v1/auth/me')).body.permissions.objects.contacts.scope).toBe('own');
    const viewer = await roleId(ws.workspaceId, 'viewer');
    const res = await api.patch(`/api/v1/roles/${viewer}`, { name: '只读', permissions: { objects: { contacts: { actions: ['view', 'export'], scope: 'department' } }, masks: { contacts: { phone: 'everywhere' } } }, version: 1 });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    const me = await repApi.get('/api/v1/auth/me');
    expect(me.body.permissions.objects.contacts).toEqual({ actions: ['view', 'export'], scope: 'department' });
    expect(me.body.permissions.masks.contacts.phone).toBe('everywhere');
    const { rows } = await sql<{ changes: Record<string, unknown> }>`select changes from audit_log where workspace_id = ${ws.workspaceId} and object_type = 'role' and record_id = ${viewer}`.execute(db);
    expect(Object.keys(rows[0]!.changes).sort()).toEqual(['name', 'permissions']);
  });

  it('refuses a stale version', async () => {
    const { ws, api } = await adminOf();
    const viewer = await roleId(ws.workspaceId, 'viewer');
    const before = await roleRows(ws.workspaceId);
    const res = await api.patch(`/api/v1/roles/${viewer}`, { name: 'Late', version: 5 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('VERSION_CONFLICT');
    expect(await roleRows(ws.workspaceId)).toEqual(before);
  });

  it('deletes an unused role, refuses one in use (RECORD_IN_USE) and the admin role', async () => {
    const { ws, api } = await adminOf();
    await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const before = await roleRows(ws.workspaceId);
    const inUse = await api.delete(`/api/v1/roles/${await roleId(ws.workspaceId, 'sales')}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error).toMatchObject({ code: 'RECORD_IN_USE', details: { users: 1 } });
    const admin = await api.delete(`/api/v1/roles/${await roleId(ws.workspaceId, 'admin')}`);
    expect(admin.status).toBe(422);
    expect(admin.body.error).toMatchObject({ code: 'BUSINESS_RULE_VIOLATED', details: { rule: 'admin_role_fixed' } });
    const narrowAdmin = await api.patch(`/api/v1/roles/${await roleId(ws.workspaceId, 'admin')}`, { permissions: READER });
    expect(narrowAdmin.status).toBe(422);
    expect(await roleRows(ws.workspaceId)).toEqual(before);
    const analyst = await roleId(ws.workspaceId, 'analyst');
    expect((await api.delete(`/api/v1/roles/${analyst}`)).status).toBe(200);
    expect((await roleRows(ws.workspaceId)).map((r) => r.id)).not.toContain(analyst);
  });

  it('refuses role administration to a role without settings rights', async () => {
    const { ws } = await adminOf();
    const manager = await newUser(db, ws.workspaceId, { roleKey: 'manager' });
    const api = client(app, await logInAs(app, manager.email));
    const before = await roleRows(ws.workspaceId);
    const managerRole = await roleId(ws.workspaceId, 'manager');
    for (const res of [
      await api.post('/api/v1/roles', { key: 'mine', name: 'Mine', permissions: READER }),
      await api.patch(`/api/v1/roles/${managerRole}`, { permissions: { objects: { settings: { actions: ['view', 'edit'], scope: 'all' } } } }),
      await api.delete(`/api/v1/roles/${managerRole}`),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('PERMISSION_DENIED');
    }
    expect(await roleRows(ws.workspaceId)).toEqual(before);
  });
});

describe('text masking', () => {
  it('never hands back a masked value whole or nearly whole, whatever its length', async () => {
    const { rows } = await sql<{ v: string; m: string }>`
      select v, relata_mask_text(v) as m from unnest(array['ab', 'Grace', 'Beijing', 'Shanghai', 'Hopperfield', '张三丰大街一号院', '310101199001019999']) v`.execute(db);
    expect(Object.fromEntries(rows.map((r) => [r.v, r.m]))).toEqual({
      ab: '**',
      Grace: 'G***e',
      Beijing: 'B*****g',
      Shanghai: 'S******i',
      Hopperfield: 'Ho*******ld',
      张三丰大街一号院: '张******院',
      '310101199001019999': '310***********9999',
    });
    for (const r of rows) {
      const shown = [...r.m].filter((c) => c !== '*').length;
      expect(shown / [...r.v].length, r.v).toBeLessThanOrEqual(0.4);
    }
  });
});
