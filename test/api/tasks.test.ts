import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { client, logInAs, newDepartment, newUser, newWorkspace, testApp } from '../support/test-app.ts';

const { app, db } = await testApp();

async function insertContact(ws: string, ownerId: string, name = 'Li Na'): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into contacts (workspace_id, display_name, owner_id) values (${ws}, ${name}, ${ownerId}) returning id::text`.execute(db);
  return rows[0]!.id;
}

async function taskCount(ws: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from tasks where workspace_id = ${ws}`.execute(db);
  return rows[0]!.n;
}

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

describe('tasks', () => {
  it('creates a task for the creator, lists, completes with a version, reopens and deletes it', async () => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const contactId = await insertContact(ws.workspaceId, ws.adminId);
    const created = await api.post('/api/v1/tasks', { title: 'Send the quote', due_at: inHours(48), contact_id: contactId });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Send the quote', done: false, done_at: null, assignee_id: ws.adminId, assignee_name: 'Admin', contact_id: contactId, version: 1 });

    expect((await api.get(`/api/v1/tasks/${created.body.id}`)).body.id).toBe(created.body.id);
    const mine = await api.get(`/api/v1/tasks?assignee_id=me&done=false&contact_id=${contactId}`);
    expect(mine.body.data.map((t: { id: string }) => t.id)).toEqual([created.body.id]);
    expect((await api.get(`/api/v1/tasks?due_before=${encodeURIComponent(inHours(24))}`)).body.data).toEqual([]);

    const done = await api.patch(`/api/v1/tasks/${created.body.id}`, { done: true, version: 1 });
    expect(done.status).toBe(200);
    expect(done.body.done).toBe(true);
    expect(done.body.done_at).not.toBeNull();
    expect(done.body.version).toBe(2);
    expect((await api.get('/api/v1/tasks?assignee_id=me&done=false')).body.data).toEqual([]);

    const stale = await api.patch(`/api/v1/tasks/${created.body.id}`, { done: false, title: 'Overwrite', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const unchanged = await api.get(`/api/v1/tasks/${created.body.id}`);
    expect(unchanged.body).toMatchObject({ done: true, title: 'Send the quote', version: 2 });

    const reopened = await api.patch(`/api/v1/tasks/${created.body.id}`, { done: false, version: 2 });
    expect(reopened.body).toMatchObject({ done: false, done_at: null, version: 3 });

    expect((await api.delete(`/api/v1/tasks/${created.body.id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/tasks/${created.body.id}`)).status).toBe(404);
    const { rows: audit } = await sql<{ action: string }>`select action from audit_log where workspace_id = ${ws.workspaceId} and object_type = 'tasks' order by id`.execute(db);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update', 'delete']);
  });

  it('notifies a user assigned by someone else, and only them', async () => {
    const ws = await newWorkspace(db);
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales', name: 'Zhao Lei' });
    const other = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const admin = client(app, await logInAs(app, ws.adminEmail));
    const task = await admin.post('/api/v1/tasks', { title: 'Visit the Shanghai store', assignee_id: rep.id });
    expect(task.status).toBe(201);
    await admin.post('/api/v1/tasks', { title: 'Self-assigned' });

    const repInbox = await client(app, await logInAs(app, rep.email)).get('/api/v1/notifications');
    expect(repInbox.body.data).toHaveLength(1);
    expect(repInbox.body.data[0]).toMatchObject({ kind: 'assignment', link: `/tasks/${task.body.id}` });
    expect(repInbox.body.data[0].title).toContain('Visit the Shanghai store');
    expect((await admin.get('/api/v1/notifications')).body.data).toEqual([]);
    expect((await client(app, await logInAs(app, other.email)).get('/api/v1/notifications')).body.data).toEqual([]);

    const moved = await admin.patch(`/api/v1/tasks/${task.body.id}`, { assignee_id: other.id, version: 1 });
    expect(moved.status).toBe(200);
    const otherInbox = await client(app, await logInAs(app, other.email)).get('/api/v1/notifications');
    expect(otherInbox.body.data.map((n: { kind: string }) => n.kind)).toEqual(['assignment']);
  });

  it('shows a rep the tasks assigned in their scope, created by them or on customers shared with them, and 404 for the rest', async () => {
    const ws = await newWorkspace(db);
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const colleague = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const admin = client(app, await logInAs(app, ws.adminEmail));
    const repContact = await insertContact(ws.workspaceId, rep.id);
    const sharedContact = await insertContact(ws.workspaceId, colleague.id, 'Wang Fang');
    await admin.post(`/api/v1/contacts/${sharedContact}/collaborators`, { user_id: rep.id, access: 'read' });
    const mine = await admin.post('/api/v1/tasks', { title: 'for the rep', assignee_id: rep.id });
    const onShared = await admin.post('/api/v1/tasks', { title: 'on the shared contact', assignee_id: colleague.id, contact_id: sharedContact });
    // the assignee decides, not the customer's owner: a colleague's task on the rep's own contact stays the colleague's
    const onMyCustomer = await admin.post('/api/v1/tasks', { title: 'on the rep contact', assignee_id: colleague.id, contact_id: repContact });
    const foreign = await admin.post('/api/v1/tasks', { title: 'colleague only', assignee_id: colleague.id });

    const api = client(app, await logInAs(app, rep.email));
    const delegated = await api.post('/api/v1/tasks', { title: 'delegated by the rep', assignee_id: colleague.id });
    expect(delegated.status).toBe(201);
    const list = await api.get('/api/v1/tasks');
    expect(list.body.data.map((t: { id: string }) => t.id).sort()).toEqual([mine.body.id, onShared.body.id, delegated.body.id].sort());
    expect(list.body.total).toBe(3);
    expect((await api.get(`/api/v1/tasks/${onShared.body.id}`)).status).toBe(200);
    for (const id of [foreign.body.id, onMyCustomer.body.id]) {
      const hidden = await api.get(`/api/v1/tasks/${id}`);
      expect(hidden.status).toBe(404);
      expect(hidden.body.error.code).toBe('NOT_FOUND');
    }
    const patch = await api.patch(`/api/v1/tasks/${foreign.body.id}`, { done: true, version: 1 });
    expect(patch.status).toBe(404);
    expect(patch.body.error.code).toBe('NOT_FOUND');
    const removed = await api.delete(`/api/v1/tasks/${foreign.body.id}`);
    expect(removed.status).toBe(404);
    expect(removed.body.error.code).toBe('NOT_FOUND');
    const { rows } = await sql<{ done: boolean; deleted_at: string | null; version: number }>`select done, deleted_at, version from tasks where id = ${foreign.body.id}`.execute(db);
    expect(rows[0]).toEqual({ done: false, deleted_at: null, version: 1 });
  });

  it('pages a department manager through the tasks of every assignee in scope, in due order, without duplicates', async () => {
    const ws = await newWorkspace(db);
    const dept = await newDepartment(db, ws.workspaceId, 'East', null);
    const manager = await newUser(db, ws.workspaceId, { roleKey: 'manager', departmentId: dept });
    const reps = [await newUser(db, ws.workspaceId, { departmentId: dept }), await newUser(db, ws.workspaceId, { departmentId: dept })];
    const outsider = await newUser(db, ws.workspaceId);
    const sharedContact = await insertContact(ws.workspaceId, outsider.id);
    const admin = client(app, await logInAs(app, ws.adminEmail));
    await admin.post(`/api/v1/contacts/${sharedContact}/collaborators`, { user_id: manager.id, access: 'read' });
    const expected: string[] = [];
    for (let i = 0; i < 7; i++) {
      const assignee = [manager, ...reps][i % 3]!;
      // two tasks share a due time and two have none: the id breaks ties, undated come last
      const due = i === 5 || i === 6 ? undefined : inHours(i === 3 ? 2 : i + 1);
      const made = await admin.post('/api/v1/tasks', { title: `task ${i}`, assignee_id: assignee.id, ...(due ? { due_at: due } : {}) });
      expected.push(made.body.id);
    }
    const onShared = await admin.post('/api/v1/tasks', { title: 'shared', assignee_id: outsider.id, contact_id: sharedContact, due_at: inHours(4.5) });
    expected.push(onShared.body.id);
    await admin.post('/api/v1/tasks', { title: 'invisible', assignee_id: outsider.id, due_at: inHours(3) });

    const api = client(app, await logInAs(app, manager.email));
    const seen: { id: string; due_at: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { data: { id: string; due_at: string | null }[]; next_cursor: string | null; total: number } } =
        await api.get(`/api/v1/tasks?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(8);
      seen.push(...page.body.data);
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen.map((t) => t.id).sort()).toEqual([...expected].sort());
    const keys = seen.map((t) => [t.due_at ? Date.parse(t.due_at) : Number.POSITIVE_INFINITY, Number(t.id)] as const);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });

  it('refuses unknown or foreign assignees and invisible contacts, writing nothing', async () => {
    const ws = await newWorkspace(db);
    const other = await newWorkspace(db, 'Other Co');
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const api = client(app, await logInAs(app, rep.email));
    const adminContact = await insertContact(ws.workspaceId, ws.adminId);
    const foreignContact = await insertContact(other.workspaceId, other.adminId);

    for (const assignee of [other.adminId, '987654321']) {
      const res = await api.post('/api/v1/tasks', { title: 'x', assignee_id: assignee });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('REFERENCE_INVALID');
    }
    for (const contact of [adminContact, foreignContact]) {
      const res = await api.post('/api/v1/tasks', { title: 'x', contact_id: contact });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    const bad = await api.post('/api/v1/tasks', { title: '', due_at: 'tomorrow' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(await taskCount(ws.workspaceId)).toBe(0);
    expect(await taskCount(other.workspaceId)).toBe(0);
  });

  it('pages through tasks by due date, undated last, without duplicates', async () => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const due = [5, 1, null, 3, 1, null, 2];
    for (const [i, h] of due.entries()) {
      await api.post('/api/v1/tasks', { title: `t${i}`, ...(h === null ? {} : { due_at: new Date(Date.UTC(2030, 0, 1, h)).toISOString() }) });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { data: { title: string }[]; next_cursor: string | null } } = await api.get(`/api/v1/tasks?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.data.map((t) => t.title));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(['t1', 't4', 't6', 't3', 't0', 't2', 't5']);
    const bad = await api.get('/api/v1/tasks?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('CURSOR_INVALID');
  });
});
