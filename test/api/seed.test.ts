import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { contactSearchColumns, seedCustomers, seedDemoData } from '../../src/modules/customers/index.ts';
import { newUser, newWorkspace, testApp, logInAs, client } from '../support/test-app.ts';

const { app, db, url } = await testApp();
const pool = new pg.Pool({ connectionString: url, max: 2 });
afterAll(() => pool.end());

async function indexNames(): Promise<string[]> {
  const { rows } = await sql<{ indexname: string }>`select indexname from pg_indexes where schemaname = current_schema() order by indexname`.execute(db);
  return rows.map((r) => r.indexname);
}

async function owners(workspaceId: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await newUser(db, workspaceId, { roleKey: 'sales' })).id);
  return ids;
}

describe('seedCustomers', () => {
  it('loads contacts, companies, orders with lines, follow-ups and aggregates, consistently', async () => {
    const ws = await newWorkspace(db);
    const ownerIds = await owners(ws.workspaceId, 5);
    const phases = new Set<string>();
    const indexesBefore = await indexNames();
    // the bulk path: COPY FROM STDIN, secondary indexes dropped and rebuilt
    const result = await seedCustomers(db, { workspaceId: ws.workspaceId, contacts: 3000, ordersPerContact: 3, ownerIds, seed: 7, pool, rebuildIndexes: true, onProgress: (p) => phases.add(p.phase) });
    expect(phases).toEqual(new Set(['products', 'companies', 'contacts', 'orders', 'engagement', 'aggregates', 'indexes', 'analyze']));
    expect(await indexNames()).toEqual(indexesBefore);

    const counts = (await sql<Record<string, string>>`
      select (select count(*) from contacts where workspace_id = ${ws.workspaceId})::text as contacts,
             (select count(*) from companies where workspace_id = ${ws.workspaceId})::text as companies,
             (select count(*) from orders where workspace_id = ${ws.workspaceId})::text as orders,
             (select count(*) from order_lines where workspace_id = ${ws.workspaceId})::text as lines,
             (select count(*) from activities where workspace_id = ${ws.workspaceId})::text as activities,
             (select count(*) from notes where workspace_id = ${ws.workspaceId})::text as notes,
             (select count(*) from tasks where workspace_id = ${ws.workspaceId})::text as tasks,
             (select count(*) from contact_aggregates where workspace_id = ${ws.workspaceId})::text as aggregates,
             (select count(*) from contacts where workspace_id = ${ws.workspaceId} and owner_id is not null and owner_id <> all(${ownerIds}::bigint[]))::text as foreign_owners`.execute(db)).rows[0]!;
    expect(Number(counts.contacts)).toBe(3000);
    expect(result.contacts).toBe(3000);
    expect(Number(counts.companies)).toBe(120);
    expect(Number(counts.orders)).toBe(result.orders);
    expect(result.orders).toBeGreaterThan(3000 * 3 * 0.85);
    expect(result.orders).toBeLessThan(3000 * 3 * 1.15);
    expect(Number(counts.lines)).toBe(result.orderLines);
    expect(Number(counts.activities)).toBeGreaterThan(500);
    expect(Number(counts.notes)).toBeGreaterThan(200);
    expect(Number(counts.tasks)).toBeGreaterThan(100);
    expect(Number(counts.aggregates)).toBe(3000);
    expect(Number(counts.foreign_owners)).toBe(0);

    // the set-based steps may skip per-row foreign key checks: the references must hold by construction
    const dangling = await sql<{ n: string }>`
      select ((select count(*) from orders o where o.workspace_id = ${ws.workspaceId}
                 and not exists (select 1 from contacts c where c.workspace_id = o.workspace_id and c.id = o.contact_id))
            + (select count(*) from order_lines l where l.workspace_id = ${ws.workspaceId}
                 and (not exists (select 1 from orders o where o.workspace_id = l.workspace_id and o.id = l.order_id)
                      or not exists (select 1 from products p where p.workspace_id = l.workspace_id and p.id = l.product_id)))
            + (select count(*) from activities a where a.workspace_id = ${ws.workspaceId}
                 and not exists (select 1 from contacts c where c.workspace_id = a.workspace_id and c.id = a.contact_id))
            + (select count(*) from tasks t where t.workspace_id = ${ws.workspaceId} and t.assignee_id is not null
                 and not exists (select 1 from users u where u.workspace_id = t.workspace_id and u.id = t.assignee_id)))::text as n`.execute(db);
    expect(dangling.rows[0]!.n).toBe('0');

    // an order's total is the sum of its lines
    const mismatched = await sql<{ n: string }>`
      select count(*)::text as n from orders o
      where o.workspace_id = ${ws.workspaceId}
        and o.total_minor <> (select sum(l.amount_minor) from order_lines l where l.workspace_id = o.workspace_id and l.order_id = o.id)`.execute(db);
    expect(mismatched.rows[0]!.n).toBe('0');

    // search columns are exactly what a writer computes with contactSearchColumns()
    const { rows: sample } = await sql<{ id: string; display_name: string; first_name: string; last_name: string; emails: { value: string }[]; phones: { value: string }[] }>`
      select id::text, display_name, first_name, last_name, emails, phones
      from contacts where workspace_id = ${ws.workspaceId} order by hashint8(id) limit 300`.execute(db);
    expect(sample.length).toBe(300);
    const expected = sample.map((c) => ({
      id: c.id,
      ...contactSearchColumns({ displayName: c.display_name, firstName: c.first_name, lastName: c.last_name, emails: c.emails.map((e) => e.value), phones: c.phones.map((p) => p.value) }),
    }));
    const { rows: wrong } = await sql<{ id: string }>`
      select c.id::text from contacts c
      join jsonb_to_recordset(${JSON.stringify(expected)}::jsonb) as e(id bigint, search_tokens text[], search_text text, phone_rev text) on e.id = c.id
      where c.workspace_id = ${ws.workspaceId}
        and (c.search_tokens <> array_to_tsvector(e.search_tokens) or c.search_text is distinct from e.search_text
             or c.phone_rev is distinct from e.phone_rev)`.execute(db);
    expect(wrong).toEqual([]);
    expect(sample.some((c) => c.phones.length > 1)).toBe(true);

    // aggregates equal a plain recomputation from orders and activities
    const { rows: diff } = await sql<{ n: string }>`
      select count(*)::text as n from contacts c
      join contact_aggregates a on a.workspace_id = c.workspace_id and a.contact_id = c.id
      left join lateral (select count(*) as n, coalesce(sum(total_minor), 0) as spend, min(ordered_at) as first_at, max(ordered_at) as last_at
                         from orders o where o.workspace_id = c.workspace_id and o.contact_id = c.id
                           and o.deleted_at is null and o.status not in ('cancelled', 'refunded')) o on true
      left join lateral (select max(occurred_at) as last_at from activities x where x.workspace_id = c.workspace_id and x.contact_id = c.id) x on true
      where c.workspace_id = ${ws.workspaceId}
        and (a.order_count <> o.n or a.total_spend_minor <> o.spend or a.first_order_at is distinct from o.first_at
             or a.last_order_at is distinct from o.last_at or a.last_activity_at is distinct from x.last_at)`.execute(db);
    expect(diff[0]!.n).toBe('0');
  });

  it('gives the same names for the same seed, through COPY or INSERT, and other names for another seed', async () => {
    const names = async (seed: number, viaCopy: boolean) => {
      const ws = await newWorkspace(db);
      const ownerIds = await owners(ws.workspaceId, 2);
      await seedCustomers(db, { workspaceId: ws.workspaceId, contacts: 200, ordersPerContact: 1, ownerIds, seed, ...(viaCopy ? { pool } : {}) });
      const { rows } = await sql<{ first_name: string; display_name: string }>`
        select first_name, display_name from contacts where workspace_id = ${ws.workspaceId} order by id`.execute(db);
      return rows;
    };
    const first = await names(11, false);
    expect(first.length).toBe(200);
    expect(await names(11, true)).toEqual(first);
    expect(await names(12, false)).not.toEqual(first);
    const chinese = first.filter((r) => /[\u4e00-\u9fff]/u.test(r.display_name)).length;
    expect(chinese).toBeGreaterThan(100);
    expect(chinese).toBeLessThan(190);
  });

  it('makes seeded contacts findable through search', async () => {
    const ws = await newWorkspace(db);
    await seedCustomers(db, { workspaceId: ws.workspaceId, contacts: 500, ordersPerContact: 1, ownerIds: [ws.adminId], seed: 3 });
    const { rows } = await sql<{ id: string; display_name: string; phone: string }>`
      select id::text, display_name, phone from contacts where workspace_id = ${ws.workspaceId} and phone is not null order by id limit 1`.execute(db);
    const target = rows[0]!;
    const api = client(app, await logInAs(app, ws.adminEmail));
    const byName = await api.get(`/api/v1/search?q=${encodeURIComponent(target.display_name)}&limit=50`);
    expect(byName.body.data.map((h: { id: string }) => h.id)).toContain(target.id);
    const byPhone = await api.get(`/api/v1/search?q=${target.phone.slice(-8)}`);
    expect(byPhone.body.data.map((h: { id: string }) => h.id)).toContain(target.id);
  });
});

describe('seedDemoData', () => {
  it('builds a demo workspace once: departments, users, custom fields, customers, tasks for the admin', async () => {
    const ws = await newWorkspace(db, 'Demo');
    const result = await seedDemoData(db, { workspaceId: ws.workspaceId, adminId: ws.adminId, size: 'small', password: 'Demo-Password-1' });
    expect(result.created).toBe(true);
    const counts = (await sql<Record<string, string>>`
      select (select count(*) from departments where workspace_id = ${ws.workspaceId})::text as departments,
             (select count(*) from users where workspace_id = ${ws.workspaceId})::text as users,
             (select count(*) from contacts where workspace_id = ${ws.workspaceId})::text as contacts,
             (select count(*) from companies where workspace_id = ${ws.workspaceId})::text as companies,
             (select count(*) from orders where workspace_id = ${ws.workspaceId})::text as orders,
             (select count(*) from field_definitions where workspace_id = ${ws.workspaceId})::text as fields,
             (select count(*) from tasks where workspace_id = ${ws.workspaceId} and assignee_id = ${ws.adminId} and not done and due_at < now())::text as overdue,
             (select count(*) from tasks where workspace_id = ${ws.workspaceId} and assignee_id = ${ws.adminId} and not done
                and due_at::date = (now() at time zone 'Asia/Shanghai')::date)::text as today`.execute(db)).rows[0]!;
    expect(Number(counts.departments)).toBe(6);
    expect(Number(counts.users)).toBeGreaterThanOrEqual(8);
    expect(Number(counts.contacts)).toBeGreaterThanOrEqual(200);
    expect(Number(counts.companies)).toBe(40);
    expect(Number(counts.orders)).toBeGreaterThan(400);
    expect(Number(counts.orders)).toBeLessThan(900);
    expect(Number(counts.fields)).toBeGreaterThanOrEqual(2);
    expect(Number(counts.overdue)).toBeGreaterThan(0);
    expect(Number(counts.today)).toBeGreaterThan(0);

    const { rows: users } = await sql<{ email: string; manager_id: string | null }>`
      select email, manager_id::text from users where workspace_id = ${ws.workspaceId} and id <> ${ws.adminId} order by id`.execute(db);
    expect(users.some((u) => u.manager_id !== null)).toBe(true);
    await logInAs(app, users[0]!.email, 'Demo-Password-1');

    const again = await seedDemoData(db, { workspaceId: ws.workspaceId, adminId: ws.adminId, size: 'small', password: 'Demo-Password-1' });
    expect(again.created).toBe(false);
    const after = await sql<{ n: string }>`select count(*)::text as n from contacts where workspace_id = ${ws.workspaceId}`.execute(db);
    expect(after.rows[0]!.n).toBe(counts.contacts);
  });
});
