import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/platform/db/database.ts';
import { client, logInAs, newUser, newWorkspace, testApp } from '../support/test-app.ts';

const { app, db } = await testApp();

async function insertContact(ws: string, ownerId: string, name = 'Li Na'): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into contacts (workspace_id, display_name, owner_id) values (${ws}, ${name}, ${ownerId}) returning id::text`.execute(db);
  return rows[0]!.id;
}

async function countRows(database: Db, table: 'notes' | 'notifications', ws: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where workspace_id = ${ws}`.execute(database);
  return rows[0]!.n;
}

describe('notes', () => {
  it('creates, lists, edits and deletes a note on a contact, auditing each step', async () => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const contactId = await insertContact(ws.workspaceId, ws.adminId);

    const created = await api.post('/api/v1/notes', { contact_id: contactId, body: 'Called, wants a quote' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ contact_id: contactId, company_id: null, body: 'Called, wants a quote', author_id: ws.adminId, author_name: 'Admin' });

    const second = await api.post('/api/v1/notes', { contact_id: contactId, body: 'Second' });
    const list = await api.get(`/api/v1/notes?contact_id=${contactId}&limit=1`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.data.map((n: { id: string }) => n.id)).toEqual([second.body.id]);
    const next = await api.get(`/api/v1/notes?contact_id=${contactId}&limit=1&cursor=${list.body.next_cursor}`);
    expect(next.body.data.map((n: { id: string }) => n.id)).toEqual([created.body.id]);
    expect(next.body.next_cursor).toBeNull();

    const edited = await api.patch(`/api/v1/notes/${created.body.id}`, { body: 'Called, wants a quote by Friday' });
    expect(edited.status).toBe(200);
    expect(edited.body.body).toBe('Called, wants a quote by Friday');

    expect((await api.delete(`/api/v1/notes/${second.body.id}`)).status).toBe(204);
    const after = await api.get(`/api/v1/notes?contact_id=${contactId}`);
    expect(after.body.data.map((n: { id: string }) => n.id)).toEqual([created.body.id]);

    const { rows: audit } = await sql<{ action: string; changes: Record<string, unknown> | null }>`
      select action, changes from audit_log where workspace_id = ${ws.workspaceId} and object_type = 'notes' and record_id = ${created.body.id} order by id`.execute(db);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]!.changes).toEqual({ body: ['Called, wants a quote', 'Called, wants a quote by Friday'] });
  });

  it('notifies the mentioned user only, once, even when the note is edited', async () => {
    const ws = await newWorkspace(db);
    const other = await newWorkspace(db, 'Other Co');
    const mentioned = await newUser(db, ws.workspaceId, { roleKey: 'sales', name: 'Wang Fang' });
    const bystander = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const outsider = await newUser(db, other.workspaceId, { roleKey: 'admin' });
    const admin = client(app, await logInAs(app, ws.adminEmail));
    // the mentioned rep owns the customer (a mention reaches only users who may see it: notifications.test.ts)
    const contactId = await insertContact(ws.workspaceId, mentioned.id);

    const body = `Please follow up @[Wang Fang](user:${mentioned.id}), and @[Me](user:${ws.adminId}) and @[Spy](user:${outsider.id})`;
    const note = await admin.post('/api/v1/notes', { contact_id: contactId, body });
    expect(note.status).toBe(201);
    await admin.patch(`/api/v1/notes/${note.body.id}`, { body: `${body} — updated` });

    const inbox = await client(app, await logInAs(app, mentioned.email)).get('/api/v1/notifications');
    expect(inbox.status).toBe(200);
    expect(inbox.body.unread).toBe(1);
    expect(inbox.body.data).toHaveLength(1);
    expect(inbox.body.data[0]).toMatchObject({ kind: 'mention', link: `/contacts/${contactId}`, read_at: null });
    expect(inbox.body.data[0].title).toContain('Admin');

    expect((await client(app, await logInAs(app, bystander.email)).get('/api/v1/notifications')).body.data).toEqual([]);
    expect((await admin.get('/api/v1/notifications')).body.data).toEqual([]);
    expect((await client(app, await logInAs(app, outsider.email)).get('/api/v1/notifications')).body.data).toEqual([]);
    expect(await countRows(db, 'notifications', other.workspaceId)).toBe(0);
  });

  it('refuses a body over 10,000 characters and an empty one, writing nothing', async () => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const contactId = await insertContact(ws.workspaceId, ws.adminId);
    const tooLong = await api.post('/api/v1/notes', { contact_id: contactId, body: '字'.repeat(10_001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('FIELD_TOO_LONG');
    const empty = await api.post('/api/v1/notes', { contact_id: contactId, body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('FIELD_REQUIRED');
    const orphan = await api.post('/api/v1/notes', { body: 'no record' });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.code).toBe('FIELD_REQUIRED');
    expect(await countRows(db, 'notes', ws.workspaceId)).toBe(0);
    const exactly = await api.post('/api/v1/notes', { contact_id: contactId, body: '字'.repeat(10_000) });
    expect(exactly.status).toBe(201);
  });

  it('answers 404 for a contact the caller cannot see or of another workspace, writing nothing', async () => {
    const ws = await newWorkspace(db);
    const other = await newWorkspace(db, 'Other Co');
    const owner = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const hidden = await insertContact(ws.workspaceId, owner.id);
    const foreign = await insertContact(other.workspaceId, other.adminId);
    const api = client(app, await logInAs(app, rep.email));

    for (const contactId of [hidden, foreign, '999999999']) {
      const res = await api.post('/api/v1/notes', { contact_id: contactId, body: 'sneaky' });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
      const list = await api.get(`/api/v1/notes?contact_id=${contactId}`);
      expect(list.status).toBe(404);
      expect(list.body.error.code).toBe('NOT_FOUND');
    }
    expect(await countRows(db, 'notes', ws.workspaceId)).toBe(0);
    expect(await countRows(db, 'notes', other.workspaceId)).toBe(0);

    // a note on a visible record is still invisible to someone who cannot see that record
    const ownerApi = client(app, await logInAs(app, owner.email));
    const note = await ownerApi.post('/api/v1/notes', { contact_id: hidden, body: 'mine' });
    expect(note.status).toBe(201);
    const patch = await api.patch(`/api/v1/notes/${note.body.id}`, { body: 'overwritten' });
    expect(patch.status).toBe(404);
    expect(patch.body.error.code).toBe('NOT_FOUND');
    expect((await api.delete(`/api/v1/notes/${note.body.id}`)).status).toBe(404);
    const { rows } = await sql<{ body: string; deleted_at: string | null }>`select body, deleted_at from notes where id = ${note.body.id}`.execute(db);
    expect(rows[0]).toEqual({ body: 'mine', deleted_at: null });
  });

  it('lets authors change their notes and others only with the permission', async () => {
    const ws = await newWorkspace(db);
    // marketing: sees every record, may edit notes but not delete them
    const marketer = await newUser(db, ws.workspaceId, { roleKey: 'marketing' });
    const admin = client(app, await logInAs(app, ws.adminEmail));
    const mkt = client(app, await logInAs(app, marketer.email));
    const contactId = await insertContact(ws.workspaceId, ws.adminId);
    const adminNote = await admin.post('/api/v1/notes', { contact_id: contactId, body: 'by admin' });
    const ownNote = await mkt.post('/api/v1/notes', { contact_id: contactId, body: 'by marketing' });

    const denied = await mkt.delete(`/api/v1/notes/${adminNote.body.id}`);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('PERMISSION_DENIED');
    expect((await admin.get(`/api/v1/notes?contact_id=${contactId}`)).body.total).toBe(2);

    expect((await mkt.patch(`/api/v1/notes/${adminNote.body.id}`, { body: 'edited by marketing' })).status).toBe(200);
    expect((await mkt.delete(`/api/v1/notes/${ownNote.body.id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/notes?contact_id=${contactId}`)).body.total).toBe(1);
  });

  it('keeps notes on companies too', async () => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const { rows } = await sql<{ id: string }>`insert into companies (workspace_id, name, owner_id) values (${ws.workspaceId}, 'ACME', ${ws.adminId}) returning id::text`.execute(db);
    const companyId = rows[0]!.id;
    const note = await api.post('/api/v1/notes', { company_id: companyId, body: 'Annual contract' });
    expect(note.status).toBe(201);
    const list = await api.get(`/api/v1/notes?company_id=${companyId}`);
    expect(list.body.data.map((n: { id: string }) => n.id)).toEqual([note.body.id]);
  });
});
