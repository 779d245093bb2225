import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { client, logInAs, newDepartment, newUser, newWorkspace, testApp } from '../support/test-app.ts';

const { app, db } = await testApp();

async function insertContact(ws: string, ownerId: string, name: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into contacts (workspace_id, display_name, owner_id) values (${ws}, ${name}, ${ownerId}) returning id::text`.execute(db);
  return rows[0]!.id;
}

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

/** A small workspace: a rep (own scope) and the admin, customers, orders over 14 months, tasks. */
async function seed() {
  const ws = await newWorkspace(db);
  const other = await newWorkspace(db, 'Other Co');
  const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales', name: 'Rep' });
  const admin = client(app, await logInAs(app, ws.adminEmail));
  const repContacts = [await insertContact(ws.workspaceId, rep.id, 'R1'), await insertContact(ws.workspaceId, rep.id, 'R2'), await insertContact(ws.workspaceId, rep.id, 'R3')];
  const adminContacts = [await insertContact(ws.workspaceId, ws.adminId, 'A1'), await insertContact(ws.workspaceId, ws.adminId, 'A2')];
  await sql`update contacts set deleted_at = now() where id = ${adminContacts[1]!}`.execute(db);
  await insertContact(other.workspaceId, other.adminId, 'Foreign');
  await sql`insert into companies (workspace_id, name, owner_id) values (${ws.workspaceId}, 'RepCo', ${rep.id}), (${ws.workspaceId}, 'AdminCo', ${ws.adminId})`.execute(db);

  const orders: [string, number, number, string, string][] = [
    // contact, days ago, price, status, currency
    [repContacts[0]!, 5, 1000, 'paid', 'CNY'],
    [repContacts[0]!, 40, 2000, 'completed', 'CNY'],
    [repContacts[1]!, 70, 3000, 'shipped', 'CNY'],
    [repContacts[1]!, 75, 9000, 'cancelled', 'CNY'],
    [repContacts[2]!, 100, 4000, 'pending', 'CNY'],
    [repContacts[2]!, 130, 5000, 'paid', 'USD'],
    [repContacts[2]!, 420, 6000, 'paid', 'CNY'], // older than 12 months
    [adminContacts[0]!, 10, 7000, 'paid', 'CNY'],
    [adminContacts[0]!, 200, 8000, 'refunded', 'CNY'],
  ];
  for (const [contactId, ago, price, status, currency] of orders) {
    const res = await admin.post('/api/v1/orders', { contact_id: contactId, status, ordered_at: daysAgo(ago), currency, lines: [{ product_name: 'Tea', quantity: 1, unit_price_minor: price }] });
    expect(res.status).toBe(201);
  }
  await admin.post('/api/v1/notes', { contact_id: repContacts[0]!, body: 'rep customer note' });
  await admin.post('/api/v1/notes', { contact_id: adminContacts[0]!, body: 'admin customer note' });
  await admin.post('/api/v1/activities', { type: 'call', subject: 'rep call', occurred_at: daysAgo(1), contact_id: repContacts[1]! });

  for (const [title, due, done] of [['overdue', hoursFromNow(-30), false], ['soon', hoursFromNow(2), false], ['later', hoursFromNow(24 * 5), false], ['undated', null, false], ['finished', hoursFromNow(-1), true]] as const) {
    const created = await admin.post('/api/v1/tasks', { title, assignee_id: rep.id, ...(due ? { due_at: due } : {}) });
    if (done) await admin.patch(`/api/v1/tasks/${created.body.id}`, { done: true, version: 1 });
  }
  await admin.post('/api/v1/tasks', { title: 'admin task', due_at: hoursFromNow(1) });
  return { ws, rep, admin };
}

/** The expected dashboard of a user, computed with plain SQL from the tables (not through the app's code). */
async function expected(ws: string, userId: string, scope: 'own' | 'all') {
  const mine = (owner: string) => (scope === 'all' ? sql`true` : sql`${sql.ref(owner)} = ${userId}`);
  const { rows: counts } = await sql<{ contacts: number; companies: number; orders: number; open_tasks: number }>`select
    (select count(*)::int from contacts c where c.workspace_id = ${ws} and c.deleted_at is null and ${mine('c.owner_id')}) as contacts,
    (select count(*)::int from companies c where c.workspace_id = ${ws} and c.deleted_at is null and ${mine('c.owner_id')}) as companies,
    (select count(*)::int from orders o where o.workspace_id = ${ws} and o.deleted_at is null and ${mine('o.owner_id')}) as orders,
    (select count(*)::int from tasks t where t.workspace_id = ${ws} and t.assignee_id = ${userId} and not t.done and t.deleted_at is null) as open_tasks`.execute(db);
  const { rows: revenue } = await sql<{ month: string; total: number }>`
    select to_char(o.ordered_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, sum(o.total_minor)::float8 as total
    from orders o
    where o.workspace_id = ${ws} and o.deleted_at is null and o.status in ('paid', 'shipped', 'completed') and o.currency = 'CNY'
      and ${mine('o.owner_id')}
      and date_trunc('month', o.ordered_at at time zone 'Asia/Shanghai') > date_trunc('month', now() at time zone 'Asia/Shanghai') - interval '12 months'
    group by 1`.execute(db);
  const { rows: tasks } = await sql<{ title: string }>`select title from tasks where workspace_id = ${ws} and assignee_id = ${userId} and not done and deleted_at is null
    order by due_at nulls last, id`.execute(db);
  const { rows: today } = await sql<{ due_today: number; overdue: number }>`select
    count(*) filter (where (due_at at time zone 'Asia/Shanghai')::date = (now() at time zone 'Asia/Shanghai')::date)::int as due_today,
    count(*) filter (where due_at < now())::int as overdue
    from tasks where workspace_id = ${ws} and assignee_id = ${userId} and not done and deleted_at is null`.execute(db);
  return { counts: counts[0]!, revenue: Object.fromEntries(revenue.map((r) => [r.month, r.total])), tasks: tasks.map((t) => t.title), today: today[0]! };
}

describe('dashboard', () => {
  it('matches an independent computation for a rep with own scope and for the admin', async () => {
    const { ws, rep, admin } = await seed();
    for (const [api, userId, scope] of [[client(app, await logInAs(app, rep.email)), rep.id, 'own'], [admin, ws.adminId, 'all']] as const) {
      const res = await api.get('/api/v1/dashboard');
      expect(res.status).toBe(200);
      const want = await expected(ws.workspaceId, userId, scope);
      expect(res.body.counts).toEqual(want.counts);
      expect(res.body.counts_capped).toEqual({ contacts: false, companies: false, orders: false, open_tasks: false });
      expect(res.body.currency).toBe('CNY');
      expect(res.body.revenue_by_month).toHaveLength(12);
      const months = res.body.revenue_by_month.map((m: { month: string }) => m.month);
      expect([...months].sort()).toEqual(months);
      for (const { month, total_minor } of res.body.revenue_by_month as { month: string; total_minor: number }[]) {
        expect({ month, total_minor }).toEqual({ month, total_minor: want.revenue[month] ?? 0 });
      }
      expect(Object.keys(want.revenue).every((m) => months.includes(m))).toBe(true);
      expect(res.body.my_tasks.map((t: { title: string }) => t.title)).toEqual(want.tasks.slice(0, 10));
      expect(res.body.today).toEqual(want.today);
    }
    // spot-check the seed so the comparison above is not vacuous
    const repView = await client(app, await logInAs(app, rep.email)).get('/api/v1/dashboard');
    expect(repView.body.counts).toEqual({ contacts: 3, companies: 1, orders: 7, open_tasks: 4 });
    expect(repView.body.revenue_by_month.reduce((s: number, m: { total_minor: number }) => s + m.total_minor, 0)).toBe(1000 + 2000 + 3000);
    expect(repView.body.my_tasks.map((t: { title: string }) => t.title)).toEqual(['overdue', 'soon', 'later', 'undated']);
    expect(repView.body.today.overdue).toBe(1);
  });

  it('shows recent activity from visible records only', async () => {
    const { ws, rep, admin } = await seed();
    const repView = await client(app, await logInAs(app, rep.email)).get('/api/v1/dashboard');
    const summaries = repView.body.recent_activity.map((i: { summary: string }) => i.summary);
    expect(summaries).toContain('rep customer note');
    expect(summaries).toContain('call: rep call');
    expect(summaries).not.toContain('admin customer note');
    const note = repView.body.recent_activity.find((i: { summary: string }) => i.summary === 'rep customer note');
    expect(note).toMatchObject({ kind: 'note', actor_name: 'Admin', company_id: null });
    expect(note.contact_id).toMatch(/^\d+$/);
    expect(repView.body.recent_activity.length).toBeLessThanOrEqual(10);
    const times = repView.body.recent_activity.map((i: { occurred_at: string }) => Date.parse(i.occurred_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const adminView = await admin.get('/api/v1/dashboard');
    expect(adminView.body.recent_activity).toHaveLength(10);
    expect(adminView.body.recent_activity.map((i: { summary: string }) => i.summary)).toContain('admin customer note');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from notes where workspace_id = ${ws.workspaceId}`.execute(db);
    expect(rows[0]!.n).toBe(2);
  });

  it('materialises task reminders like GET /notifications, once', async () => {
    const { rep } = await seed();
    const api = client(app, await logInAs(app, rep.email));
    await api.get('/api/v1/dashboard');
    await api.get('/api/v1/dashboard');
    const inbox = await api.get('/api/v1/notifications');
    const kinds = inbox.body.data.map((n: { kind: string }) => n.kind);
    expect(kinds.filter((k: string) => k === 'task_overdue')).toHaveLength(1);
    expect(kinds.filter((k: string) => k === 'task_due')).toHaveLength(1);
    expect(kinds.filter((k: string) => k === 'assignment')).toHaveLength(5);
  });
});

/** The rollup as stored, and as a fresh computation from the orders (plain SQL, not the app's rebuild). */
async function rollup(ws: string) {
  const { rows: stored } = await sql<{ key: string; n: string; total: string }>`
    select owner_id || ' ' || month || ' ' || currency as key, order_count::text as n, total_minor::text as total
    from revenue_monthly where workspace_id = ${ws} and (order_count <> 0 or total_minor <> 0) order by 1`.execute(db);
  const { rows: fresh } = await sql<{ key: string; n: string; total: string }>`
    select coalesce(o.owner_id, 0) || ' ' || date_trunc('month', o.ordered_at at time zone w.timezone)::date || ' ' || o.currency as key,
           count(*)::text as n, sum(o.total_minor)::text as total
    from orders o join workspaces w on w.id = o.workspace_id
    where o.workspace_id = ${ws} and o.deleted_at is null and o.status in ('paid', 'shipped', 'completed')
    group by 1 order by 1`.execute(db);
  return { stored, fresh };
}

describe('revenue rollup', () => {
  it('stays equal to the orders through creates, status changes, deletes, a hand-over and a time-zone change', async () => {
    const { ws, rep, admin } = await seed();
    const heir = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const check = async (step: string) => {
      const { stored, fresh } = await rollup(ws.workspaceId);
      expect({ step, stored }).toEqual({ step, stored: fresh });
    };
    await check('seeded');
    const { rows: orderRows } = await sql<{ id: string; status: string }>`select id::text, status from orders where workspace_id = ${ws.workspaceId} order by id`.execute(db);
    const pending = orderRows.find((o) => o.status === 'pending')!;
    const paid = orderRows.find((o) => o.status === 'paid')!;
    const shipped = orderRows.find((o) => o.status === 'shipped')!;
    expect((await admin.patch(`/api/v1/orders/${pending.id}`, { status: 'paid', version: 1 })).status).toBe(200);
    await check('pending → paid');
    expect((await admin.patch(`/api/v1/orders/${paid.id}`, { status: 'refunded', version: 1 })).status).toBe(200);
    await check('paid → refunded');
    expect((await admin.patch(`/api/v1/orders/${shipped.id}`, { channel: 'web', version: 1 })).status).toBe(200);
    await check('channel only');
    expect((await admin.delete(`/api/v1/orders/${shipped.id}`)).status).toBe(204);
    await check('deleted');
    const unowned = await admin.post('/api/v1/orders', { status: 'completed', ordered_at: daysAgo(3), currency: 'CNY', lines: [{ product_name: 'Tea', quantity: 2, unit_price_minor: 450 }] });
    await sql`update orders set owner_id = null where id = ${unowned.body.id}`.execute(db);
    await check('unowned');
    expect((await admin.post(`/api/v1/users/${rep.id}/handover`, { to_user_id: heir.id })).status).toBe(200);
    await check('handed over');
    const { rows: before } = await sql<{ n: number }>`select count(*)::int as n from revenue_monthly where workspace_id = ${ws.workspaceId} and owner_id = ${rep.id} and order_count <> 0`.execute(db);
    expect(before[0]!.n).toBe(0);
    expect((await admin.patch('/api/v1/workspace', { timezone: 'America/Los_Angeles' })).status).toBe(200);
    await check('new time zone');
    // a stale update is refused (409) and moves nothing
    const stale = await admin.patch(`/api/v1/orders/${pending.id}`, { status: 'cancelled', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    await check('after a refused update');
  });

  it('sums revenue by owner scope for a department manager; a shared order shows in the list but not in revenue', async () => {
    const ws = await newWorkspace(db);
    const dept = await newDepartment(db, ws.workspaceId, 'East', null);
    const manager = await newUser(db, ws.workspaceId, { roleKey: 'manager', departmentId: dept });
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales', departmentId: dept });
    const outsider = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const admin = client(app, await logInAs(app, ws.adminEmail));
    const repContact = await insertContact(ws.workspaceId, rep.id, 'R');
    const outsiderContact = await insertContact(ws.workspaceId, outsider.id, 'O');
    const order = (contactId: string, price: number) =>
      admin.post('/api/v1/orders', { contact_id: contactId, status: 'paid', ordered_at: daysAgo(1), currency: 'CNY', lines: [{ product_name: 'Tea', quantity: 1, unit_price_minor: price }] });
    await order(repContact, 1000);
    await order(repContact, 200);
    const shared = await order(outsiderContact, 30);
    await admin.post(`/api/v1/contacts/${outsiderContact}/collaborators`, { user_id: manager.id, access: 'read' });

    const api = client(app, await logInAs(app, manager.email));
    const view = await api.get('/api/v1/dashboard');
    expect(view.status).toBe(200);
    expect(view.body.revenue_by_month.at(-1).total_minor + view.body.revenue_by_month.at(-2).total_minor).toBe(1200);
    expect(view.body.counts.orders).toBe(3);
    const list = await api.get('/api/v1/orders');
    expect(list.body.data.map((o: { id: string }) => o.id)).toContain(shared.body.id);
    const adminView = await admin.get('/api/v1/dashboard');
    expect(adminView.body.revenue_by_month.reduce((s: number, m: { total_minor: number }) => s + m.total_minor, 0)).toBe(1230);
  });
});
