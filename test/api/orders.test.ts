import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { client, logInAs, newDepartment, newUser, newWorkspace, testApp, type Client } from '../support/test-app.ts';

const { app, db } = await testApp();

async function insertContact(ws: string, ownerId: string, name = 'Li Na'): Promise<string> {
  const { rows } = await sql<{ id: string }>`insert into contacts (workspace_id, display_name, owner_id) values (${ws}, ${name}, ${ownerId}) returning id::text`.execute(db);
  return rows[0]!.id;
}

type Aggregates = { order_count: number; total_spend_minor: string; first_order_at: string | null; last_order_at: string | null };
async function aggregates(ws: string, contactId: string): Promise<Aggregates | undefined> {
  const { rows } = await sql<Aggregates>`select order_count, total_spend_minor::text, to_json(first_order_at)#>>'{}' as first_order_at,
    to_json(last_order_at)#>>'{}' as last_order_at from contact_aggregates where workspace_id = ${ws} and contact_id = ${contactId}`.execute(db);
  return rows[0];
}

async function written(ws: string): Promise<{ orders: number; lines: number; aggregates: number }> {
  const { rows } = await sql<{ orders: number; lines: number; aggregates: number }>`select
    (select count(*)::int from orders where workspace_id = ${ws}) as orders,
    (select count(*)::int from order_lines where workspace_id = ${ws}) as lines,
    (select count(*)::int from contact_aggregates where workspace_id = ${ws}) as aggregates`.execute(db);
  return rows[0]!;
}

async function newProduct(api: Client, sku: string, price = 1999): Promise<string> {
  const res = await api.post('/api/v1/products', { sku, name: `Product ${sku}`, price_minor: price, currency: 'CNY' });
  expect(res.status).toBe(201);
  return res.body.id;
}

const line = (over: Record<string, unknown> = {}) => ({ product_name: 'Tea', quantity: 1, unit_price_minor: 100, ...over });

describe('products', () => {
  it('creates, lists, updates with a version and deletes an unused product', async () => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const created = await api.post('/api/v1/products', { sku: 'TEA-001', name: '龙井 Longjing', price_minor: 12800, currency: 'CNY' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ sku: 'TEA-001', name: '龙井 Longjing', price_minor: 12800, currency: 'CNY', active: true, version: 1 });
    await api.post('/api/v1/products', { sku: 'CUP-001', name: 'Cup', price_minor: 500, currency: 'CNY' });
    expect((await api.get('/api/v1/products?q=tea')).body.data.map((p: { sku: string }) => p.sku)).toEqual(['TEA-001']);
    expect((await api.get('/api/v1/products')).body.total).toBe(2);

    const updated = await api.patch(`/api/v1/products/${created.body.id}`, { version: 1, price_minor: 13800, active: false });
    expect(updated.body).toMatchObject({ price_minor: 13800, active: false, version: 2 });
    const stale = await api.patch(`/api/v1/products/${created.body.id}`, { version: 1, price_minor: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect((await api.get(`/api/v1/products/${created.body.id}`)).body.price_minor).toBe(13800);
    expect((await api.get('/api/v1/products?active=true')).body.data.map((p: { sku: string }) => p.sku)).toEqual(['CUP-001']);

    expect((await api.delete(`/api/v1/products/${created.body.id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/products/${created.body.id}`)).status).toBe(404);
  });

  it('refuses a duplicate SKU, a negative price, a bad currency, and deleting a sold product', async () => {
    const ws = await newWorkspace(db);
    const other = await newWorkspace(db, 'Other Co');
    const api = client(app, await logInAs(app, ws.adminEmail));
    const productId = await newProduct(api, 'SKU-1');
    const dup = await api.post('/api/v1/products', { sku: 'SKU-1', name: 'again', price_minor: 1, currency: 'CNY' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('UNIQUE_VIOLATION');
    // the same SKU in another workspace is fine
    expect((await client(app, await logInAs(app, other.adminEmail)).post('/api/v1/products', { sku: 'SKU-1', name: 'x', price_minor: 1, currency: 'CNY' })).status).toBe(201);
    for (const body of [
      { sku: 'N', name: 'neg', price_minor: -1, currency: 'CNY' },
      { sku: 'C1', name: 'cur', price_minor: 1, currency: 'ABC' },
      { sku: 'C2', name: 'cur', price_minor: 1, currency: 'cny' },
      { sku: 'F', name: 'float', price_minor: 1.5, currency: 'CNY' },
    ]) {
      const res = await api.post('/api/v1/products', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from products where workspace_id = ${ws.workspaceId}`.execute(db);
    expect(rows[0]!.n).toBe(1);

    await api.post('/api/v1/orders', { status: 'paid', ordered_at: '2026-01-05T10:00:00Z', currency: 'CNY', lines: [{ product_id: productId, quantity: 1, unit_price_minor: 100 }] });
    const inUse = await api.delete(`/api/v1/products/${productId}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe('RECORD_IN_USE');
  });
});

describe('orders', () => {
  it('computes line amounts (half up) and the total, generates a number, and reads back with lines', async () => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const contactId = await insertContact(ws.workspaceId, ws.adminId);
    const productId = await newProduct(api, 'TEA', 1999);
    const res = await api.post('/api/v1/orders', {
      contact_id: contactId, status: 'paid', channel: 'tmall', ordered_at: '2026-03-01T20:30:00Z', currency: 'CNY',
      lines: [
        { product_id: productId, quantity: 2, unit_price_minor: 1999 },
        { product_name: 'Gift wrap', quantity: 0.5, unit_price_minor: 5 },
        { product_name: 'Loose tea (kg)', quantity: 1.333, unit_price_minor: 100 },
      ],
    });
    expect(res.status).toBe(201);
    // 2×1999 = 3998; 0.5×5 = 2.5 → 3; 1.333×100 = 133.3 → 133
    expect(res.body.total_minor).toBe(3998 + 3 + 133);
    expect(res.body.lines.map((l: { amount_minor: number }) => l.amount_minor)).toEqual([3998, 3, 133]);
    expect(res.body.lines[0]).toMatchObject({ product_id: productId, product_name: 'Product TEA', quantity: 2 });
    expect(res.body.lines[2].quantity).toBe(1.333);
    // 20:30 UTC is already 2 March in Asia/Shanghai, the workspace's time zone
    expect(res.body.number).toBe(`SO-20260302-${res.body.id}`);
    expect(res.body.owner_id).toBe(ws.adminId);

    const one = await api.get(`/api/v1/orders/${res.body.id}`);
    expect(one.body).toEqual(res.body);
    const list = await api.get(`/api/v1/orders?contact_id=${contactId}`);
    expect(list.body.data.map((o: { id: string }) => o.id)).toEqual([res.body.id]);
    expect(list.body.data[0].lines).toHaveLength(3);

    const dup = await api.post('/api/v1/orders', { number: res.body.number, status: 'pending', ordered_at: '2026-03-02T00:00:00Z', currency: 'CNY', lines: [line()] });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('UNIQUE_VIOLATION');
  });

  it('keeps contact_aggregates right through create, cancel and delete', async () => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const contactId = await insertContact(ws.workspaceId, ws.adminId);
    const order = (at: string, price: number, status = 'paid', currency = 'CNY') =>
      api.post('/api/v1/orders', { contact_id: contactId, status, ordered_at: at, currency, lines: [line({ unit_price_minor: price })] });

    const first = await order('2026-01-10T08:00:00Z', 1000);
    const second = await order('2026-02-10T08:00:00Z', 2500, 'pending');
    await order('2026-03-10T08:00:00Z', 9999, 'refunded');
    await order('2026-04-10T08:00:00Z', 7000, 'paid', 'USD');
    let agg = await aggregates(ws.workspaceId, contactId);
    expect(agg).toMatchObject({ order_count: 3, total_spend_minor: '10500' });
    expect(Date.parse(agg!.first_order_at!)).toBe(Date.parse('2026-01-10T08:00:00Z'));
    expect(Date.parse(agg!.last_order_at!)).toBe(Date.parse('2026-04-10T08:00:00Z'));

    const cancelled = await api.patch(`/api/v1/orders/${second.body.id}`, { status: 'cancelled', version: 1 });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    agg = await aggregates(ws.workspaceId, contactId);
    expect(agg).toMatchObject({ order_count: 2, total_spend_minor: '8000' });

    const stale = await api.patch(`/api/v1/orders/${second.body.id}`, { status: 'paid', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect((await aggregates(ws.workspaceId, contactId))).toMatchObject({ order_count: 2, total_spend_minor: '8000' });

    expect((await api.delete(`/api/v1/orders/${first.body.id}`)).status).toBe(204);
    agg = await aggregates(ws.workspaceId, contactId);
    expect(agg).toMatchObject({ order_count: 1, total_spend_minor: '7000' });
    expect(Date.parse(agg!.first_order_at!)).toBe(Date.parse('2026-04-10T08:00:00Z'));
    expect((await api.get(`/api/v1/orders/${first.body.id}`)).status).toBe(404);

    // the aggregates equal a recomputation from scratch
    const { rows } = await sql<{ n: number; spend: string }>`select count(*)::int as n, coalesce(sum(total_minor), 0)::text as spend
      from orders where workspace_id = ${ws.workspaceId} and contact_id = ${contactId} and deleted_at is null and status not in ('cancelled', 'refunded')`.execute(db);
    expect(agg).toMatchObject({ order_count: rows[0]!.n, total_spend_minor: rows[0]!.spend });
  });

  it('answers 404 for a contact of another workspace or out of scope, writing nothing', async () => {
    const ws = await newWorkspace(db);
    const other = await newWorkspace(db, 'Other Co');
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const foreign = await insertContact(other.workspaceId, other.adminId);
    const notMine = await insertContact(ws.workspaceId, ws.adminId);
    for (const [api, contactId] of [[client(app, await logInAs(app, ws.adminEmail)), foreign], [client(app, await logInAs(app, rep.email)), notMine]] as const) {
      const res = await api.post('/api/v1/orders', { contact_id: contactId, status: 'paid', ordered_at: '2026-01-01T00:00:00Z', currency: 'CNY', lines: [line()] });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect(await written(ws.workspaceId)).toEqual({ orders: 0, lines: 0, aggregates: 0 });
    expect(await written(other.workspaceId)).toEqual({ orders: 0, lines: 0, aggregates: 0 });
  });

  it('refuses bad lines and currencies with stable codes, writing nothing', async () => {
    const ws = await newWorkspace(db);
    const other = await newWorkspace(db, 'Other Co');
    const api = client(app, await logInAs(app, ws.adminEmail));
    const foreignProduct = await newProduct(client(app, await logInAs(app, other.adminEmail)), 'FOREIGN');
    const contactId = await insertContact(ws.workspaceId, ws.adminId);
    const base = { contact_id: contactId, status: 'paid', ordered_at: '2026-01-01T00:00:00Z', currency: 'CNY', lines: [line()] };
    const cases: [Record<string, unknown>, string][] = [
      [{ lines: [line({ quantity: -1 })] }, 'VALIDATION_FAILED'],
      [{ lines: [line({ quantity: 0 })] }, 'VALIDATION_FAILED'],
      [{ lines: [line({ quantity: 1.0001 })] }, 'VALIDATION_FAILED'],
      [{ lines: [line({ unit_price_minor: -100 })] }, 'VALIDATION_FAILED'],
      [{ lines: [line({ unit_price_minor: 2 ** 60 })] }, 'VALIDATION_FAILED'],
      [{ lines: [] }, 'VALIDATION_FAILED'],
      [{ lines: [{ quantity: 1, unit_price_minor: 1 }] }, 'FIELD_REQUIRED'],
      [{ lines: [line({ product_id: '987654321' })] }, 'REFERENCE_INVALID'],
      [{ lines: [line({ product_id: foreignProduct })] }, 'REFERENCE_INVALID'],
      [{ currency: 'ABC' }, 'VALIDATION_FAILED'],
      [{ currency: 'usd' }, 'VALIDATION_FAILED'],
      [{ status: 'lost' }, 'VALIDATION_FAILED'],
      [{ ordered_at: '2026-02-30T00:00:00Z' }, 'VALIDATION_FAILED'],
      [{ lines: [line({ quantity: 1000, unit_price_minor: Number.MAX_SAFE_INTEGER })] }, 'AMOUNT_OUT_OF_RANGE'],
      [{ lines: [line({ unit_price_minor: Number.MAX_SAFE_INTEGER }), line({ unit_price_minor: 1 })] }, 'AMOUNT_OUT_OF_RANGE'],
    ];
    for (const [over, code] of cases) {
      const res = await api.post('/api/v1/orders', { ...base, ...over });
      expect({ over, status: res.status, code: res.body.error?.code }).toEqual({ over, status: 400, code });
    }
    expect(await written(ws.workspaceId)).toEqual({ orders: 0, lines: 0, aggregates: 0 });
  });

  it('shows a rep the orders of their customers only', async () => {
    const ws = await newWorkspace(db);
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const admin = client(app, await logInAs(app, ws.adminEmail));
    const repContact = await insertContact(ws.workspaceId, rep.id);
    const adminContact = await insertContact(ws.workspaceId, ws.adminId);
    const mine = await admin.post('/api/v1/orders', { contact_id: repContact, status: 'paid', ordered_at: '2026-01-01T00:00:00Z', currency: 'CNY', lines: [line()] });
    expect(mine.body.owner_id).toBe(rep.id);
    const theirs = await admin.post('/api/v1/orders', { contact_id: adminContact, status: 'paid', ordered_at: '2026-01-02T00:00:00Z', currency: 'CNY', lines: [line()] });
    const api = client(app, await logInAs(app, rep.email));
    const list = await api.get('/api/v1/orders');
    expect(list.body.data.map((o: { id: string }) => o.id)).toEqual([mine.body.id]);
    expect((await api.get(`/api/v1/orders/${theirs.body.id}`)).status).toBe(404);
    const patch = await api.patch(`/api/v1/orders/${theirs.body.id}`, { status: 'cancelled', version: 1 });
    expect(patch.status).toBe(404);
    expect((await api.delete(`/api/v1/orders/${theirs.body.id}`)).status).toBe(404);
    expect((await admin.get(`/api/v1/orders/${theirs.body.id}`)).body).toMatchObject({ status: 'paid', version: 1 });
  });

  it('pages newest first without duplicates', async () => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const days = [3, 1, 3, 2, 5, 4, 3];
    for (const d of days) await api.post('/api/v1/orders', { status: 'paid', ordered_at: `2026-01-0${d}T00:00:00Z`, currency: 'CNY', lines: [line()] });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { data: { id: string; ordered_at: string }[]; next_cursor: string | null } } = await api.get(`/api/v1/orders?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.data.map((o) => `${Date.parse(o.ordered_at)}:${o.id.padStart(10, '0')}`));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('shows the orders owned within the scope or shared with the caller; the order owner decides, not its customer', async () => {
    const ws = await newWorkspace(db);
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const colleague = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const admin = client(app, await logInAs(app, ws.adminEmail));
    const repContact = await insertContact(ws.workspaceId, rep.id);
    const sharedContact = await insertContact(ws.workspaceId, colleague.id, 'Wang Fang');
    const place = (contactId: string, day: number) =>
      admin.post('/api/v1/orders', { contact_id: contactId, status: 'paid', ordered_at: `2026-01-0${day}T00:00:00Z`, currency: 'CNY', lines: [line()] });
    const old = await place(repContact, 1);
    // the contact moves to the rep's colleague: its past order stays with the rep, the next one is the colleague's
    await sql`update contacts set owner_id = ${colleague.id} where id = ${repContact}`.execute(db);
    const later = await place(repContact, 2);
    expect(later.body.owner_id).toBe(colleague.id);
    const shared = await place(sharedContact, 3);
    await admin.post(`/api/v1/contacts/${sharedContact}/collaborators`, { user_id: rep.id, access: 'read' });

    const api = client(app, await logInAs(app, rep.email));
    const list = await api.get('/api/v1/orders');
    expect(list.body.data.map((o: { id: string }) => o.id)).toEqual([shared.body.id, old.body.id]);
    expect(list.body.total).toBe(2);
    expect((await api.get(`/api/v1/orders?contact_id=${sharedContact}`)).body.data.map((o: { id: string }) => o.id)).toEqual([shared.body.id]);
    expect((await api.get(`/api/v1/orders/${shared.body.id}`)).status).toBe(200);
    const hidden = await api.get(`/api/v1/orders/${later.body.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('NOT_FOUND');
    const patch = await api.patch(`/api/v1/orders/${later.body.id}`, { status: 'cancelled', version: 1 });
    expect(patch.status).toBe(404);
    expect(patch.body.error.code).toBe('NOT_FOUND');
    expect((await admin.get(`/api/v1/orders/${later.body.id}`)).body).toMatchObject({ status: 'paid', version: 1 });
  });

  it('pages a department manager through the orders of every owner in scope and the shared ones, newest first, without duplicates', async () => {
    const ws = await newWorkspace(db);
    const dept = await newDepartment(db, ws.workspaceId, 'East', null);
    const manager = await newUser(db, ws.workspaceId, { roleKey: 'manager', departmentId: dept });
    const reps = [await newUser(db, ws.workspaceId, { departmentId: dept }), await newUser(db, ws.workspaceId, { departmentId: dept })];
    const outsider = await newUser(db, ws.workspaceId);
    const admin = client(app, await logInAs(app, ws.adminEmail));
    const contacts = [await insertContact(ws.workspaceId, reps[0]!.id), await insertContact(ws.workspaceId, reps[1]!.id), await insertContact(ws.workspaceId, manager.id)];
    const sharedContact = await insertContact(ws.workspaceId, outsider.id);
    const hiddenContact = await insertContact(ws.workspaceId, outsider.id);
    await admin.post(`/api/v1/contacts/${sharedContact}/collaborators`, { user_id: manager.id, access: 'read' });
    const expected: string[] = [];
    const days = [3, 1, 3, 2, 5, 4, 3, 6];
    for (const [i, day] of days.entries()) {
      const contactId = i === 7 ? sharedContact : contacts[i % 3]!;
      const made = await admin.post('/api/v1/orders', { contact_id: contactId, status: 'paid', ordered_at: `2026-01-0${day}T00:00:00Z`, currency: 'CNY', lines: [line()] });
      expected.push(made.body.id);
    }
    await admin.post('/api/v1/orders', { contact_id: hiddenContact, status: 'paid', ordered_at: '2026-01-04T00:00:00Z', currency: 'CNY', lines: [line()] });

    const api = client(app, await logInAs(app, manager.email));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { data: { id: string; ordered_at: string }[]; next_cursor: string | null; total: number } } =
        await api.get(`/api/v1/orders?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(8);
      seen.push(...res.body.data.map((o) => `${Date.parse(o.ordered_at)}:${o.id.padStart(10, '0')}`));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen.map((k) => String(Number(k.split(':')[1]))).sort()).toEqual([...expected].sort());
    expect([...seen].sort().reverse()).toEqual(seen);
    const bad = await api.get('/api/v1/orders?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('CURSOR_INVALID');
  });
});
