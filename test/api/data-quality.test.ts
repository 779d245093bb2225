import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { client, logInAs, newUser, newWorkspace, testAppWithJobs, type Client } from '../support/test-app.ts';

// The snapshot job runs on workers, so this file starts its own server with them.
const { app, db } = await testAppWithJobs('relata-quality-');

type Quality = {
  object: string;
  total: number;
  completeness: { field: string; label: string; label_zh: string | null; custom: boolean; filled: number; ratio: number }[];
  invalid: { field: string; code: string; count: number }[];
  stale: { months: number; count: number };
  open_duplicates: number;
  measured_at: string;
  trend_available: boolean;
  trend: { day: string; total: number; completeness: number; invalid: number; open_duplicates: number }[];
};

type ContactRow = {
  owner: string; email?: string | null; phone?: string | null; birthday?: string | null; city?: string | null;
  ageDays?: number; deleted?: boolean; attributes?: Record<string, unknown>;
};

async function insertContact(ws: string, c: ContactRow): Promise<string> {
  const updated = sql`now() - make_interval(days => ${c.ageDays ?? 0})`;
  const { rows } = await sql<{ id: string }>`
    insert into contacts (workspace_id, display_name, owner_id, email, phone, birthday, city, attributes, created_at, updated_at, deleted_at)
    values (${ws}, 'Someone', ${c.owner}, ${c.email ?? null}, ${c.phone ?? null}, ${c.birthday ?? null}::date, ${c.city ?? null},
            ${JSON.stringify(c.attributes ?? {})}::jsonb, ${updated}, ${updated}, ${c.deleted ? sql`now()` : null})
    returning id::text`.execute(db);
  return rows[0]!.id;
}

async function role(ws: string, key: string, permissions: unknown): Promise<void> {
  await sql`insert into roles (workspace_id, key, name, permissions) values (${ws}, ${key}, ${key}, ${JSON.stringify(permissions)}::jsonb)`.execute(db);
}

async function as(ws: string, roleKey: string): Promise<{ id: string; api: Client }> {
  const user = await newUser(db, ws, { roleKey });
  return { id: user.id, api: client(app, await logInAs(app, user.email)) };
}

async function today(ws: string): Promise<string> {
  const { rows } = await sql<{ day: string }>`select (now() at time zone timezone)::date::text as day from workspaces where id = ${ws}`.execute(db);
  return rows[0]!.day;
}

const field = (q: Quality, name: string) => q.completeness.find((f) => f.field === name);
const invalid = (q: Quality, code: string) => q.invalid.find((i) => i.code === code)?.count;

/**
 * Admin-owned: a complete contact, one full of invalid values, a deleted one; rep-owned: a stale one
 * (two years untouched, born 1850) and an old one kept fresh by a recent order; one admin contact is
 * shared with the rep; another workspace has a contact of its own.
 */
async function seedContacts() {
  const ws = await newWorkspace(db);
  const other = await newWorkspace(db, 'Other Co');
  const rep = await as(ws.workspaceId, 'sales');
  const admin = client(app, await logInAs(app, ws.adminEmail));
  const fields = await admin.post('/api/v1/custom-fields', { object: 'contacts', key: 'vip_level', type: 'text', label: 'VIP level', label_zh: 'VIP 等级' });
  expect(fields.status).toBe(201);
  const w = ws.workspaceId;
  const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const ada = await insertContact(w, { owner: ws.adminId, email: 'ada@example.com', phone: '+8613800000001', birthday: '1990-01-01', city: '上海', attributes: { vip_level: 'A' } });
  const shared = await insertContact(w, { owner: ws.adminId, email: 'not-an-email', phone: '13800000002', birthday: future, city: '  ', attributes: { vip_level: '' } });
  const deleted = await insertContact(w, { owner: ws.adminId, email: 'also bad', deleted: true });
  const stale = await insertContact(w, { owner: rep.id, phone: '+8613800000003', birthday: '1850-05-05', ageDays: 730 });
  const ordered = await insertContact(w, { owner: rep.id, ageDays: 730 });
  await sql`insert into contact_aggregates (workspace_id, contact_id, order_count, last_order_at) values (${w}, ${ordered}, 1, now() - interval '10 days')`.execute(db);
  await sql`insert into record_collaborators (workspace_id, object_type, record_id, user_id, access) values (${w}, 'contacts', ${shared}, ${rep.id}, 'read')`.execute(db);
  await insertContact(other.workspaceId, { owner: other.adminId, email: 'bad one' });
  return { ws, rep, admin, ids: { ada, shared, deleted, stale, ordered } };
}

describe('GET /data-quality (contacts)', () => {
  it('measures completeness, invalid values and stale records over the whole workspace for an administrator', async () => {
    const { admin } = await seedContacts();
    const res = await admin.get<Quality>('/api/v1/data-quality?object=contacts');
    expect(res.status).toBe(200);
    const q = res.body;
    expect(q.total).toBe(4);
    expect(field(q, 'email')).toMatchObject({ filled: 2, ratio: 0.5, custom: false });
    expect(field(q, 'phone')).toMatchObject({ filled: 3, ratio: 0.75 });
    expect(field(q, 'city')?.filled).toBe(1); // blank text is not a value
    expect(field(q, 'birthday')?.filled).toBe(3);
    expect(field(q, 'attributes.vip_level')).toMatchObject({ filled: 1, custom: true, label: 'VIP level', label_zh: 'VIP 等级' });
    expect(invalid(q, 'EMAIL_INVALID')).toBe(1);
    expect(invalid(q, 'PHONE_NOT_E164')).toBe(1);
    expect(invalid(q, 'BIRTHDAY_IN_FUTURE')).toBe(1);
    expect(invalid(q, 'BIRTHDAY_BEFORE_1900')).toBe(1);
    expect(q.stale).toEqual({ months: 12, count: 1 });
    expect(q.trend_available).toBe(true);

    const longer = await admin.get<Quality>('/api/v1/data-quality?object=contacts&stale_months=36');
    expect(longer.body.stale).toEqual({ months: 36, count: 0 });
  });

  it('limits every figure to the records a rep may see: own records plus those shared with them', async () => {
    const { rep } = await seedContacts();
    const res = await rep.api.get<Quality>('/api/v1/data-quality?object=contacts');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(field(res.body, 'email')?.filled).toBe(1);
    expect(invalid(res.body, 'EMAIL_INVALID')).toBe(1);
    expect(invalid(res.body, 'BIRTHDAY_BEFORE_1900')).toBe(1);
    expect(res.body.stale.count).toBe(1);
    // the trend is the workspace's: a scoped caller does not get it
    expect(res.body.trend_available).toBe(false);
    expect(res.body.trend).toEqual([]);
  });

  it('leaves out fields hidden from the caller, and refuses a caller who may not view the object', async () => {
    const { ws } = await seedContacts();
    await role(ws.workspaceId, 'no_email', { objects: { contacts: { actions: ['view'], scope: 'all' } }, fields: { contacts: { email: 'hidden' } }, masks: {} });
    await role(ws.workspaceId, 'companies_only', { objects: { companies: { actions: ['view'], scope: 'all' } }, fields: {}, masks: {} });
    const noEmail = await as(ws.workspaceId, 'no_email');
    const q = (await noEmail.api.get<Quality>('/api/v1/data-quality?object=contacts')).body;
    expect(q.total).toBe(4);
    expect(field(q, 'email')).toBeUndefined();
    expect(invalid(q, 'EMAIL_INVALID')).toBeUndefined();
    expect(invalid(q, 'PHONE_NOT_E164')).toBe(1);

    const companiesOnly = await as(ws.workspaceId, 'companies_only');
    const refused = await companiesOnly.api.get('/api/v1/data-quality?object=contacts');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('PERMISSION_DENIED');
    expect((await companiesOnly.api.get('/api/v1/data-quality?object=companies')).status).toBe(200);
    expect((await companiesOnly.api.get('/api/v1/data-quality?object=contacts&stale_months=0')).status).toBe(400);
  });
});

describe('open duplicates', () => {
  it('counts open pairs whose two records are live and visible to the caller', async () => {
    const { ws, admin, rep, ids } = await seedContacts();
    const pair = (a: string, b: string, status: string) =>
      sql`insert into duplicate_pairs (workspace_id, object_type, a_id, b_id, score, status) values (${ws.workspaceId}, 'contact', ${a}, ${b}, 0.9, ${status})`.execute(db);
    await pair(ids.ada, ids.shared, 'open'); // both the admin's: not the rep's to see
    await pair(ids.shared, ids.stale, 'open'); // shared with the rep + the rep's own
    await pair(ids.stale, ids.ordered, 'dismissed');
    await pair(ids.ada, ids.deleted, 'open'); // one side in the trash
    expect((await admin.get<Quality>('/api/v1/data-quality?object=contacts')).body.open_duplicates).toBe(2);
    expect((await rep.api.get<Quality>('/api/v1/data-quality?object=contacts')).body.open_duplicates).toBe(1);
    expect((await admin.get<Quality>('/api/v1/data-quality?object=companies')).body.open_duplicates).toBe(0);
  });
});

describe('GET /data-quality (companies)', () => {
  it('checks domains and counts a company as active while one of its contacts is', async () => {
    const ws = await newWorkspace(db);
    const admin = client(app, await logInAs(app, ws.adminEmail));
    const w = ws.workspaceId;
    const { rows } = await sql<{ id: string; name: string }>`
      insert into companies (workspace_id, name, domain, phone, owner_id, updated_at) values
        (${w}, 'Fresh', 'example.com', '+8621000000001', ${ws.adminId}, now()),
        (${w}, 'Bad domain', 'not a domain', null, ${ws.adminId}, now()),
        (${w}, 'Old but busy', null, '021-1234', ${ws.adminId}, now() - interval '2 years'),
        (${w}, 'Old and quiet', null, null, ${ws.adminId}, now() - interval '2 years')
      returning id::text, name`.execute(db);
    const busy = rows.find((r) => r.name === 'Old but busy')!.id;
    await sql`insert into contacts (workspace_id, display_name, owner_id, company_id) values (${w}, 'Worker', ${ws.adminId}, ${busy})`.execute(db);
    const q = (await admin.get<Quality>('/api/v1/data-quality?object=companies')).body;
    expect(q.total).toBe(4);
    expect(field(q, 'domain')?.filled).toBe(2);
    expect(invalid(q, 'DOMAIN_INVALID')).toBe(1);
    expect(invalid(q, 'PHONE_NOT_E164')).toBe(1);
    expect(q.stale.count).toBe(1);
  });
});

describe('trend snapshots', () => {
  it('stores today\'s workspace figures and returns the last days oldest first', async () => {
    const { ws, admin } = await seedContacts();
    const w = ws.workspaceId;
    const day = await today(w);
    await sql`insert into data_quality_snapshots (workspace_id, object_type, day, figures) values
      (${w}, 'contacts', ${day}::date - 5, '{"total": 2, "completeness": 0.25, "invalid": 7, "open_duplicates": 1, "filled": {}}'),
      (${w}, 'contacts', ${day}::date - 200, '{"total": 1, "completeness": 0.1, "invalid": 0, "open_duplicates": 0, "filled": {}}')`.execute(db);
    const q = (await admin.get<Quality>('/api/v1/data-quality?object=contacts')).body;
    expect(q.trend).toHaveLength(2);
    expect(q.trend[0]).toMatchObject({ total: 2, completeness: 0.25, invalid: 7, open_duplicates: 1 });
    const mean = q.completeness.reduce((sum, f) => sum + f.ratio, 0) / q.completeness.length;
    expect(q.trend[1]).toMatchObject({ day, total: 4, invalid: 4, open_duplicates: q.open_duplicates });
    expect(q.trend[1]!.completeness).toBeCloseTo(mean, 10);
    const longer = (await admin.get<Quality>('/api/v1/data-quality?object=contacts&trend_days=366')).body;
    expect(longer.trend.map((p) => p.total)).toEqual([1, 2, 4]);
  });

  it('serves an administrator today\'s recent snapshot again, and measures anew on refresh', async () => {
    const { ws, admin } = await seedContacts();
    const first = (await admin.get<Quality>('/api/v1/data-quality?object=contacts')).body;
    await insertContact(ws.workspaceId, { owner: ws.adminId, email: 'new@example.com' });
    const again = (await admin.get<Quality>('/api/v1/data-quality?object=contacts&stale_months=24')).body;
    expect(again.total).toBe(4);
    expect(again.measured_at).toBe(first.measured_at);
    const refreshed = (await admin.get<Quality>('/api/v1/data-quality?object=contacts&refresh=true')).body;
    expect(refreshed.total).toBe(5);
    expect(field(refreshed, 'email')?.filled).toBe(3);
    expect(refreshed.measured_at > first.measured_at).toBe(true);
    expect(refreshed.trend.at(-1)?.total).toBe(5);
  });

  it('takes the workspace-wide snapshot on a scoped user\'s first visit of the day, not their own figures', async () => {
    const { ws, rep } = await seedContacts();
    expect((await rep.api.get('/api/v1/data-quality?object=contacts')).status).toBe(200);
    const { rows } = await sql<{ figures: { total: number; invalid: number } }>`
      select figures from data_quality_snapshots where workspace_id = ${ws.workspaceId} and object_type = 'contacts'`.execute(db);
    expect(rows.map((r) => r.figures.total)).toEqual([4]);
    expect(rows[0]!.figures.invalid).toBe(4);
  });

  it('runs the data-quality-snapshot job for an administrator, and refuses it to a rep', async () => {
    const ws = await newWorkspace(db);
    const admin = client(app, await logInAs(app, ws.adminEmail));
    await sql`insert into companies (workspace_id, name, owner_id) values (${ws.workspaceId}, 'One', ${ws.adminId})`.execute(db);
    const started = await admin.post<{ job_id: string }>('/api/v1/data-quality/snapshots', { object: 'companies' });
    expect(started.status).toBe(202);
    let status = '';
    for (let i = 0; i < 200 && !['succeeded', 'failed'].includes(status); i++) {
      status = (await admin.get<{ status: string }>(`/api/v1/jobs/${started.body.job_id}`)).body.status;
      if (status !== 'succeeded') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('succeeded');
    const { rows } = await sql<{ object_type: string; total: number }>`
      select object_type, (figures->>'total')::int as total from data_quality_snapshots where workspace_id = ${ws.workspaceId}`.execute(db);
    expect(rows).toEqual([{ object_type: 'companies', total: 1 }]);

    const rep = await as(ws.workspaceId, 'sales');
    expect((await rep.api.post('/api/v1/data-quality/snapshots', { object: 'contacts' })).status).toBe(403);
  });
});
