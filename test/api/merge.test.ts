import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { client, logInAs, newUser, newWorkspace, testAppWithJobs, type Client } from '../support/test-app.ts';

// Bulk merge runs as a job, so this file starts its own server with workers.
const { app, db } = await testAppWithJobs('relata-merge-');

async function setup() {
  const ws = await newWorkspace(db);
  const admin = client(app, await logInAs(app, ws.adminEmail));
  return { ws, admin };
}

async function created(api: Client, url: string, body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const res = await api.post(url, body);
  expect(res.status, `${url} ${JSON.stringify(res.body)}`).toBe(201);
  return res.body;
}

async function count(table: string, column: string, id: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} = ${id}`.execute(db);
  return rows[0]!.n;
}

async function aggregates(contactId: string) {
  const { rows } = await sql<{ order_count: number; total_spend_minor: string }>`
    select order_count, total_spend_minor::text from contact_aggregates where contact_id = ${contactId}`.execute(db);
  return rows[0];
}

const order = (contactId: string, price: number) => ({
  contact_id: contactId, status: 'paid', ordered_at: '2026-03-01T10:00:00Z', currency: 'CNY', lines: [{ product_name: 'Tea', quantity: 1, unit_price_minor: price }],
});

/** Two contacts of the same person, each with related records of every kind. */
async function duplicates(admin: Client, ws: { workspaceId: string }) {
  const survivor = await created(admin, '/api/v1/contacts', {
    last_name: '王', first_name: '小明', emails: [{ value: 'ming@example.com', label: 'work' }], city: '上海', tags: ['vip'],
  });
  const merged = await created(admin, '/api/v1/contacts', {
    last_name: '王', first_name: '晓明', emails: [{ value: 'wang.ming@example.com', label: null }, { value: 'MING@example.com', label: null }],
    phones: [{ value: '13812348000', label: 'mobile' }], city: '北京', street: '长安街 1 号', tags: ['vip', '老客户'], external_id: 'CRM-7',
  });
  const orders = [await created(admin, '/api/v1/orders', order(merged.id, 1000)), await created(admin, '/api/v1/orders', order(merged.id, 2500))];
  await created(admin, '/api/v1/orders', order(survivor.id, 100));
  const note = await created(admin, '/api/v1/notes', { contact_id: merged.id, body: '喜欢绿茶' });
  const task = await created(admin, '/api/v1/tasks', { title: '回访', contact_id: merged.id });
  const activity = await created(admin, '/api/v1/activities', { type: 'call', subject: '首次来电', occurred_at: '2026-03-02T09:00:00Z', contact_id: merged.id });
  const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales', name: 'Rep' });
  expect((await admin.post(`/api/v1/contacts/${merged.id}/collaborators`, { user_id: rep.id, access: 'write' })).status).toBe(201);
  return { survivor, merged, orders, note, task, activity, rep };
}

describe('merging contacts', () => {
  it('moves every related record, unites lists and tags, honours field choices, keeps the old id resolving and audits both records', async () => {
    const { ws, admin } = await setup();
    const d = await duplicates(admin, ws);
    const { rows: pair } = await sql<{ id: string }>`insert into duplicate_pairs (workspace_id, object_type, a_id, b_id, score)
      values (${ws.workspaceId}, 'contact', ${d.survivor.id}, ${d.merged.id}, 0.97) returning id::text`.execute(db);

    const res = await admin.post('/api/v1/merges', {
      object: 'contacts', survivor_id: d.survivor.id, merged_id: d.merged.id, fields: { first_name: 'merged' }, pair_id: pair[0]!.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { merge, survivor } = res.body;
    expect(merge).toMatchObject({
      object: 'contacts', survivor_id: d.survivor.id, merged_id: d.merged.id, merged_display_name: '王晓明', created_by_name: 'Admin', undone_at: null,
      moved: { orders: 2, notes: 1, tasks: 1, activities: 1, record_collaborators: 1 },
    });
    // chosen: first name from the merged record; default: survivor's city, merged street (survivor had none); unions
    expect(survivor).toMatchObject({ id: d.survivor.id, first_name: '晓明', display_name: '王晓明', city: '上海', street: '长安街 1 号', external_id: null });
    expect(survivor.emails.map((e: { value: string }) => e.value)).toEqual(['ming@example.com', 'wang.ming@example.com']);
    expect(survivor.phones).toEqual([{ value: '+8613812348000', label: 'mobile' }]);
    expect(survivor.tags).toEqual(['vip', '老客户']);

    expect(await count('orders', 'contact_id', d.survivor.id)).toBe(3);
    for (const table of ['orders', 'notes', 'tasks', 'activities']) expect(await count(table, 'contact_id', d.merged.id)).toBe(0);
    expect(await aggregates(d.survivor.id)).toEqual({ order_count: 3, total_spend_minor: '3600' });
    expect(await aggregates(d.merged.id)).toEqual({ order_count: 0, total_spend_minor: '0' });
    const collaborators = (await admin.get(`/api/v1/contacts/${d.survivor.id}/collaborators`)).body.data;
    expect(collaborators).toMatchObject([{ user_id: d.rep.id, access: 'write' }]);
    const timeline = (await admin.get(`/api/v1/contacts/${d.survivor.id}/timeline`)).body.data;
    expect(timeline.map((t: { kind: string }) => t.kind)).toEqual(expect.arrayContaining(['note', 'order', 'activity', 'task']));

    // the old id still resolves — to the survivor, on the record and on its sub-resources
    const old = await admin.get(`/api/v1/contacts/${d.merged.id}`);
    expect(old.status).toBe(200);
    expect(old.body.id).toBe(d.survivor.id);
    expect((await admin.get(`/api/v1/contacts/${d.merged.id}/timeline`)).status).toBe(200);
    expect((await admin.get(`/api/v1/contacts/${d.merged.id}/collaborators`)).body.data).toHaveLength(1);
    const list = (await admin.get('/api/v1/contacts')).body;
    expect(list.data.map((c: { id: string }) => c.id)).toEqual([d.survivor.id]);
    // the merged external id is an alias of the survivor
    const { rows: aliases } = await sql`select alias_id::text, survivor_id::text, alias_external_id from record_aliases where merge_id = ${merge.id}`.execute(db);
    expect(aliases).toEqual([{ alias_id: d.merged.id, survivor_id: d.survivor.id, alias_external_id: 'CRM-7' }]);

    const history = (await admin.get(`/api/v1/contacts/${d.survivor.id}/history`)).body.data;
    expect(history[0]).toMatchObject({ action: 'merge', actor_name: 'Admin', changes: { merged_from: [null, d.merged.id], first_name: ['小明', '晓明'] } });
    const { rows: mergedAudit } = await sql<{ action: string; changes: Record<string, unknown> }>`
      select action, changes from audit_log where object_type = 'contacts' and record_id = ${d.merged.id} order by id desc limit 1`.execute(db);
    expect(mergedAudit[0]).toMatchObject({ action: 'merge', changes: { merged_into_id: [null, d.survivor.id] } });
    const { rows: pairs } = await sql`select status from duplicate_pairs where id = ${pair[0]!.id}`.execute(db);
    expect(pairs).toEqual([{ status: 'merged' }]);

    // not in the trash, and restoring it is refused: undo is the way back
    expect((await admin.get('/api/v1/trash?object=contacts')).body.data).toEqual([]);
    const restore = await admin.post(`/api/v1/contacts/${d.merged.id}/restore`);
    expect(restore.status).toBe(409);
    expect(restore.body.error).toMatchObject({ code: 'RECORD_MERGED', details: { merged_into_id: d.survivor.id } });

    const merges = (await admin.get('/api/v1/merges?object=contacts')).body;
    expect(merges.data.map((m: { id: string }) => m.id)).toEqual([merge.id]);
  });

  it('undo puts everything back, and a second undo is refused', async () => {
    const { ws, admin } = await setup();
    const d = await duplicates(admin, ws);
    const { rows: pair } = await sql<{ id: string }>`insert into duplicate_pairs (workspace_id, object_type, a_id, b_id, score)
      values (${ws.workspaceId}, 'contact', ${d.survivor.id}, ${d.merged.id}, 0.9) returning id::text`.execute(db);
    const before = (await admin.get(`/api/v1/contacts/${d.survivor.id}`)).body;
    const merge = (await admin.post('/api/v1/merges', { object: 'contacts', survivor_id: d.survivor.id, merged_id: d.merged.id })).body.merge;

    const undo = await admin.post(`/api/v1/merges/${merge.id}/undo`);
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(undo.body.conflicts).toEqual([]);
    expect(undo.body.merge.undone_at).toEqual(expect.any(String));

    const after = (await admin.get(`/api/v1/contacts/${d.survivor.id}`)).body;
    const { version: _v1, updated_at: _u1, ...restored } = after;
    const { version: _v0, updated_at: _u0, ...original } = before;
    expect(restored).toEqual(original);
    const back = await admin.get(`/api/v1/contacts/${d.merged.id}`);
    expect(back.body).toMatchObject({ id: d.merged.id, first_name: '晓明', external_id: 'CRM-7', tags: ['vip', '老客户'] });
    expect(await count('orders', 'contact_id', d.merged.id)).toBe(2);
    for (const table of ['notes', 'tasks', 'activities']) expect(await count(table, 'contact_id', d.merged.id)).toBe(1);
    expect(await count('orders', 'contact_id', d.survivor.id)).toBe(1);
    expect(await aggregates(d.survivor.id)).toEqual({ order_count: 1, total_spend_minor: '100' });
    expect(await aggregates(d.merged.id)).toEqual({ order_count: 2, total_spend_minor: '3500' });
    expect((await admin.get(`/api/v1/contacts/${d.survivor.id}/collaborators`)).body.data).toEqual([]);
    expect((await admin.get(`/api/v1/contacts/${d.merged.id}/collaborators`)).body.data).toHaveLength(1);
    expect(await count('record_aliases', 'merge_id', merge.id)).toBe(0);
    const { rows: pairs } = await sql`select status, decided_by from duplicate_pairs where id = ${pair[0]!.id}`.execute(db);
    expect(pairs).toEqual([{ status: 'open', decided_by: null }]);
    const history = (await admin.get(`/api/v1/contacts/${d.merged.id}/history`)).body.data;
    expect(history[0]).toMatchObject({ action: 'unmerge', changes: { merged_into_id: [d.survivor.id, null] } });

    const again = await admin.post(`/api/v1/merges/${merge.id}/undo`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('MERGE_ALREADY_UNDONE');
  });

  it('undo after later edits keeps the edits and reports them as conflicts', async () => {
    const { ws, admin } = await setup();
    const d = await duplicates(admin, ws);
    const res = await admin.post('/api/v1/merges', { object: 'contacts', survivor_id: d.survivor.id, merged_id: d.merged.id });
    const { merge, survivor } = res.body;
    expect(survivor.street).toBe('长安街 1 号');
    const edited = await admin.patch(`/api/v1/contacts/${d.survivor.id}`, { version: survivor.version, street: '南京路 8 号', tags: ['vip', '老客户', '回头客'] });
    expect(edited.status).toBe(200);
    // an order moved by the merge, then moved on to a third contact by hand, stays there
    const third = await created(admin, '/api/v1/contacts', { last_name: 'Third' });
    await sql`update orders set contact_id = ${third.id} where id = ${d.orders[0]!.id}`.execute(db);

    const undo = await admin.post(`/api/v1/merges/${merge.id}/undo`);
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(undo.body.conflicts).toEqual(expect.arrayContaining([
      { field: 'street', reason: 'edited after the merge' },
      { field: 'tags', reason: 'edited after the merge' },
      { field: 'orders.contact_id', reason: expect.stringContaining('1 of 2 rows') },
    ]));
    const now = (await admin.get(`/api/v1/contacts/${d.survivor.id}`)).body;
    expect(now).toMatchObject({ street: '南京路 8 号', tags: ['vip', '老客户', '回头客'], city: '上海' });
    // fields the merge changed and nobody touched since do go back
    expect(now.emails.map((e: { value: string }) => e.value)).toEqual(['ming@example.com']);
    expect(now.phones).toEqual([]);
    expect(await count('orders', 'contact_id', third.id)).toBe(1);
    expect(await count('orders', 'contact_id', d.merged.id)).toBe(1);
  });

  it('re-points a table added later with a foreign key to contacts, and moves it back on undo (the catalog mechanism)', async () => {
    const { ws, admin } = await setup();
    await sql`create table if not exists test_tickets (
      workspace_id bigint not null, id bigint generated always as identity, subject text not null, requester_id bigint,
      primary key (workspace_id, id), foreign key (workspace_id, requester_id) references contacts (workspace_id, id))`.execute(db);
    const a = await created(admin, '/api/v1/contacts', { last_name: 'A' });
    const b = await created(admin, '/api/v1/contacts', { last_name: 'B' });
    const { rows: tickets } = await sql<{ id: string }>`insert into test_tickets (workspace_id, subject, requester_id)
      values (${ws.workspaceId}, 'broken kettle', ${b.id}), (${ws.workspaceId}, 'refund', ${b.id}) returning id::text`.execute(db);
    const res = await admin.post('/api/v1/merges', { object: 'contacts', survivor_id: a.id, merged_id: b.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.merge.moved).toEqual({ test_tickets: 2 });
    expect(await count('test_tickets', 'requester_id', a.id)).toBe(2);
    const { rows: moves } = await sql<{ row_ids: string[] }>`select row_ids::text[] from merge_moves where table_name = 'test_tickets'`.execute(db);
    expect(moves[0]!.row_ids.sort()).toEqual(tickets.map((t) => t.id).sort());
    expect((await admin.post(`/api/v1/merges/${res.body.merge.id}/undo`)).status).toBe(200);
    expect(await count('test_tickets', 'requester_id', b.id)).toBe(2);
  });

  it('refuses a merge with itself, another workspace\'s record (404, nothing changes) and a stale version', async () => {
    const { ws, admin } = await setup();
    const a = await created(admin, '/api/v1/contacts', { last_name: 'A' });
    const self = await admin.post('/api/v1/merges', { object: 'contacts', survivor_id: a.id, merged_id: a.id });
    expect(self.status).toBe(422);
    expect(self.body.error.code).toBe('MERGE_SAME_RECORD');

    const other = await setup();
    const foreign = await created(other.admin, '/api/v1/contacts', { last_name: 'Foreign' });
    await created(other.admin, '/api/v1/notes', { contact_id: foreign.id, body: 'theirs' });
    for (const body of [{ survivor_id: a.id, merged_id: foreign.id }, { survivor_id: foreign.id, merged_id: a.id }]) {
      const res = await admin.post('/api/v1/merges', { object: 'contacts', ...body });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect((await other.admin.get(`/api/v1/contacts/${foreign.id}`)).body.version).toBe(1);
    expect(await count('notes', 'contact_id', foreign.id)).toBe(1);
    expect(await count('merges', 'workspace_id', ws.workspaceId)).toBe(0);

    const b = await created(admin, '/api/v1/contacts', { last_name: 'B' });
    const stale = await admin.post('/api/v1/merges', { object: 'contacts', survivor_id: a.id, merged_id: b.id, merged_version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const unknown = await admin.post('/api/v1/merges', { object: 'contacts', survivor_id: a.id, merged_id: b.id, fields: { nickname: 'merged' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('FIELD_UNKNOWN');
    const fixed = await admin.post('/api/v1/merges', { object: 'contacts', survivor_id: a.id, merged_id: b.id, fields: { external_id: 'merged' } });
    expect(fixed.body.error.code).toBe('FIELD_VALUE_INVALID');
    expect((await admin.get(`/api/v1/contacts/${b.id}`)).body.version).toBe(1);
  });

  it('keeps a sales rep to records within their scope and to fields they may edit', async () => {
    const { ws, admin } = await setup();
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const api = client(app, await logInAs(app, rep.email));
    const mine = await created(api, '/api/v1/contacts', { last_name: 'Mine' });
    const mine2 = await created(api, '/api/v1/contacts', { last_name: 'Mine too', city: '杭州' });
    const notMine = await created(admin, '/api/v1/contacts', { last_name: 'Not mine' });
    const res = await api.post('/api/v1/merges', { object: 'contacts', survivor_id: mine.id, merged_id: notMine.id });
    expect(res.status).toBe(404);
    expect((await admin.get(`/api/v1/contacts/${notMine.id}`)).body.version).toBe(1);

    await sql`update roles set permissions = jsonb_set(permissions, '{fields,contacts}', '{"city":"readonly"}')
              where workspace_id = ${ws.workspaceId} and key = 'sales'`.execute(db);
    const readOnly = await api.post('/api/v1/merges', { object: 'contacts', survivor_id: mine.id, merged_id: mine2.id, fields: { city: 'merged' } });
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.error.code).toBe('FIELD_READ_ONLY');
    // nor does the default rule fill it (ADR 12): the survivor keeps its own (empty) city, the retired record keeps 杭州
    const ok = await api.post('/api/v1/merges', { object: 'contacts', survivor_id: mine.id, merged_id: mine2.id });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.survivor.city).toBeNull();
    const retired = await sql<{ city: string | null }>`select city from contacts where id = ${mine2.id}`.execute(db);
    expect(retired.rows[0]?.city).toBe('杭州');
  });
});

describe('merging companies', () => {
  it('moves the companies\' contacts, orders and notes to the survivor', async () => {
    const { admin } = await setup();
    const acme = await created(admin, '/api/v1/companies', { name: 'Acme', domain: 'acme.com' });
    const acme2 = await created(admin, '/api/v1/companies', { name: 'ACME Ltd', industry: 'Tools' });
    const person = await created(admin, '/api/v1/contacts', { last_name: 'Li', company_id: acme2.id });
    await created(admin, '/api/v1/notes', { company_id: acme2.id, body: 'met at the fair' });
    const res = await admin.post('/api/v1/merges', { object: 'companies', survivor_id: acme.id, merged_id: acme2.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.merge.moved).toEqual({ contacts: 1, notes: 1 });
    expect(res.body.survivor).toMatchObject({ id: acme.id, name: 'Acme', industry: 'Tools', domain: 'acme.com', contact_count: 1 });
    expect((await admin.get(`/api/v1/contacts/${person.id}`)).body.company_id).toBe(acme.id);
    expect((await admin.get(`/api/v1/companies/${acme2.id}`)).body.id).toBe(acme.id);
  });
});

async function waitFor(api: Client, id: string) {
  for (let i = 0; i < 200; i++) {
    const res = await api.get(`/api/v1/jobs/${id}`);
    if (['succeeded', 'failed', 'cancelled'].includes(res.body.status)) return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

describe('bulk merge', () => {
  it('merges open pairs above the score, highest first, the more complete record surviving; skips pairs whose records are gone', async () => {
    const { ws, admin } = await setup();
    const sparse = await created(admin, '/api/v1/contacts', { last_name: 'Zhang' });
    const full = await created(admin, '/api/v1/contacts', { last_name: 'Zhang', first_name: 'San', city: '上海', emails: [{ value: 'z@example.com' }] });
    const third = await created(admin, '/api/v1/contacts', { last_name: 'Zhang', first_name: 'S.' });
    const low1 = await created(admin, '/api/v1/contacts', { last_name: 'Low' });
    const low2 = await created(admin, '/api/v1/contacts', { last_name: 'Low' });
    const pair = async (a: string, b: string, score: number) => {
      const [x, y] = BigInt(a) < BigInt(b) ? [a, b] : [b, a];
      await sql`insert into duplicate_pairs (workspace_id, object_type, a_id, b_id, score) values (${ws.workspaceId}, 'contact', ${x}, ${y}, ${score})`.execute(db);
    };
    await pair(sparse.id, full.id, 0.99);
    await pair(sparse.id, third.id, 0.97); // closed by the first merge (sparse is gone)
    await pair(full.id, third.id, 0.96);
    await pair(low1.id, low2.id, 0.5);

    const forbidden = await client(app, await logInAs(app, (await newUser(db, ws.workspaceId, { roleKey: 'sales' })).email))
      .post('/api/v1/merges/bulk', { object: 'contacts', min_score: 0.95 });
    expect(forbidden.status).toBe(403);

    const started = await admin.post('/api/v1/merges/bulk', { object: 'contacts', min_score: 0.95 });
    expect(started.status).toBe(202);
    const job = await waitFor(admin, started.body.job_id);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toEqual({ merged: 2, skipped: 1 });
    const live = (await admin.get('/api/v1/contacts')).body.data.map((c: { id: string }) => c.id).sort();
    expect(live).toEqual([full.id, low1.id, low2.id].sort());
    const { rows } = await sql<{ status: string; n: number }>`select status, count(*)::int as n from duplicate_pairs
      where workspace_id = ${ws.workspaceId} group by status order by status`.execute(db);
    expect(rows).toEqual([{ status: 'merged', n: 3 }, { status: 'open', n: 1 }]);
    expect((await admin.get(`/api/v1/contacts/${sparse.id}`)).body.id).toBe(full.id);
    expect((await admin.get(`/api/v1/contacts/${third.id}`)).body.id).toBe(full.id);
  });
});
