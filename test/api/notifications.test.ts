import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { client, logInAs, newUser, newWorkspace, testApp } from '../support/test-app.ts';

const { app, db } = await testApp();

async function insertTask(ws: string, assigneeId: string, title: string, dueAt: Date | null, done = false): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into tasks (workspace_id, title, due_at, done, assignee_id, created_by)
    values (${ws}, ${title}, ${dueAt}, ${done}, ${assigneeId}, ${assigneeId}) returning id::text`.execute(db);
  return rows[0]!.id;
}

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000);

describe('notifications', () => {
  it('materialises due and overdue reminders exactly once, however often and concurrently asked', async () => {
    const ws = await newWorkspace(db);
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const dueSoon = await insertTask(ws.workspaceId, rep.id, 'Call back', hoursFromNow(3));
    const overdue = await insertTask(ws.workspaceId, rep.id, 'Send contract', hoursFromNow(-2));
    await insertTask(ws.workspaceId, rep.id, 'Next week', hoursFromNow(24 * 7));
    await insertTask(ws.workspaceId, rep.id, 'Done already', hoursFromNow(-5), true);
    await insertTask(ws.workspaceId, ws.adminId, 'Somebody else', hoursFromNow(-5));
    await insertTask(ws.workspaceId, rep.id, 'No date', null);

    const api = client(app, await logInAs(app, rep.email));
    const [a, b] = await Promise.all([api.get('/api/v1/notifications'), api.get('/api/v1/notifications')]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const again = await api.get('/api/v1/notifications');
    const kinds = again.body.data.map((n: { kind: string; link: string }) => `${n.kind} ${n.link}`).sort();
    expect(kinds).toEqual([`task_due /tasks/${dueSoon}`, `task_overdue /tasks/${overdue}`].sort());
    expect(again.body.unread).toBe(2);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from notifications where workspace_id = ${ws.workspaceId}`.execute(db);
    expect(rows[0]!.n).toBe(2);

    // the due-soon task passes its due time: now it is overdue too, once
    await sql`update tasks set due_at = now() - interval '1 minute' where id = ${dueSoon}`.execute(db);
    await api.get('/api/v1/notifications');
    const later = await api.get('/api/v1/notifications');
    expect(later.body.data.filter((n: { link: string }) => n.link === `/tasks/${dueSoon}`).map((n: { kind: string }) => n.kind).sort()).toEqual(['task_due', 'task_overdue']);
    expect(later.body.unread).toBe(3);
  });

  it('marks one or all read, and never touches or shows another user’s', async () => {
    const ws = await newWorkspace(db);
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    await insertTask(ws.workspaceId, rep.id, 'One', hoursFromNow(-1));
    await insertTask(ws.workspaceId, rep.id, 'Two', hoursFromNow(-2));
    await insertTask(ws.workspaceId, ws.adminId, 'Admin task', hoursFromNow(-1));
    const api = client(app, await logInAs(app, rep.email));
    const admin = client(app, await logInAs(app, ws.adminEmail));
    const inbox = await api.get('/api/v1/notifications');
    expect(inbox.body.unread).toBe(2);
    const adminInbox = await admin.get('/api/v1/notifications');
    expect(adminInbox.body.data).toHaveLength(1);
    const adminNote = adminInbox.body.data[0].id;

    const stolen = await api.post(`/api/v1/notifications/${adminNote}/read`);
    expect(stolen.status).toBe(404);
    expect(stolen.body.error.code).toBe('NOT_FOUND');
    expect((await admin.get('/api/v1/notifications')).body.unread).toBe(1);

    const read = await api.post(`/api/v1/notifications/${inbox.body.data[0].id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.read_at).not.toBeNull();
    expect((await api.get('/api/v1/notifications')).body.unread).toBe(1);
    expect((await api.get('/api/v1/notifications?unread_only=true')).body.data).toHaveLength(1);

    const all = await api.post('/api/v1/notifications/read-all');
    expect(all.body.updated).toBe(1);
    expect((await api.get('/api/v1/notifications')).body.unread).toBe(0);
    expect((await admin.get('/api/v1/notifications')).body.unread).toBe(1);
  });

  it('pages newest first', async () => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    for (let i = 0; i < 5; i++) await insertTask(ws.workspaceId, ws.adminId, `t${i}`, hoursFromNow(-1 - i));
    const first = await api.get('/api/v1/notifications?limit=3');
    expect(first.body.data).toHaveLength(3);
    const second = await api.get(`/api/v1/notifications?limit=3&cursor=${first.body.next_cursor}`);
    expect(second.body.data).toHaveLength(2);
    expect(second.body.next_cursor).toBeNull();
    const ids = [...first.body.data, ...second.body.data].map((n: { id: string }) => n.id);
    expect(new Set(ids).size).toBe(5);
  });

  it('returns the parts of each kind for the reader’s language, naming only customers the reader may see', async () => {
    const ws = await newWorkspace(db);
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales', name: '王芳' });
    const admin = client(app, await logInAs(app, ws.adminEmail));
    const { rows: contacts } = await sql<{ id: string }>`insert into contacts (workspace_id, display_name, owner_id)
      values (${ws.workspaceId}, '李娜', ${rep.id}), (${ws.workspaceId}, '张伟', ${ws.adminId}) returning id::text`.execute(db);
    const [repContact, adminContact] = contacts.map((c) => c.id);
    const mention = `@[${'王芳'}](user:${rep.id})`;
    expect((await admin.post('/api/v1/notes', { contact_id: repContact, body: `${mention} please call` })).status).toBe(201);
    expect((await admin.post('/api/v1/notes', { contact_id: adminContact, body: `${mention} FYI` })).status).toBe(201);
    const task = await admin.post('/api/v1/tasks', { title: '寄送合同', assignee_id: rep.id });
    expect(task.status).toBe(201);
    const due = await insertTask(ws.workspaceId, rep.id, 'Call back', hoursFromNow(3));

    const api = client(app, await logInAs(app, rep.email));
    const inbox = await api.get('/api/v1/notifications');
    expect(inbox.status).toBe(200);
    const byKind = (kind: string) => inbox.body.data.filter((n: { kind: string }) => n.kind === kind);
    expect(byKind('assignment')[0].payload).toEqual({ actor_name: 'Admin', task_title: '寄送合同', record_type: null, record_name: null, due_at: null });
    const mentions = byKind('mention').map((n: { link: string; payload: unknown }) => [n.link, n.payload]);
    expect(mentions).toContainEqual([`/contacts/${repContact}`, { actor_name: 'Admin', task_title: null, record_type: 'contact', record_name: '李娜', due_at: null }]);
    // the admin's customer is outside the rep's scope: a mention there tells the rep nothing at all
    expect(mentions.map(([link]: [string]) => link)).toEqual([`/contacts/${repContact}`]);
    const reminder = byKind('task_due')[0];
    expect(reminder.link).toBe(`/tasks/${due}`);
    expect(reminder.payload).toMatchObject({ actor_name: null, task_title: 'Call back', record_name: null });
    expect(Date.parse(reminder.payload.due_at)).toBe(Date.parse((await sql<{ due_at: Date }>`select due_at from tasks where id = ${due}`.execute(db)).rows[0]!.due_at.toISOString()));
    // the English title stays, for clients that do not know a kind
    expect(reminder.title).toBe('Task due soon: Call back');

    // shared with the rep (协作人), the next note that mentions them reaches them
    expect((await admin.post(`/api/v1/contacts/${adminContact}/collaborators`, { user_id: rep.id, access: 'read' })).status).toBe(201);
    expect((await admin.post('/api/v1/notes', { contact_id: adminContact, body: `${mention} now you can see it` })).status).toBe(201);
    const after = (await api.get('/api/v1/notifications')).body.data.filter((n: { kind: string }) => n.kind === 'mention');
    expect(after.map((n: { link: string }) => n.link)).toContainEqual(`/contacts/${adminContact}`);
    expect(after.find((n: { link: string }) => n.link === `/contacts/${adminContact}`).payload).toMatchObject({ record_type: 'contact', record_name: '张伟' });

    const read = await api.post(`/api/v1/notifications/${byKind('assignment')[0].id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.payload).toEqual(byKind('assignment')[0].payload);
  });
});
