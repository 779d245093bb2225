import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { client, logInAs, newUser, newWorkspace, testAppWithJobs, type Client } from '../support/test-app.ts';

// Scans run as jobs, so this file starts its own server with workers.
const { app, db } = await testAppWithJobs('relata-dedupe-');

type Summary = { id: string; external_id: string | null; display_name: string | null; email: string | null; phone: string | null; city: string | null; updated_at: string };
type Pair = { id: string; object: string; score: number; status: string; reasons: { field: string; kind: string; similarity: number; text: string }[]; a: Summary; b: Summary; created_at: string };

async function adminOf(name = 'Dedupe Co') {
  const ws = await newWorkspace(db, name);
  return { ws, api: client(app, await logInAs(app, ws.adminEmail)) };
}

async function contact(api: Client, body: Record<string, unknown>): Promise<string> {
  const res = await api.post('/api/v1/contacts', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function scan(api: Client, object = 'contacts'): Promise<Record<string, unknown>> {
  const started = await api.post('/api/v1/duplicates/scans', { object });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  for (let i = 0; i < 300; i++) {
    const job = await api.get(`/api/v1/jobs/${started.body.job_id}`);
    if (job.body.status === 'succeeded') return job.body.result as Record<string, unknown>;
    if (['failed', 'cancelled'].includes(job.body.status)) throw new Error(`scan ${job.body.status}: ${JSON.stringify(job.body.error)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('scan never finished');
}

async function pairs(api: Client, query = 'object=contacts'): Promise<Pair[]> {
  const res = await api.get(`/api/v1/duplicates?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as Pair[];
}

const key = (a: string, b: string) => [a, b].sort((x, y) => Number(x) - Number(y)).join('-');
const keys = (list: Pair[]) => list.map((p) => key(p.a.id, p.b.id)).sort();

describe('duplicate scan', () => {
  it('finds an email duplicate, a typo with the same birthday and postcode and a Chinese-name variant, and leaves different people alone', async () => {
    const { api } = await adminOf();
    const ann1 = await contact(api, { first_name: 'Ann', last_name: 'Lee', email: 'ann.lee@example.com', city: 'Boston' });
    const ann2 = await contact(api, { first_name: 'Ann', last_name: 'Lee', email: 'ann.lee@example.com', phone: '+14155550100' });
    const kate1 = await contact(api, { first_name: 'Katherine', last_name: 'Johnson', birthday: '1980-04-12', postcode: '2040', city: 'Sydney' });
    const kate2 = await contact(api, { first_name: 'Katherine', last_name: 'Jonhson', birthday: '1980-04-12', postcode: '2040', city: 'Sydney' });
    const wei1 = await contact(api, { last_name: '张', first_name: '伟', birthday: '1990-03-08', city: '上海', region: '上海' });
    const wei2 = await contact(api, { last_name: '張', first_name: '偉', birthday: '1990-03-08', city: '上海', region: '上海' });
    // namesakes and strangers: same common name but nothing else, or nothing at all in common
    await contact(api, { last_name: '张', first_name: '伟', birthday: '1975-11-30', city: '北京', phone: '+8613800000001' });
    await contact(api, { first_name: 'Katherine', last_name: 'Jones', birthday: '1962-09-01', postcode: '3000', city: 'Melbourne' });
    await contact(api, { first_name: 'Maria', last_name: 'Garcia', email: 'maria@example.org', birthday: '1985-06-30' });

    const result = await scan(api);
    expect(result).toMatchObject({ object: 'contacts', pairs: 3, new_pairs: 3, removed_pairs: 0 });
    const found = await pairs(api);
    expect(keys(found)).toEqual([key(ann1, ann2), key(kate1, kate2), key(wei1, wei2)].sort());
    for (let i = 1; i < found.length; i++) expect(found[i - 1]!.score).toBeGreaterThanOrEqual(found[i]!.score);
    for (const p of found) expect(p.score).toBeGreaterThanOrEqual(0.9);

    const annPair = found.find((p) => key(p.a.id, p.b.id) === key(ann1, ann2))!;
    expect(Number(annPair.a.id)).toBeLessThan(Number(annPair.b.id));
    expect(annPair.reasons[0]).toEqual({ field: 'email', kind: 'exact', similarity: 1, text: 'same email' });
    expect(annPair.a).toMatchObject({ display_name: 'Ann Lee', email: 'ann.lee@example.com' });
    const katePair = found.find((p) => key(p.a.id, p.b.id) === key(kate1, kate2))!;
    expect(katePair.reasons.map((r) => r.text)).toEqual(expect.arrayContaining(['same birthday', 'same postcode']));
    expect(katePair.reasons.find((r) => r.field === 'name')?.text).toMatch(/^similar name \(0\.\d\d\)$/);

    const detail = await api.get(`/api/v1/duplicates/${annPair.id}`);
    expect(detail.status).toBe(200);
    const fields = detail.body.fields as { key: string; a: string | null; b: string | null; suggested: string }[];
    expect(fields.find((f) => f.key === 'emails')).toMatchObject({ a: 'ann.lee@example.com', b: 'ann.lee@example.com' });
    expect(fields.find((f) => f.key === 'city')).toMatchObject({ a: 'Boston', b: null, suggested: 'a' });
    expect(fields.find((f) => f.key === 'phones')).toMatchObject({ a: null, b: '+14155550100', suggested: 'b' });

    expect((await pairs(api, 'object=contacts&min_score=0.99999')).every((p) => p.score >= 0.99999)).toBe(true);
  });

  it('pages highest score first with a keyset cursor', async () => {
    const { api } = await adminOf();
    for (let i = 0; i < 5; i++) {
      const email = `twin${i}@example.com`;
      await contact(api, { first_name: 'Twin', last_name: `Number${i}`, email });
      await contact(api, { first_name: 'Twin', last_name: `Number${i}`, email, ...(i % 2 ? { birthday: '2000-01-0' + (i + 1) } : {}) });
    }
    await scan(api);
    const seen: Pair[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { data: Pair[]; next_cursor: string | null } } = await api.get(`/api/v1/duplicates?object=contacts&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.data);
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((p) => p.id)).size).toBe(5);
    for (let i = 1; i < seen.length; i++) expect(seen[i - 1]!.score).toBeGreaterThanOrEqual(seen[i]!.score);
    expect((await api.get('/api/v1/duplicates?object=contacts&cursor=nonsense')).body.error.code).toBe('CURSOR_INVALID');
  });

  it('never proposes a dismissed pair again, keeps open pairs on rescan and drops those no longer found', async () => {
    const { api } = await adminOf();
    const a = await contact(api, { first_name: 'Tom', last_name: 'Hardy', email: 'tom@example.com' });
    const b = await contact(api, { first_name: 'Tom', last_name: 'Hardy', email: 'tom@example.com' });
    const c = await contact(api, { first_name: 'Ada', last_name: 'Byron', phone: '+8613912345678' });
    const d = await contact(api, { first_name: 'Ada', last_name: 'Byron', phone: '+8613912345678' });
    await scan(api);
    const first = await pairs(api);
    expect(keys(first)).toEqual([key(a, b), key(c, d)].sort());
    const tom = first.find((p) => key(p.a.id, p.b.id) === key(a, b))!;
    const ada = first.find((p) => key(p.a.id, p.b.id) === key(c, d))!;

    const dismissed = await api.post(`/api/v1/duplicates/${tom.id}/dismiss`);
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ id: tom.id, status: 'dismissed' });
    expect((await api.post(`/api/v1/duplicates/${tom.id}/dismiss`)).body.status).toBe('dismissed');

    const again = await scan(api);
    expect(again).toMatchObject({ pairs: 1, new_pairs: 0 });
    const open = await pairs(api);
    expect(open.map((p) => p.id)).toEqual([ada.id]); // the same pair keeps its id
    expect((await pairs(api, 'object=contacts&status=dismissed')).map((p) => p.id)).toEqual([tom.id]);

    // Ada's second record changes: the pair is no longer found and leaves the open list
    const current = await api.get(`/api/v1/contacts/${d}`);
    expect((await api.patch(`/api/v1/contacts/${d}`, { version: current.body.version, first_name: 'Grace', last_name: 'Hopper', phones: [] })).status).toBe(200);
    expect(await scan(api)).toMatchObject({ pairs: 0, removed_pairs: 1 });
    expect(await pairs(api)).toEqual([]);
    const { rows } = await sql<{ status: string }>`select status from duplicate_pairs where id = ${tom.id}`.execute(db);
    expect(rows[0]?.status).toBe('dismissed');
  });

  it('takes identifier custom fields into account', async () => {
    const { api } = await adminOf();
    const field = await api.post('/api/v1/custom-fields', { object: 'contacts', key: 'id_card', label: 'ID card', type: 'text', is_identifier: true });
    expect(field.status, JSON.stringify(field.body)).toBe(201);
    const a = await contact(api, { first_name: 'Wei', last_name: 'Chen', city: 'Shanghai', attributes: { id_card: '310101199001011234' } });
    const b = await contact(api, { first_name: 'Wei', last_name: 'Chen', city: 'Hangzhou', attributes: { id_card: '310101199001011234' } });
    await contact(api, { first_name: 'Wei', last_name: 'Chen', city: 'Shanghai', attributes: { id_card: '440101198507301234' } });
    await scan(api);
    const found = await pairs(api);
    expect(keys(found)).toEqual([key(a, b)]);
    expect(found[0]!.reasons[0]).toMatchObject({ field: 'attributes.id_card', kind: 'exact', text: 'same ID card' });
  });

  it('scans companies by domain and name', async () => {
    const { api } = await adminOf();
    const a = await api.post('/api/v1/companies', { name: 'Acme Trading Co., Ltd.', domain: 'acme.com', city: 'Berlin' });
    const b = await api.post('/api/v1/companies', { name: 'ACME Trading GmbH', domain: 'www.acme.com', city: 'Berlin' });
    await api.post('/api/v1/companies', { name: 'Acme Inc', domain: 'acme.io', city: 'Boston' });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    await scan(api, 'companies');
    const found = await pairs(api, 'object=companies');
    expect(keys(found)).toEqual([key(a.body.id, b.body.id)]);
    expect(found[0]).toMatchObject({ object: 'companies', a: { display_name: 'Acme Trading Co., Ltd.' } });
    expect(await pairs(api)).toEqual([]);
  });
});

describe('who sees which pairs', () => {
  it('keeps each workspace to its own pairs', async () => {
    const first = await adminOf('First');
    const other = await adminOf('Other');
    await contact(first.api, { first_name: 'Iso', last_name: 'Lated', email: 'iso@example.com' });
    await contact(first.api, { first_name: 'Iso', last_name: 'Lated', email: 'iso@example.com' });
    await contact(other.api, { first_name: 'Iso', last_name: 'Lated', email: 'iso@example.com' });
    await scan(first.api);
    expect(await scan(other.api)).toMatchObject({ pairs: 0 });
    const [pair] = await pairs(first.api);
    expect(pair).toBeDefined();
    expect(await pairs(other.api)).toEqual([]);
    expect((await other.api.get(`/api/v1/duplicates/${pair!.id}`)).status).toBe(404);
    expect((await other.api.post(`/api/v1/duplicates/${pair!.id}/dismiss`)).status).toBe(404);
  });

  it('shows a sales rep only pairs of records they can both see, masked as in their lists', async () => {
    const { ws, api } = await adminOf();
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const repApi = client(app, await logInAs(app, rep.email));
    const mine1 = await contact(api, { first_name: 'Mia', last_name: 'Wong', email: 'mia.wong@example.com', owner_id: rep.id });
    const mine2 = await contact(api, { first_name: 'Mia', last_name: 'Wong', email: 'mia.wong@example.com', owner_id: rep.id });
    const theirs = await contact(api, { first_name: 'Mia', last_name: 'Wong', email: 'mia.wong@example.com' });
    await scan(repApi); // a rep may start a scan (edit on contacts); it covers the whole workspace
    expect(keys(await pairs(api))).toEqual([key(mine1, mine2), key(mine1, theirs), key(mine2, theirs)].sort());
    const visible = await pairs(repApi);
    expect(keys(visible)).toEqual([key(mine1, mine2)]);
    // the sales role masks email in lists
    expect(visible[0]!.a.email).toBe('m***@example.com');
    const hidden = (await pairs(api)).find((p) => key(p.a.id, p.b.id) === key(mine1, theirs))!;
    expect((await repApi.get(`/api/v1/duplicates/${hidden.id}`)).status).toBe(404);
    expect((await repApi.post(`/api/v1/duplicates/${hidden.id}/dismiss`)).status).toBe(404);

    // sharing the other record with the rep makes its pairs visible
    expect((await api.post(`/api/v1/contacts/${theirs}/collaborators`, { user_id: rep.id, access: 'read' })).status).toBe(201);
    expect(await pairs(repApi)).toHaveLength(3);
  });

  it('requires edit on the object to review and the settings permission to change the settings', async () => {
    const { ws, api } = await adminOf();
    const viewer = await newUser(db, ws.workspaceId, { roleKey: 'viewer' });
    const viewerApi = client(app, await logInAs(app, viewer.email));
    expect((await viewerApi.get('/api/v1/duplicates?object=contacts')).body.error.code).toBe('PERMISSION_DENIED');
    expect((await viewerApi.post('/api/v1/duplicates/scans', { object: 'contacts' })).status).toBe(403);
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const repApi = client(app, await logInAs(app, rep.email));
    expect((await repApi.get('/api/v1/duplicates/settings?object=contacts')).status).toBe(200);
    expect((await repApi.put('/api/v1/duplicates/settings', { object: 'contacts', threshold: 0.5, weights: {} })).status).toBe(403);
    expect((await api.get('/api/v1/duplicates?object=people')).body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('settings', () => {
  it('shows the defaults, stores a threshold and weights, refuses unknown fields, and the next scan follows them', async () => {
    const { api } = await adminOf();
    const defaults = await api.get('/api/v1/duplicates/settings?object=contacts');
    expect(defaults.status).toBe(200);
    expect(defaults.body).toMatchObject({ object: 'contacts', threshold: 0.9, defaults: { threshold: 0.9 } });
    expect(defaults.body.weights).toMatchObject({ name: 8, email: 12, phone: 11, birthday: 8 });

    expect((await api.put('/api/v1/duplicates/settings', { object: 'contacts', threshold: 0.9, weights: { shoe_size: 3 } })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await api.put('/api/v1/duplicates/settings', { object: 'contacts', threshold: 1.5, weights: {} })).status).toBe(400);

    // same name and city only: not a duplicate by default …
    await contact(api, { first_name: 'Sam', last_name: 'Okafor', city: 'Lagos' });
    await contact(api, { first_name: 'Sam', last_name: 'Okafor', city: 'Lagos' });
    expect(await scan(api)).toMatchObject({ pairs: 0 });
    // … but with a low threshold and heavier city it is proposed
    const saved = await api.put('/api/v1/duplicates/settings', { object: 'contacts', threshold: 0.2, weights: { city: 6 } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ threshold: 0.2, weights: { city: 6, name: 8 } });
    expect(await scan(api)).toMatchObject({ pairs: 1, threshold: 0.2 });
    expect((await api.get('/api/v1/duplicates/settings?object=companies')).body.threshold).toBe(0.9);
  });
});
