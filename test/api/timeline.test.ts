import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/platform/audit/audit.ts';
import { client, logInAs, newUser, newWorkspace, testApp } from '../support/test-app.ts';

const { app, db } = await testApp();

async function insertContact(ws: string, ownerId: string, name = 'Li Na'): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into contacts (workspace_id, display_name, owner_id) values (${ws}, ${name}, ${ownerId}) returning id::text`.execute(db);
  return rows[0]!.id;
}

type Item = { kind: string; id: string; occurred_at: string; actor_name: string | null; summary: string; payload: Record<string, unknown> };

async function readAll(api: ReturnType<typeof client>, url: string, limit: number): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res: { status: number; body: { data: Item[]; next_cursor: string | null } } = await api.get(`${url}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeLessThanOrEqual(limit);
    items.push(...res.body.data);
    cursor = res.body.next_cursor;
    if (!cursor) break;
  }
  return items;
}

describe('activities', () => {
  it('logs an activity, lists it and moves the contact’s last_activity_at forward only', async () => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const contactId = await insertContact(ws.workspaceId, ws.adminId);
    const call = await api.post('/api/v1/activities', { type: 'call', subject: 'Intro call', outcome: 'interested', occurred_at: '2026-02-01T09:00:00Z', duration_minutes: 15, contact_id: contactId });
    expect(call.status).toBe(201);
    expect(call.body).toMatchObject({ type: 'call', subject: 'Intro call', outcome: 'interested', contact_id: contactId, owner_id: ws.adminId, duration_minutes: 15 });
    await api.post('/api/v1/activities', { type: 'visit', subject: 'Older visit', occurred_at: '2026-01-01T09:00:00Z', contact_id: contactId });
    const { rows } = await sql<{ at: string }>`select to_json(last_activity_at)#>>'{}' as at from contact_aggregates where contact_id = ${contactId}`.execute(db);
    expect(Date.parse(rows[0]!.at)).toBe(Date.parse('2026-02-01T09:00:00Z'));
    const list = await api.get(`/api/v1/activities?contact_id=${contactId}`);
    expect(list.body.data.map((a: { subject: string }) => a.subject)).toEqual(['Intro call', 'Older visit']);
    expect((await api.get('/api/v1/activities')).body.total).toBe(2); // the caller's own
  });

  it('refuses an unknown type, a bad date and an invisible contact, writing nothing', async () => {
    const ws = await newWorkspace(db);
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const api = client(app, await logInAs(app, rep.email));
    const mine = await insertContact(ws.workspaceId, rep.id);
    const notMine = await insertContact(ws.workspaceId, ws.adminId);
    const base = { type: 'call', subject: 'x', occurred_at: '2026-01-01T00:00:00Z', contact_id: mine };
    for (const over of [{ type: 'fax' }, { occurred_at: 'yesterday' }, { subject: '' }, { duration_minutes: -5 }]) {
      const res = await api.post('/api/v1/activities', { ...base, ...over });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const hidden = await api.post('/api/v1/activities', { ...base, contact_id: notMine });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('NOT_FOUND');
    const { rows } = await sql<{ a: number; g: number }>`select (select count(*)::int from activities where workspace_id = ${ws.workspaceId}) as a,
      (select count(*)::int from contact_aggregates where workspace_id = ${ws.workspaceId}) as g`.execute(db);
    expect(rows[0]).toEqual({ a: 0, g: 0 });
  });
});

describe('customer timeline', () => {
  it('merges every kind newest first and pages without duplicates or gaps, ties included', async () => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const contactId = await insertContact(ws.workspaceId, ws.adminId);
    const other = await insertContact(ws.workspaceId, ws.adminId, 'Someone else');

    await api.post('/api/v1/notes', { contact_id: contactId, body: 'first note' });
    await api.post('/api/v1/notes', { contact_id: contactId, body: 'second note' });
    await api.post('/api/v1/notes', { contact_id: other, body: 'not on this contact' });
    await api.post('/api/v1/activities', { type: 'meeting', subject: 'Kick-off', occurred_at: '2026-01-15T10:00:00Z', contact_id: contactId });
    await api.post('/api/v1/activities', { type: 'call', subject: 'Same instant', occurred_at: '2026-01-20T10:00:00Z', contact_id: contactId });
    await api.post('/api/v1/orders', { contact_id: contactId, status: 'paid', ordered_at: '2026-01-20T10:00:00Z', currency: 'CNY', lines: [{ product_name: 'Tea', quantity: 1, unit_price_minor: 100 }] });
    await api.post('/api/v1/orders', { contact_id: contactId, status: 'paid', ordered_at: '2026-01-20T10:00:00Z', currency: 'CNY', lines: [{ product_name: 'Tea', quantity: 2, unit_price_minor: 100 }] });
    await api.post('/api/v1/tasks', { title: 'Follow up', contact_id: contactId });
    const deleted = await api.post('/api/v1/notes', { contact_id: contactId, body: 'deleted note' });
    await api.delete(`/api/v1/notes/${deleted.body.id}`);
    await recordAudit(db, { workspaceId: ws.workspaceId, objectType: 'contacts', recordId: contactId, actorId: ws.adminId, action: 'create', changes: { display_name: [null, 'Li Na'] } });
    await recordAudit(db, { workspaceId: ws.workspaceId, objectType: 'contacts', recordId: contactId, actorId: ws.adminId, action: 'update', changes: { city: ['北京', '上海'] } });
    // a note at exactly the same instant as an activity and two orders
    await sql`update notes set created_at = '2026-01-20T10:00:00Z' where body = 'first note'`.execute(db);

    // the expected order, computed independently from the tables
    const { rows: expected } = await sql<{ kind: string; id: string }>`
      select kind, id::text from (
        select 'note' as kind, id, created_at as at from notes where workspace_id = ${ws.workspaceId} and contact_id = ${contactId} and deleted_at is null
        union all select 'activity', id, occurred_at from activities where workspace_id = ${ws.workspaceId} and contact_id = ${contactId}
        union all select 'order', id, ordered_at from orders where workspace_id = ${ws.workspaceId} and contact_id = ${contactId}
        union all select 'task', id, created_at from tasks where workspace_id = ${ws.workspaceId} and contact_id = ${contactId}
        union all select 'audit', id, at from audit_log where workspace_id = ${ws.workspaceId} and object_type = 'contacts' and record_id = ${contactId}
      ) x order by at desc, kind collate "C" desc, id desc`.execute(db);
    expect(expected).toHaveLength(2 + 2 + 2 + 1 + 2);

    const url = `/api/v1/contacts/${contactId}/timeline`;
    for (const limit of [1, 2, 3, 4, 50]) {
      const items = await readAll(api, url, limit);
      expect(items.map((i) => `${i.kind}:${i.id}`)).toEqual(expected.map((e) => `${e.kind}:${e.id}`));
    }
    const all = await readAll(api, url, 50);
    const update = all.find((i) => i.kind === 'audit' && i.payload.action === 'update')!;
    expect(update).toMatchObject({ actor_name: 'Admin', summary: 'update: city', payload: { changes: { city: ['北京', '上海'] } } });
    expect(all.find((i) => i.kind === 'order')!.payload).toMatchObject({ status: 'paid', currency: 'CNY' });
    expect(all.find((i) => i.kind === 'activity')!.summary).toMatch(/^(call|meeting): /);

    const bad = await api.get(`${url}?cursor=${Buffer.from(JSON.stringify(['x', 'note', '1'])).toString('base64url')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('CURSOR_INVALID');
  });

  it('answers 404 for a contact outside a sales rep’s own scope, or of another workspace', async () => {
    const ws = await newWorkspace(db);
    const other = await newWorkspace(db, 'Other Co');
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const admin = client(app, await logInAs(app, ws.adminEmail));
    const notMine = await insertContact(ws.workspaceId, ws.adminId);
    const mine = await insertContact(ws.workspaceId, rep.id);
    const foreign = await insertContact(other.workspaceId, other.adminId);
    await admin.post('/api/v1/notes', { contact_id: notMine, body: 'secret' });
    const api = client(app, await logInAs(app, rep.email));
    for (const id of [notMine, foreign]) {
      const res = await api.get(`/api/v1/contacts/${id}/timeline`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect((await api.get(`/api/v1/contacts/${mine}/timeline`)).status).toBe(200);
    expect((await admin.get(`/api/v1/contacts/${foreign}/timeline`)).status).toBe(404);
  });

  it('leaves hidden fields out of audit entries and masks masked ones', async () => {
    const ws = await newWorkspace(db);
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    await sql`update roles set permissions = jsonb_set(jsonb_set(permissions, '{fields}', '{"contacts": {"phone": "hidden"}}'),
                                                   '{masks}', '{"contacts": {"email": "everywhere"}}')
              where workspace_id = ${ws.workspaceId} and key = 'sales'`.execute(db);
    const contactId = await insertContact(ws.workspaceId, rep.id);
    await recordAudit(db, {
      workspaceId: ws.workspaceId, objectType: 'contacts', recordId: contactId, actorId: ws.adminId, action: 'update',
      changes: {
        phone: ['+8613812348000', '+8613900001111'],
        phones: [[{ value: '+8613812348000', label: 'mobile' }], [{ value: '+8613900001111', label: 'mobile' }]],
        email: ['li.na@example.com', 'lina@example.cn'],
        emails: [[], [{ value: 'lina@example.cn', label: 'work' }]],
        city: ['北京', '上海'],
      },
    });
    await recordAudit(db, { workspaceId: ws.workspaceId, objectType: 'contacts', recordId: contactId, actorId: ws.adminId, action: 'update', changes: { phone: ['+8613900001111', null] } });

    const res = await client(app, await logInAs(app, rep.email)).get(`/api/v1/contacts/${contactId}/timeline`);
    expect(res.status).toBe(200);
    const body = JSON.stringify(res.body);
    expect(body).not.toContain('13812348000');
    expect(body).not.toContain('13900001111');
    expect(body).not.toContain('li.na@example.com');
    expect(body).not.toContain('lina@example.cn');
    const [phoneOnly, full] = res.body.data as Item[];
    expect(phoneOnly).toMatchObject({ kind: 'audit', summary: 'update', payload: { action: 'update', changes: {} } });
    expect(full!.payload.changes).toEqual({
      city: ['北京', '上海'],
      email: ['l***@example.com', 'l***@example.cn'],
      emails: [[], [{ value: 'l***@example.cn', label: 'work' }]],
    });
    expect(full!.summary.split(': ')[1]!.split(', ').sort()).toEqual(['city', 'email', 'emails']);

    // the administrator's role has no such rules and reads the history in clear
    const adminView = await client(app, await logInAs(app, ws.adminEmail)).get(`/api/v1/contacts/${contactId}/timeline`);
    expect(JSON.stringify(adminView.body)).toContain('+8613812348000');
  });

  it('shows a company’s notes, orders and history', async () => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const { rows } = await sql<{ id: string }>`insert into companies (workspace_id, name, owner_id) values (${ws.workspaceId}, 'ACME', ${ws.adminId}) returning id::text`.execute(db);
    const companyId = rows[0]!.id;
    await api.post('/api/v1/notes', { company_id: companyId, body: 'Framework agreement signed' });
    await api.post('/api/v1/orders', { company_id: companyId, status: 'completed', ordered_at: '2026-01-02T00:00:00Z', currency: 'CNY', lines: [{ product_name: 'Licence', quantity: 10, unit_price_minor: 100000 }] });
    await recordAudit(db, { workspaceId: ws.workspaceId, objectType: 'companies', recordId: companyId, actorId: ws.adminId, action: 'create' });
    const res = await api.get(`/api/v1/companies/${companyId}/timeline`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((i: Item) => i.kind).sort()).toEqual(['audit', 'note', 'order']);
    expect(res.body.data.find((i: Item) => i.kind === 'order').payload.total_minor).toBe(1000000);
  });
});
