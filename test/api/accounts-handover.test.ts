import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { OWNED_RECORD_TYPES } from '../../src/modules/accounts/index.ts';
import { client, logInAs, newUser, newWorkspace, testApp } from '../support/test-app.ts';

const { app, db } = await testApp();

/** A small book of business owned by `ownerId`, inserted directly: these tests are about the hand-over, not the record APIs. */
async function bookOf(workspaceId: string, ownerId: string) {
  const company = await sql<{ id: string }>`insert into companies (workspace_id, name, owner_id) values (${workspaceId}, '星河科技', ${ownerId}) returning id::text`.execute(db);
  const companyId = company.rows[0]!.id;
  const contacts = await sql<{ id: string }>`
    insert into contacts (workspace_id, display_name, owner_id, company_id, deleted_at)
    values (${workspaceId}, '张三', ${ownerId}, ${companyId}, null), (${workspaceId}, '李四', ${ownerId}, null, null),
           (${workspaceId}, '王五 (trash)', ${ownerId}, null, now())
    returning id::text`.execute(db);
  const order = await sql<{ id: string }>`
    insert into orders (workspace_id, number, contact_id, owner_id, status, ordered_at, currency, total_minor)
    values (${workspaceId}, ${`SO-${ownerId}`}, ${contacts.rows[0]!.id}, ${ownerId}, 'paid', now(), 'CNY', 19900) returning id::text`.execute(db);
  const tasks = await sql<{ id: string; done: boolean }>`
    insert into tasks (workspace_id, title, assignee_id, done) values (${workspaceId}, 'call back', ${ownerId}, false), (${workspaceId}, 'sent quote', ${ownerId}, true)
    returning id::text, done`.execute(db);
  return { companyId, contactIds: contacts.rows.map((r) => r.id), orderId: order.rows[0]!.id, openTask: tasks.rows.find((t) => !t.done)!.id, doneTask: tasks.rows.find((t) => t.done)!.id };
}

async function owners(workspaceId: string) {
  const { rows } = await sql<{ t: string; id: string; owner: string }>`
    select 'contacts' as t, id::text, owner_id::text as owner from contacts where workspace_id = ${workspaceId}
    union all select 'companies', id::text, owner_id::text from companies where workspace_id = ${workspaceId}
    union all select 'orders', id::text, owner_id::text from orders where workspace_id = ${workspaceId}
    union all select 'tasks', id::text, assignee_id::text from tasks where workspace_id = ${workspaceId}
    order by 1, 2`.execute(db);
  return rows;
}

describe('hand-over (离职交接)', () => {
  it('moves every owned record and open task in one step, audited per record and on the user', async () => {
    const ws = await newWorkspace(db);
    const leaving = await newUser(db, ws.workspaceId, { name: '离职员工' });
    const heir = await newUser(db, ws.workspaceId, { name: '接手人' });
    const book = await bookOf(ws.workspaceId, leaving.id);
    const api = client(app, await logInAs(app, ws.adminEmail));
    expect((await api.post(`/api/v1/users/${leaving.id}/deactivate`)).status).toBe(200);
    const res = await api.post(`/api/v1/users/${leaving.id}/handover`, { to_user_id: heir.id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ moved: { contacts: 3, companies: 1, orders: 1, tasks: 1, shares: 0 } });
    const after = await owners(ws.workspaceId);
    expect(after.filter((r) => r.owner === leaving.id).map((r) => r.id)).toEqual([book.doneTask]);
    expect(after.filter((r) => r.owner === heir.id)).toHaveLength(6);
    const { rows: audit } = await sql<{ object_type: string; record_id: string; action: string; changes: Record<string, unknown> }>`
      select object_type, record_id::text, action, changes from audit_log where workspace_id = ${ws.workspaceId} and action = 'handover' order by id`.execute(db);
    expect(audit.filter((a) => a.object_type === 'contacts').map((a) => a.record_id).sort()).toEqual([...book.contactIds].sort());
    expect(audit.find((a) => a.object_type === 'contacts')?.changes).toEqual({ owner_id: [leaving.id, heir.id] });
    expect(audit.find((a) => a.object_type === 'tasks')?.changes).toEqual({ assignee_id: [leaving.id, heir.id] });
    expect(audit.find((a) => a.object_type === 'orders')?.record_id).toBe(book.orderId);
    expect(audit.find((a) => a.object_type === 'user')).toMatchObject({ record_id: leaving.id, changes: { handed_over_to: [null, heir.id], moved: [null, { contacts: 3, companies: 1, orders: 1, tasks: 1, shares: 0 }] } });
    // moved records count as changed: a client holding the old version gets a conflict, not a silent overwrite
    const { rows: versions } = await sql<{ version: number }>`select version from contacts where id = ${book.contactIds[0]!}`.execute(db);
    expect(versions[0]?.version).toBe(2);
  });

  it("shares the leaving user's shared records with the successor, keeping the wider access and later expiry", async () => {
    const ws = await newWorkspace(db);
    const owner = await newUser(db, ws.workspaceId);
    const leaving = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const heir = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const book = await bookOf(ws.workspaceId, owner.id);
    const [c1, c2, c3] = book.contactIds as [string, string, string];
    const share = (record: string, user: string, access: string, expires: string | null, object = 'contacts') =>
      sql`insert into record_collaborators (workspace_id, object_type, record_id, user_id, access, expires_at)
          values (${ws.workspaceId}, ${object}, ${record}, ${user}, ${access}, ${expires}::timestamptz)`.execute(db);
    await share(c1, leaving.id, 'write', null);
    await share(c2, leaving.id, 'read', null);
    await share(c2, heir.id, 'write', '2099-01-01');
    await share(c3, leaving.id, 'write', '2000-01-01'); // expired: grants nothing, moves nowhere
    await share(book.companyId, leaving.id, 'read', null, 'companies');

    const api = client(app, await logInAs(app, ws.adminEmail));
    const res = await api.post(`/api/v1/users/${leaving.id}/handover`, { to_user_id: heir.id });
    expect(res.status).toBe(200);
    expect(res.body.moved.shares).toBe(3);
    const { rows } = await sql<{ object_type: string; record_id: string; user_id: string; access: string; expires_at: string | null }>`
      select object_type, record_id::text, user_id::text, access, to_char(expires_at at time zone 'UTC', 'YYYY-MM-DD') as expires_at
      from record_collaborators where workspace_id = ${ws.workspaceId} order by object_type, record_id`.execute(db);
    expect(rows).toEqual([
      { object_type: 'companies', record_id: book.companyId, user_id: heir.id, access: 'read', expires_at: null },
      { object_type: 'contacts', record_id: c1, user_id: heir.id, access: 'write', expires_at: null },
      { object_type: 'contacts', record_id: c2, user_id: heir.id, access: 'write', expires_at: null },
    ].sort((a, b) => (a.object_type + a.record_id.padStart(20, '0')).localeCompare(b.object_type + b.record_id.padStart(20, '0'))));
    // the successor now sees the shared contact through the API
    const heirApi = client(app, await logInAs(app, heir.email));
    expect((await heirApi.get(`/api/v1/contacts/${c1}`)).status).toBe(200);
    const { rows: audit } = await sql<{ record_id: string }>`
      select record_id::text from audit_log where workspace_id = ${ws.workspaceId} and action = 'handover' and changes ? 'collaborator' order by record_id`.execute(db);
    expect(audit).toHaveLength(3);
  });

  it('covers every record type listed for hand-over', () => {
    expect(OWNED_RECORD_TYPES.map((t) => t.key)).toEqual(['contacts', 'companies', 'orders', 'tasks']);
  });

  it('refuses an inactive target, the same user, and a user of another workspace — moving nothing', async () => {
    const ws = await newWorkspace(db);
    const other = await newWorkspace(db);
    // a removed user whose id sorts before the target's
    const ghost = await newUser(db, ws.workspaceId);
    await sql`delete from users where id = ${ghost.id}`.execute(db);
    const leaving = await newUser(db, ws.workspaceId);
    const inactive = await newUser(db, ws.workspaceId);
    await sql`update users set active = false where id = ${inactive.id}`.execute(db);
    const stranger = await newUser(db, other.workspaceId);
    await bookOf(ws.workspaceId, leaving.id);
    const before = await owners(ws.workspaceId);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const cases: [string, number, string][] = [
      [inactive.id, 422, 'BUSINESS_RULE_VIOLATED'],
      [leaving.id, 422, 'BUSINESS_RULE_VIOLATED'],
      [stranger.id, 400, 'REFERENCE_INVALID'],
    ];
    for (const [to, status, code] of cases) {
      const res = await api.post(`/api/v1/users/${leaving.id}/handover`, { to_user_id: to });
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    // the source user of another workspace is simply not found
    const foreign = await api.post(`/api/v1/users/${stranger.id}/handover`, { to_user_id: leaving.id });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('NOT_FOUND');
    const unknown = await api.post(`/api/v1/users/${ghost.id}/handover`, { to_user_id: leaving.id });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    expect(await owners(ws.workspaceId)).toEqual(before);
    const { rows } = await sql`select 1 from audit_log where workspace_id = ${ws.workspaceId} and action = 'handover'`.execute(db);
    expect(rows).toHaveLength(0);
  });

  it('leaves the records of other users alone', async () => {
    const ws = await newWorkspace(db);
    const leaving = await newUser(db, ws.workspaceId);
    const bystander = await newUser(db, ws.workspaceId);
    const heir = await newUser(db, ws.workspaceId);
    await bookOf(ws.workspaceId, leaving.id);
    await bookOf(ws.workspaceId, bystander.id);
    const api = client(app, await logInAs(app, ws.adminEmail));
    await api.post(`/api/v1/users/${leaving.id}/handover`, { to_user_id: heir.id });
    const after = await owners(ws.workspaceId);
    expect(after.filter((r) => r.owner === bystander.id)).toHaveLength(7);
  });
});
