import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/modules/accounts/index.ts';
import { client, logInAs, newDepartment, newUser, newWorkspace, PASSWORD, testApp } from '../support/test-app.ts';

const { app, db } = await testApp();

async function adminOf() {
  const ws = await newWorkspace(db);
  return { ws, api: client(app, await logInAs(app, ws.adminEmail)) };
}

async function roleId(workspaceId: string, key: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`select id::text from roles where workspace_id = ${workspaceId} and key = ${key}`.execute(db);
  return rows[0]!.id;
}

async function userRows(workspaceId: string) {
  const { rows } = await sql<Record<string, unknown>>`
    select id::text, email::text, name, department_id::text, manager_id::text, role_id::text, active, password_hash, version
    from users where workspace_id = ${workspaceId} order by id`.execute(db);
  return rows;
}

describe('users: list and read', () => {
  it('lists users by name with ?q= and ?active= filters, never exposing password hashes', async () => {
    const { ws, api } = await adminOf();
    await newUser(db, ws.workspaceId, { name: '张伟' });
    const li = await newUser(db, ws.workspaceId, { name: '李娜' });
    await sql`update users set active = false where id = ${li.id}`.execute(db);
    const all = await api.get('/api/v1/users?limit=200');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.data.map((u: { name: string }) => u.name).sort()).toEqual(['Admin', '张伟', '李娜'].sort());
    expect(JSON.stringify(all.body)).not.toMatch(/password|argon2/);
    const byName = await api.get(`/api/v1/users?q=${encodeURIComponent('张')}`);
    expect(byName.body.data.map((u: { name: string }) => u.name)).toEqual(['张伟']);
    const byEmail = await api.get(`/api/v1/users?q=${encodeURIComponent(ws.adminEmail.slice(0, 12))}`);
    expect(byEmail.body.data.map((u: { email: string }) => u.email)).toEqual([ws.adminEmail]);
    const wildcard = await api.get(`/api/v1/users?q=${encodeURIComponent('%')}`);
    expect(wildcard.body.data).toEqual([]);
    const inactive = await api.get('/api/v1/users?active=false');
    expect(inactive.body.data.map((u: { id: string }) => u.id)).toEqual([li.id]);
    const one = await api.get(`/api/v1/users/${li.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: li.id, name: '李娜', active: false });
    expect(one.body).not.toHaveProperty('password_hash');
  });

  it('pages with a keyset cursor and refuses a forged one', async () => {
    const { ws, api } = await adminOf();
    for (let i = 0; i < 4; i++) await newUser(db, ws.workspaceId, { name: `User ${i}` });
    const first = await api.get('/api/v1/users?limit=2');
    expect(first.body.data).toHaveLength(2);
    expect(first.body.total).toBe(5);
    const second = await api.get(`/api/v1/users?limit=2&cursor=${first.body.next_cursor}`);
    const third = await api.get(`/api/v1/users?limit=2&cursor=${second.body.next_cursor}`);
    expect(third.body.next_cursor).toBeNull();
    const ids = [...first.body.data, ...second.body.data, ...third.body.data].map((u: { id: string }) => u.id);
    expect(new Set(ids).size).toBe(5);
    const forged = await api.get(`/api/v1/users?cursor=${Buffer.from('["x","1; drop table users"]').toString('base64url')}`);
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('CURSOR_INVALID');
  });
});

describe('users: create and edit', () => {
  it('creates a user who can then sign in', async () => {
    const { ws, api } = await adminOf();
    const res = await api.post('/api/v1/users', {
      name: '王芳', email: 'Wang.Fang@Example.com', password: 'long-enough-1', department_id: ws.departmentId, manager_id: ws.adminId, role_id: await roleId(ws.workspaceId, 'sales'),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '王芳', email: 'wang.fang@example.com', department_id: ws.departmentId, manager_id: ws.adminId, active: true });
    expect(res.body).not.toHaveProperty('password_hash');
    await logInAs(app, 'wang.fang@example.com', 'long-enough-1');
    const { rows } = await sql<{ action: string }>`select action from audit_log where workspace_id = ${ws.workspaceId} and object_type = 'user' and record_id = ${res.body.id}`.execute(db);
    expect(rows.map((r) => r.action)).toEqual(['create']);
  });

  it.each([
    ['a short password', { password: 'short' }, 400, 'VALIDATION_FAILED'],
    ['a malformed email', { email: 'not-an-email' }, 400, 'VALIDATION_FAILED'],
    ['an unknown department', { department_id: '99999999' }, 400, 'REFERENCE_INVALID'],
    ['an unknown manager', { manager_id: '99999999' }, 400, 'REFERENCE_INVALID'],
    ['an unknown role', { role_id: '99999999' }, 400, 'REFERENCE_INVALID'],
    ['an unknown field', { is_admin: true }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s and creates nobody', async (_label, override, status, code) => {
    const { ws, api } = await adminOf();
    const before = await userRows(ws.workspaceId);
    const res = await api.post('/api/v1/users', { name: 'New', email: 'new-user-x@example.com', password: 'long-enough-1', ...override });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await userRows(ws.workspaceId)).toEqual(before);
  });

  it('refuses a duplicate email (any case, any workspace) with UNIQUE_VIOLATION', async () => {
    const { ws, api } = await adminOf();
    const other = await newWorkspace(db);
    const before = await userRows(ws.workspaceId);
    for (const email of [ws.adminEmail.toUpperCase(), other.adminEmail]) {
      const res = await api.post('/api/v1/users', { name: 'Dup', email, password: 'long-enough-1' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('UNIQUE_VIOLATION');
    }
    expect(await userRows(ws.workspaceId)).toEqual(before);
  });

  it('edits name, department, manager, role and locale with an audit diff', async () => {
    const { ws, api } = await adminOf();
    const dept = await newDepartment(db, ws.workspaceId, '销售部', ws.departmentId);
    const rep = await newUser(db, ws.workspaceId);
    const managerRole = await roleId(ws.workspaceId, 'manager');
    const res = await api.patch(`/api/v1/users/${rep.id}`, { name: '赵磊', department_id: dept, manager_id: ws.adminId, role_id: managerRole, locale: 'en', version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: '赵磊', department_id: dept, manager_id: ws.adminId, role_id: managerRole, locale: 'en', version: 2 });
    const { rows } = await sql<{ changes: Record<string, unknown> }>`select changes from audit_log where workspace_id = ${ws.workspaceId} and object_type = 'user' and record_id = ${rep.id}`.execute(db);
    expect(Object.keys(rows[0]!.changes).sort()).toEqual(['department_id', 'locale', 'manager_id', 'name', 'role_id']);
  });

  it('refuses manager cycles, an unknown role and a stale version, changing nothing', async () => {
    const { ws, api } = await adminOf();
    const boss = await newUser(db, ws.workspaceId, { managerId: ws.adminId });
    const lead = await newUser(db, ws.workspaceId, { managerId: boss.id });
    const rep = await newUser(db, ws.workspaceId, { managerId: lead.id });
    const before = await userRows(ws.workspaceId);
    for (const body of [{ manager_id: rep.id }, { manager_id: boss.id }]) {
      const res = await api.patch(`/api/v1/users/${boss.id}`, body);
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'BUSINESS_RULE_VIOLATED', details: { rule: 'manager_cycle' } });
    }
    const unknownRole = await api.patch(`/api/v1/users/${rep.id}`, { role_id: '99999999' });
    expect(unknownRole.body.error.code).toBe('REFERENCE_INVALID');
    const stale = await api.patch(`/api/v1/users/${rep.id}`, { name: 'Late', version: 9 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const email = await api.patch(`/api/v1/users/${rep.id}`, { email: 'takeover@example.com' });
    expect(email.status).toBe(400);
    expect(email.body.error.code).toBe('VALIDATION_FAILED');
    expect(await userRows(ws.workspaceId)).toEqual(before);
  });

  it('lets an administrator reset a password, which ends the user\'s sessions', async () => {
    const { ws, api } = await adminOf();
    const rep = await newUser(db, ws.workspaceId);
    const repApi = client(app, await logInAs(app, rep.email));
    expect((await api.patch(`/api/v1/users/${rep.id}`, { password: 'brand-new-pass' })).status).toBe(200);
    expect((await repApi.get('/api/v1/auth/me')).status).toBe(401);
    await logInAs(app, rep.email, 'brand-new-pass');
    const { rows } = await sql<{ changes: string }>`select changes::text from audit_log where workspace_id = ${ws.workspaceId} and record_id = ${rep.id} and object_type = 'user'`.execute(db);
    expect(rows.map((r) => r.changes).join()).not.toContain('brand-new-pass');
  });

  it('keeps at least one active administrator', async () => {
    const { ws, api } = await adminOf();
    const before = await userRows(ws.workspaceId);
    const res = await api.patch(`/api/v1/users/${ws.adminId}`, { role_id: await roleId(ws.workspaceId, 'sales') });
    expect(res.status).toBe(422);
    expect(res.body.error.details.rule).toBe('last_admin');
    expect(await userRows(ws.workspaceId)).toEqual(before);
  });

  it('refuses user administration to a role without settings rights', async () => {
    const { ws } = await adminOf();
    const manager = await newUser(db, ws.workspaceId, { roleKey: 'manager' });
    const api = client(app, await logInAs(app, manager.email));
    const before = await userRows(ws.workspaceId);
    const attempts = [
      await api.post('/api/v1/users', { name: 'X', email: 'x-made@example.com', password: 'long-enough-1' }),
      await api.patch(`/api/v1/users/${manager.id}`, { role_id: await roleId(ws.workspaceId, 'admin') }),
      await api.post(`/api/v1/users/${ws.adminId}/deactivate`),
      await api.post(`/api/v1/users/${ws.adminId}/handover`, { to_user_id: manager.id }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('PERMISSION_DENIED');
    }
    expect(await userRows(ws.workspaceId)).toEqual(before);
    // …but reading users is open to pickers
    expect((await api.get('/api/v1/users')).status).toBe(200);
  });
});

describe('users: deactivate and reactivate', () => {
  it('deactivates: sign-in refused, sessions deleted, API keys revoked; reactivation restores sign-in', async () => {
    const { ws, api } = await adminOf();
    const rep = await newUser(db, ws.workspaceId);
    const repApi = client(app, await logInAs(app, rep.email));
    const key = await createApiKey(db, { workspaceId: ws.workspaceId, userId: rep.id, name: 'zapier', scopes: [], actorId: rep.id });
    const res = await api.post(`/api/v1/users/${rep.id}/deactivate`);
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect((await repApi.get('/api/v1/auth/me')).status).toBe(401);
    const { rows: sessions } = await sql`select 1 from sessions where user_id = ${rep.id}`.execute(db);
    expect(sessions).toHaveLength(0);
    const viaKey = await client(app, { bearer: key.key }).get('/api/v1/auth/me');
    expect(viaKey.status).toBe(401);
    expect(viaKey.body.error.code).toBe('API_KEY_INVALID');
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: rep.email, password: PASSWORD } });
    expect(login.statusCode).toBe(401);
    expect(login.json().error.code).toBe('AUTH_USER_INACTIVE');
    const back = await api.post(`/api/v1/users/${rep.id}/reactivate`);
    expect(back.body.active).toBe(true);
    await logInAs(app, rep.email);
    // a revoked key stays revoked
    expect((await client(app, { bearer: key.key }).get('/api/v1/auth/me')).status).toBe(401);
  });

  it('refuses to deactivate yourself', async () => {
    const { ws, api } = await adminOf();
    const before = await userRows(ws.workspaceId);
    const res = await api.post(`/api/v1/users/${ws.adminId}/deactivate`);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'BUSINESS_RULE_VIOLATED', details: { rule: 'deactivate_self' } });
    expect(await userRows(ws.workspaceId)).toEqual(before);
  });
});

describe('PATCH /me', () => {
  it('changes my name and locale', async () => {
    const { ws } = await adminOf();
    const rep = await newUser(db, ws.workspaceId);
    const api = client(app, await logInAs(app, rep.email));
    const res = await api.patch('/api/v1/me', { name: '小明', locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: rep.id, name: '小明', locale: 'en' });
  });

  it('changes my password only with the current one, ending my other sessions', async () => {
    const { ws } = await adminOf();
    const rep = await newUser(db, ws.workspaceId);
    const here = client(app, await logInAs(app, rep.email));
    const elsewhere = client(app, await logInAs(app, rep.email));
    const hashBefore = (await userRows(ws.workspaceId)).find((u) => u.id === rep.id)?.password_hash;
    const missing = await here.patch('/api/v1/me', { password: 'another-pass-1' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('FIELD_REQUIRED');
    const wrong = await here.patch('/api/v1/me', { password: 'another-pass-1', current_password: 'guess-guess' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('CURRENT_PASSWORD_WRONG');
    const short = await here.patch('/api/v1/me', { password: 'short', current_password: PASSWORD });
    expect(short.status).toBe(400);
    expect((await userRows(ws.workspaceId)).find((u) => u.id === rep.id)?.password_hash).toBe(hashBefore);
    const ok = await here.patch('/api/v1/me', { password: 'another-pass-1', current_password: PASSWORD });
    expect(ok.status).toBe(200);
    expect((await here.get('/api/v1/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/me')).status).toBe(401);
    await logInAs(app, rep.email, 'another-pass-1');
  });

  it('cannot change my role, department or email', async () => {
    const { ws } = await adminOf();
    const rep = await newUser(db, ws.workspaceId);
    const api = client(app, await logInAs(app, rep.email));
    const before = await userRows(ws.workspaceId);
    const res = await api.patch('/api/v1/me', { role_id: await roleId(ws.workspaceId, 'admin') });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(await userRows(ws.workspaceId)).toEqual(before);
  });
});
