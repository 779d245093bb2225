import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { client, logInAs, newUser, newWorkspace, testApp, type Client, type Session } from '../support/test-app.ts';

// A contact's display_name is made of first_name and last_name: a role that hides or masks a part must
// not read it through the name, on any read path (ADR 3).
const { app, db } = await testApp();

const EVERYTHING = { actions: ['view', 'create', 'edit', 'delete', 'export'], scope: 'all' };
const OBJECTS = { contacts: EVERYTHING, companies: EVERYTHING, notes: EVERYTHING, orders: EVERYTHING };

type Hit = { type: string; id: string; title: string | null; subtitle: string; matched: string };

async function withRole(admin: Client, workspaceId: string, key: string, rules: { fields?: object; masks?: object }) {
  const role = await admin.post('/api/v1/roles', { key, name: key, permissions: { objects: OBJECTS, ...rules } });
  expect(role.status, JSON.stringify(role.body)).toBe(201);
  const user = await newUser(db, workspaceId, { roleKey: key, name: `User ${key}` });
  const session = await logInAs(app, user.email);
  return { id: user.id, session, api: client(app, session) };
}

async function contact(api: Client, body: Record<string, unknown>): Promise<string> {
  const res = await api.post('/api/v1/contacts', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function csv(session: Session, url: string): Promise<{ status: number; text: string; rows: Record<string, string>[] }> {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  const text = res.rawPayload.toString('utf8').replace(/^\uFEFF/u, '');
  // the names in these files hold no comma, quote or line break, so a plain split reads them
  const [header, ...lines] = text.split('\r\n').filter((l) => l !== '').map((l) => l.split(','));
  return { status: res.statusCode, text, rows: lines.map((l) => Object.fromEntries((header ?? []).map((h, i) => [h, l[i] ?? '']))) };
}

async function search(api: Client, q: string): Promise<Hit[]> {
  const res = await api.get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=20`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as Hit[];
}

/** One workspace: two customers whose surnames occur nowhere else, and users of four roles. */
async function setUp() {
  const ws = await newWorkspace(db);
  const adminSession = await logInAs(app, ws.adminEmail);
  const admin = client(app, adminSession);
  const company = await admin.post('/api/v1/companies', { name: 'Quillmoor Widgets' });
  expect(company.status, JSON.stringify(company.body)).toBe(201);
  const grace = await contact(admin, { first_name: 'Grace', last_name: 'Hopperfield', email: 'grace.h@example.com', phone: '+8613812348000', company_id: company.body.id });
  const na = await contact(admin, { first_name: '娜', last_name: '欧阳', city: '杭州' });
  return {
    ws, admin, adminSession, grace, na, companyId: company.body.id as string,
    noSurname: await withRole(admin, ws.workspaceId, 'no_surname', { fields: { contacts: { last_name: 'hidden' } } }),
    maskedGiven: await withRole(admin, ws.workspaceId, 'masked_given', { masks: { contacts: { first_name: 'everywhere' } } }),
    nameless: await withRole(admin, ws.workspaceId, 'nameless', { fields: { contacts: { first_name: 'hidden', last_name: 'hidden' } } }),
    noCompanyName: await withRole(admin, ws.workspaceId, 'no_company_name', { fields: { companies: { name: 'hidden' } } }),
  };
}

const SURNAMES = /Hopperfield|欧阳/u;

describe('display_name follows the permissions of first_name and last_name', () => {
  it("does not find a contact in a list's q box, or its export, by a part the role may not read", async () => {
    const { ws, admin, grace, na, noSurname, maskedGiven } = await setUp();
    const ids = async (api: Client, q: string) => {
      const res = await api.get(`/api/v1/contacts?limit=50&q=${encodeURIComponent(q)}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.data.map((c: { id: string }) => c.id);
    };
    // the admin finds both by the surname, the given name, pinyin and the phone's last digits
    expect(await ids(admin, 'Hopperfield')).toEqual([grace]);
    expect(await ids(admin, '欧阳娜')).toEqual([na]);
    expect(await ids(admin, 'ouyang')).toEqual([na]);
    expect(await ids(admin, '8000')).toEqual([grace]);
    // last_name hidden: the surname finds nothing, the given name and the visible phone still do
    expect(await ids(noSurname.api, 'Hopperfield')).toEqual([]);
    expect(await ids(noSurname.api, '欧阳')).toEqual([]);
    expect(await ids(noSurname.api, 'Grace Hopperfield')).toEqual([]);
    expect(await ids(noSurname.api, 'Grace')).toEqual([grace]);
    expect(await ids(noSurname.api, '8000')).toEqual([grace]);
    expect(await ids(noSurname.api, 'grace.h@example')).toEqual([grace]);
    const exported = await csv(noSurname.session, '/api/v1/contacts/export?format=csv&q=Hopperfield');
    expect(exported.status).toBe(200);
    expect(exported.rows).toEqual([]);
    // first_name masked: the given name is not matched through the mask (Grace's readable email would
    // still match "grace", so the Chinese name tells); the surname is readable
    expect(await ids(maskedGiven.api, '欧阳娜')).toEqual([]);
    expect(await ids(maskedGiven.api, '欧阳')).toEqual([na]);
    expect(await ids(maskedGiven.api, 'Hopperfield')).toEqual([grace]);
    // a masked phone is not matched by its digits
    const maskedPhone = await withRole(admin, ws.workspaceId, 'masked_phone', { masks: { contacts: { phone: 'everywhere' } } });
    expect(await ids(maskedPhone.api, '8000')).toEqual([]);
    expect(await ids(maskedPhone.api, 'Hopperfield')).toEqual([grace]);
  });

  it('shows only the first name in a contact, the list and the trash when last_name is hidden; an admin sees it whole', async () => {
    const { admin, grace, na, noSurname } = await setUp();
    const one = await noSurname.api.get(`/api/v1/contacts/${grace}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ first_name: 'Grace', last_name: null, display_name: 'Grace' });
    expect((await noSurname.api.get(`/api/v1/contacts/${na}`)).body).toMatchObject({ first_name: '娜', last_name: null, display_name: '娜' });
    const list = await noSurname.api.get('/api/v1/contacts?limit=50');
    expect(list.status).toBe(200);
    expect(list.body.data.map((c: { display_name: string }) => c.display_name).sort()).toEqual(['Grace', '娜']);
    expect(JSON.stringify([one.body, list.body])).not.toMatch(SURNAMES);

    expect((await admin.get(`/api/v1/contacts/${grace}`)).body.display_name).toBe('Grace Hopperfield');
    expect((await admin.get(`/api/v1/contacts/${na}`)).body.display_name).toBe('欧阳娜');

    expect((await admin.delete(`/api/v1/contacts/${na}`)).status).toBe(204);
    const trash = await noSurname.api.get('/api/v1/trash?object=contacts');
    expect(trash.body.data.map((t: { title: string }) => t.title)).toEqual(['娜']);
    expect((await admin.get('/api/v1/trash?object=contacts')).body.data.map((t: { title: string }) => t.title)).toEqual(['欧阳娜']);
  });

  it('refuses to filter or sort on display_name when a part is hidden: the order or a match would reveal it', async () => {
    const { admin, noSurname } = await setUp();
    const sorted = await noSurname.api.get('/api/v1/contacts?sort=display_name');
    expect(sorted.status).toBe(403);
    expect(sorted.body.error).toMatchObject({ code: 'PERMISSION_DENIED', details: { field: 'display_name' } });
    const filter = encodeURIComponent(JSON.stringify({ field: 'display_name', op: 'contains', value: 'Hopper' }));
    const filtered = await noSurname.api.get(`/api/v1/contacts?filter=${filter}`);
    expect(filtered.status).toBe(403);
    expect(filtered.body.error.code).toBe('PERMISSION_DENIED');
    expect((await admin.get('/api/v1/contacts?sort=display_name')).status).toBe(200);
  });

  it('refuses to sort a list or an export by a field the role sees masked', async () => {
    const { ws, admin, maskedGiven } = await setUp();
    // first_name masked: the name is masked too (made of it), so its order would tell what the mask hides
    const byName = await maskedGiven.api.get('/api/v1/contacts?sort=display_name');
    expect(byName.status).toBe(403);
    expect(byName.body.error).toMatchObject({ code: 'PERMISSION_DENIED', details: { field: 'display_name' } });
    const maskedCity = await withRole(admin, ws.workspaceId, 'masked_city', { masks: { contacts: { city: 'list' } } });
    expect((await maskedCity.api.get('/api/v1/contacts?sort=city')).status).toBe(403);
    expect((await maskedCity.api.get('/api/v1/contacts/export?format=csv&sort=city')).status).toBe(403);
    expect((await maskedCity.api.get('/api/v1/contacts?sort=display_name')).status).toBe(200);
    expect((await admin.get('/api/v1/contacts?sort=city')).status).toBe(200);
  });

  it('search finds the contact by its first name, never by the hidden last name, and titles it with the first name', async () => {
    const { admin, grace, na, noSurname } = await setUp();
    for (const q of ['Hopperfield', 'hopper', 'Grace Hopperfield', 'Hoperfield', '欧阳', '欧阳娜', 'ouyang', 'oy']) {
      const ids = (await search(noSurname.api, q)).map((h) => h.id);
      expect(ids, q).not.toContain(grace);
      expect(ids, q).not.toContain(na);
    }
    expect(await search(noSurname.api, 'Grace')).toContainEqual(expect.objectContaining({ id: grace, title: 'Grace', matched: 'name' }));
    expect(await search(noSurname.api, 'gra')).toContainEqual(expect.objectContaining({ id: grace, title: 'Grace' }));
    expect(await search(noSurname.api, '娜')).toContainEqual(expect.objectContaining({ id: na, title: '娜' }));
    // found through what it did not hide: the address and the phone's last digits
    expect((await search(noSurname.api, 'grace.h@example.com')).map((h) => [h.id, h.title])).toEqual([[grace, 'Grace']]);
    expect((await search(noSurname.api, '8000')).map((h) => [h.id, h.title])).toContainEqual([grace, 'Grace']);
    expect(JSON.stringify(await search(noSurname.api, 'Grace'))).not.toMatch(SURNAMES);

    expect(await search(admin, 'Hopperfield')).toContainEqual(expect.objectContaining({ id: grace, title: 'Grace Hopperfield' }));
    expect(await search(admin, '欧阳')).toContainEqual(expect.objectContaining({ id: na, title: '欧阳娜' }));
  });

  it('keeps the hidden last name out of the timeline, the history and notifications', async () => {
    const { admin, grace, noSurname } = await setUp();
    expect((await admin.patch(`/api/v1/contacts/${grace}`, { version: 1, last_name: 'Hopperfield-Lane', city: 'Boston' })).status).toBe(200);
    const mention = `@[User no_surname](user:${noSurname.id})`;
    expect((await admin.post('/api/v1/notes', { contact_id: grace, body: `${mention} please call` })).status).toBe(201);

    const timeline = await noSurname.api.get(`/api/v1/contacts/${grace}/timeline`);
    expect(timeline.status).toBe(200);
    const update = timeline.body.data.find((e: { kind: string; payload: { action?: string } }) => e.kind === 'audit' && e.payload.action === 'update');
    expect(Object.keys(update.payload.changes)).toEqual(['city']);
    expect(update.summary).toBe('update: city');
    expect(JSON.stringify(timeline.body)).not.toMatch(SURNAMES);
    const history = await noSurname.api.get(`/api/v1/contacts/${grace}/history`);
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).not.toMatch(SURNAMES);

    const notifications = await noSurname.api.get('/api/v1/notifications');
    const mentioned = notifications.body.data.find((n: { kind: string }) => n.kind === 'mention');
    expect(mentioned.payload).toMatchObject({ record_type: 'contact', record_name: 'Grace' });

    const full = await admin.get(`/api/v1/contacts/${grace}/timeline`);
    const adminUpdate = full.body.data.find((e: { kind: string; payload: { action?: string } }) => e.kind === 'audit' && e.payload.action === 'update');
    expect(adminUpdate.payload.changes.display_name).toEqual(['Grace Hopperfield', 'Grace Hopperfield-Lane']);
  });

  it('exports the name as the list shows it, with no last_name column, for contacts and for orders', async () => {
    const { admin, adminSession, grace, noSurname } = await setUp();
    const order = await admin.post('/api/v1/orders', { contact_id: grace, status: 'paid', ordered_at: '2026-01-05T10:00:00Z', currency: 'CNY', lines: [{ product_name: 'Tea', quantity: 1, unit_price_minor: 900 }] });
    expect(order.status, JSON.stringify(order.body)).toBe(201);

    const contacts = await csv(noSurname.session, '/api/v1/contacts/export?format=csv');
    expect(contacts.status).toBe(200);
    expect(contacts.text).not.toMatch(SURNAMES);
    expect(Object.keys(contacts.rows[0]!)).not.toContain('last_name');
    expect(contacts.rows.map((r) => r.display_name).sort()).toEqual(['Grace', '娜']);
    const orders = await csv(noSurname.session, '/api/v1/orders/export?format=csv');
    expect(orders.status).toBe(200);
    expect(orders.rows.map((r) => r.contact_name)).toEqual(['Grace']);
    expect(orders.text).not.toMatch(SURNAMES);

    const full = await csv(adminSession, '/api/v1/contacts/export?format=csv');
    expect(full.rows.map((r) => r.display_name).sort()).toEqual(['Grace Hopperfield', '欧阳娜']);
    expect(full.rows.map((r) => r.last_name).sort()).toEqual(['Hopperfield', '欧阳']);
  });

  it('shows duplicate pairs and merges by the first name, without the name reason', async () => {
    const { ws, admin, grace, noSurname } = await setUp();
    const twin = await contact(admin, { first_name: 'Grace', last_name: 'Hopperfield', city: 'Boston' });
    const reasons = [
      { field: 'name', kind: 'exact', similarity: 1, text: 'same name' },
      { field: 'city', kind: 'different', similarity: 0, text: 'different city' },
    ];
    const [a, b] = [grace, twin].sort((x, y) => Number(x) - Number(y));
    await sql`insert into duplicate_pairs (workspace_id, object_type, a_id, b_id, score, reasons)
      values (${ws.workspaceId}, 'contact', ${a}, ${b}, 0.95, ${JSON.stringify(reasons)}::jsonb)`.execute(db);
    const pairs = await noSurname.api.get('/api/v1/duplicates?object=contacts');
    expect(pairs.status, JSON.stringify(pairs.body)).toBe(200);
    expect(pairs.body.data).toHaveLength(1);
    expect([pairs.body.data[0].a.display_name, pairs.body.data[0].b.display_name]).toEqual(['Grace', 'Grace']);
    expect(pairs.body.data[0].reasons.map((r: { field: string }) => r.field)).toEqual(['city']);
    const pairId = pairs.body.data[0].id as string;
    const one = await noSurname.api.get(`/api/v1/duplicates/${pairId}`);
    expect(one.status).toBe(200);
    expect(JSON.stringify([pairs.body, one.body])).not.toMatch(SURNAMES);
    const adminPairs = await admin.get('/api/v1/duplicates?object=contacts');
    expect(adminPairs.body.data[0].a.display_name).toBe('Grace Hopperfield');
    expect(adminPairs.body.data[0].reasons).toHaveLength(2);

    const merged = await admin.post('/api/v1/merges', { object: 'contacts', survivor_id: grace, merged_id: twin });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.merge.merged_display_name).toBe('Grace Hopperfield');
    const merges = await noSurname.api.get('/api/v1/merges?object=contacts');
    expect(merges.status).toBe(200);
    expect(merges.body.data.map((m: { merged_display_name: string }) => m.merged_display_name)).toEqual(['Grace']);
  });

  it('masks a masked part inside the name, the way the mask function masks text', async () => {
    const { grace, na, maskedGiven } = await setUp();
    expect((await maskedGiven.api.get(`/api/v1/contacts/${grace}`)).body).toMatchObject({ first_name: 'G***e', last_name: 'Hopperfield', display_name: 'G***e Hopperfield' });
    expect((await maskedGiven.api.get(`/api/v1/contacts/${na}`)).body).toMatchObject({ first_name: '*', last_name: '欧阳', display_name: '欧阳*' });
    expect(await search(maskedGiven.api, 'Hopperfield')).toContainEqual(expect.objectContaining({ id: grace, title: 'G***e Hopperfield' }));
    const exported = await csv(maskedGiven.session, '/api/v1/contacts/export?format=csv');
    expect(exported.rows.map((r) => r.display_name).sort()).toEqual(['G***e Hopperfield', '欧阳*']);
    expect(exported.text).not.toMatch(/Grace|娜/u);
  });

  it('answers a null name when both parts are hidden; the contact is still found by its address', async () => {
    const { grace, na, nameless } = await setUp();
    expect((await nameless.api.get(`/api/v1/contacts/${grace}`)).body).toMatchObject({ first_name: null, last_name: null, display_name: null });
    const list = await nameless.api.get('/api/v1/contacts?limit=50');
    expect(list.body.data.map((c: { display_name: string | null }) => c.display_name)).toEqual([null, null]);
    expect((await search(nameless.api, 'Grace')).map((h) => h.id)).not.toContain(grace);
    expect((await search(nameless.api, '娜')).map((h) => h.id)).not.toContain(na);
    expect((await search(nameless.api, 'grace.h@example.com')).map((h) => [h.id, h.title])).toEqual([[grace, null]]);
    const exported = await csv(nameless.session, '/api/v1/contacts/export?format=csv');
    expect(Object.keys(exported.rows[0]!)).not.toContain('display_name');
    expect(exported.text).not.toMatch(/Grace|Hopperfield|娜|欧阳/u);
  });

  it('applies the same rule to a company name the role hides', async () => {
    const { grace, companyId, noCompanyName } = await setUp();
    expect((await noCompanyName.api.get(`/api/v1/companies/${companyId}`)).body.name).toBeNull();
    const one = await noCompanyName.api.get(`/api/v1/contacts/${grace}`);
    expect(one.body).toMatchObject({ company_id: companyId, company_name: null, display_name: 'Grace Hopperfield' });
    const hits = await search(noCompanyName.api, 'Quillmoor');
    expect(hits.map((h) => h.id)).not.toContain(companyId);
    const byAddress = await search(noCompanyName.api, 'grace.h@example.com');
    expect(byAddress.map((h) => h.subtitle).join(' ')).not.toMatch(/Quillmoor/u);
    const exported = await csv(noCompanyName.session, '/api/v1/contacts/export?format=csv');
    expect(exported.text).not.toMatch(/Quillmoor/u);
  });
});
