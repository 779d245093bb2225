import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { client, logInAs, newDepartment, newUser, newWorkspace, testApp } from '../support/test-app.ts';

const { app, db } = await testApp();

async function adminOf() {
  const ws = await newWorkspace(db);
  return { ws, api: client(app, await logInAs(app, ws.adminEmail)) };
}

async function departments(workspaceId: string) {
  const { rows } = await sql<{ id: string; name: string; parent_id: string | null }>`
    select id::text, name, parent_id::text from departments where workspace_id = ${workspaceId} order by id`.execute(db);
  return rows;
}

describe('departments', () => {
  it('creates a tree and lists it flat with parent ids, for any signed-in user', async () => {
    const { ws, api } = await adminOf();
    const sales = await api.post('/api/v1/departments', { name: '销售部', parent_id: ws.departmentId });
    expect(sales.status).toBe(201);
    expect(sales.body).toMatchObject({ name: '销售部', parent_id: ws.departmentId, version: 1 });
    const east = await api.post('/api/v1/departments', { name: '华东区', parent_id: sales.body.id });
    expect(east.status).toBe(201);
    const rep = await newUser(db, ws.workspaceId);
    const list = await client(app, await logInAs(app, rep.email)).get('/api/v1/departments');
    expect(list.status).toBe(200);
    expect(list.body.data.map((d: { name: string; parent_id: string | null }) => [d.name, d.parent_id])).toEqual(
      expect.arrayContaining([['Test Co', null], ['销售部', ws.departmentId], ['华东区', sales.body.id]]),
    );
    expect(list.body.total).toBe(3);
  });

  it('renames and moves a department', async () => {
    const { ws, api } = await adminOf();
    const a = await newDepartment(db, ws.workspaceId, 'A', ws.departmentId);
    const b = await newDepartment(db, ws.workspaceId, 'B', ws.departmentId);
    const res = await api.patch(`/api/v1/departments/${b}`, { name: 'B2', parent_id: a, version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: b, name: 'B2', parent_id: a, version: 2 });
    const { rows } = await sql<{ changes: Record<string, unknown> }>`select changes from audit_log where workspace_id = ${ws.workspaceId} and object_type = 'department' and record_id = ${b}`.execute(db);
    expect(rows[0]?.changes).toEqual({ name: ['B', 'B2'], parent_id: [ws.departmentId, a] });
  });

  it('refuses a move under itself or a descendant (BUSINESS_RULE_VIOLATED), changing nothing', async () => {
    const { ws, api } = await adminOf();
    const sales = await newDepartment(db, ws.workspaceId, '销售部', ws.departmentId);
    const east = await newDepartment(db, ws.workspaceId, '华东区', sales);
    const shanghai = await newDepartment(db, ws.workspaceId, '上海', east);
    const before = await departments(ws.workspaceId);
    for (const target of [sales, shanghai]) {
      const res = await api.patch(`/api/v1/departments/${sales}`, { parent_id: target });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('BUSINESS_RULE_VIOLATED');
      expect(res.body.error.details.rule).toBe('department_cycle');
    }
    expect(await departments(ws.workspaceId)).toEqual(before);
  });

  it('refuses an unknown parent and a stale version', async () => {
    const { ws, api } = await adminOf();
    const d = await newDepartment(db, ws.workspaceId, 'D', ws.departmentId);
    const before = await departments(ws.workspaceId);
    const unknown = await api.post('/api/v1/departments', { name: 'X', parent_id: '999999999' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('REFERENCE_INVALID');
    const blank = await api.post('/api/v1/departments', { name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.code).toBe('FIELD_REQUIRED');
    const stale = await api.patch(`/api/v1/departments/${d}`, { name: 'D2', version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect(await departments(ws.workspaceId)).toEqual(before);
  });

  it('deletes an empty department, and refuses one with users or children (RECORD_IN_USE)', async () => {
    const { ws, api } = await adminOf();
    const parent = await newDepartment(db, ws.workspaceId, 'Parent', ws.departmentId);
    const child = await newDepartment(db, ws.workspaceId, 'Child', parent);
    const staffed = await newDepartment(db, ws.workspaceId, 'Staffed', ws.departmentId);
    await newUser(db, ws.workspaceId, { departmentId: staffed });
    const before = await departments(ws.workspaceId);
    const withChild = await api.delete(`/api/v1/departments/${parent}`);
    expect(withChild.status).toBe(409);
    expect(withChild.body.error).toMatchObject({ code: 'RECORD_IN_USE', details: { users: 0, children: 1 } });
    const withUser = await api.delete(`/api/v1/departments/${staffed}`);
    expect(withUser.status).toBe(409);
    expect(withUser.body.error).toMatchObject({ code: 'RECORD_IN_USE', details: { users: 1, children: 0 } });
    expect(await departments(ws.workspaceId)).toEqual(before);
    expect((await api.delete(`/api/v1/departments/${child}`)).status).toBe(200);
    expect((await api.delete(`/api/v1/departments/${parent}`)).status).toBe(200);
    expect((await departments(ws.workspaceId)).map((d) => d.id)).not.toContain(parent);
  });

  it('refuses writes from a user without settings rights', async () => {
    const { ws } = await adminOf();
    const manager = await newUser(db, ws.workspaceId, { roleKey: 'manager' });
    const api = client(app, await logInAs(app, manager.email));
    const before = await departments(ws.workspaceId);
    for (const res of [
      await api.post('/api/v1/departments', { name: 'Shadow IT' }),
      await api.patch(`/api/v1/departments/${ws.departmentId}`, { name: 'Renamed' }),
      await api.delete(`/api/v1/departments/${ws.departmentId}`),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('PERMISSION_DENIED');
    }
    expect(await departments(ws.workspaceId)).toEqual(before);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    const { api } = await adminOf();
    const bad = await api.patch('/api/v1/departments/abc', { name: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const missing = await api.delete('/api/v1/departments/987654321');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });
});
