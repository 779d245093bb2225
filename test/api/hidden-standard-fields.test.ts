import { describe, expect, it } from 'vitest';
import { client, logInAs, newUser, newWorkspace, testAppWithJobs, type Client, type Session } from '../support/test-app.ts';

// A role may hide a contact's owner, company, consents and tags, and a company's owner and tags: every read
// path then leaves them out (null, tags []), filters on them are refused, and so are writes (ADR 3).
// Duplicate scans run as jobs, so this file starts its own server with workers.
const { app, db } = await testAppWithJobs('relata-hidden-fields-');

const EVERYTHING = { actions: ['view', 'create', 'edit', 'delete', 'export', 'bulk'], scope: 'all' };
const OBJECTS = { contacts: EVERYTHING, companies: EVERYTHING, notes: EVERYTHING };
const CONTACT_FIELDS = ['owner_id', 'company_id', 'consent_email', 'consent_sms', 'tags'] as const;
const COMPANY_FIELDS = ['owner_id', 'tags'] as const;

// what the hidden fields hold, each a word that occurs nowhere else in the workspace
const SECRETS = /Olwen|Brightwater|vip-secret|co-secret/u;
const CONTACT_SECRETS = SECRETS;
const COMPANY_SECRETS = /Olwen|co-secret/u;

type Rules = Record<string, string>;

async function withRole(admin: Client, workspaceId: string, key: string, fields: { contacts?: Rules; companies?: Rules }) {
  const role = await admin.post('/api/v1/roles', { key, name: key, permissions: { objects: OBJECTS, fields } });
  expect(role.status, JSON.stringify(role.body)).toBe(201);
  const user = await newUser(db, workspaceId, { roleKey: key, name: `User ${key}` });
  const session = await logInAs(app, user.email);
  return { id: user.id, session, api: client(app, session) };
}

const rules = (fields: readonly string[], access: string): Rules => Object.fromEntries(fields.map((f) => [f, access]));

async function created(api: Client, url: string, body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const res = await api.post(url, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number };
}

async function csv(session: Session, url: string): Promise<{ status: number; text: string; header: string[]; rows: Record<string, string>[] }> {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  const text = res.rawPayload.toString('utf8').replace(/^\uFEFF/u, '');
  // the values in these files hold no comma, quote or line break, so a plain split reads them
  const [header = [], ...lines] = text.split('\r\n').filter((l) => l !== '').map((l) => l.split(','));
  return { status: res.statusCode, text, header, rows: lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i] ?? '']))) };
}

const q = (filter: unknown) => encodeURIComponent(JSON.stringify(filter));

/**
 * One workspace: a company owned by Olwen and tagged, a contact of that company owned by Olwen, tagged and
 * with both consents given; users whose roles hide those fields, or make them read-only.
 */
async function setUp() {
  const ws = await newWorkspace(db);
  const adminSession = await logInAs(app, ws.adminEmail);
  const admin = client(app, adminSession);
  const olwen = await newUser(db, ws.workspaceId, { roleKey: 'sales', name: 'Olwen Owner' });
  const company = await created(admin, '/api/v1/companies', { name: 'Brightwater Ltd', owner_id: olwen.id, tags: ['co-secret'], city: 'Oslo' });
  const contact = await created(admin, '/api/v1/contacts', {
    first_name: 'Zoraida', last_name: 'Quenby', email: 'zoraida@example.com', city: 'Oslo',
    owner_id: olwen.id, company_id: company.id, consent_email: true, consent_sms: true, tags: ['vip-secret'],
  });
  return {
    ws, admin, adminSession, olwen, company, contact,
    hides: await withRole(admin, ws.workspaceId, 'hides_refs', { contacts: rules(CONTACT_FIELDS, 'hidden'), companies: rules(COMPANY_FIELDS, 'hidden') }),
    readOnly: await withRole(admin, ws.workspaceId, 'read_only_refs', { contacts: rules(CONTACT_FIELDS, 'readonly'), companies: rules(COMPANY_FIELDS, 'readonly') }),
  };
}

const HIDDEN_CONTACT = { owner_id: null, owner_name: null, company_id: null, company_name: null, consent_email: null, consent_sms: null, tags: [] };
const HIDDEN_COMPANY = { owner_id: null, owner_name: null, tags: [] };

describe('a role that hides the owner, company, consents and tags', () => {
  it('reads a contact and a company without them — get, list, create and update answers — while others see them', async () => {
    const { admin, olwen, company, contact, hides, readOnly } = await setUp();
    const shown = {
      owner_id: olwen.id, owner_name: 'Olwen Owner', company_id: company.id, company_name: 'Brightwater Ltd',
      consent_email: true, consent_sms: true, tags: ['vip-secret'],
    };
    expect((await admin.get(`/api/v1/contacts/${contact.id}`)).body).toMatchObject(shown);
    expect((await readOnly.api.get(`/api/v1/contacts/${contact.id}`)).body).toMatchObject(shown);

    const one = await hides.api.get(`/api/v1/contacts/${contact.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ ...HIDDEN_CONTACT, display_name: 'Zoraida Quenby', city: 'Oslo' });
    const list = await hides.api.get('/api/v1/contacts?limit=50');
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([expect.objectContaining({ id: contact.id, ...HIDDEN_CONTACT })]);
    const updated = await hides.api.patch(`/api/v1/contacts/${contact.id}`, { version: contact.version, city: 'Bergen' });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ ...HIDDEN_CONTACT, city: 'Bergen' });
    expect(JSON.stringify([one.body, list.body, updated.body])).not.toMatch(CONTACT_SECRETS);

    // created by the role: it becomes the owner, yet is not told so
    const own = await hides.api.post('/api/v1/contacts', { first_name: 'Ysolde', city: 'Oslo' });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body).toMatchObject({ ...HIDDEN_CONTACT, first_name: 'Ysolde' });
    expect((await admin.get(`/api/v1/contacts/${own.body.id}`)).body).toMatchObject({ owner_id: hides.id, consent_email: false, tags: [] });

    expect((await admin.get(`/api/v1/companies/${company.id}`)).body).toMatchObject({ owner_id: olwen.id, owner_name: 'Olwen Owner', tags: ['co-secret'] });
    const co = await hides.api.get(`/api/v1/companies/${company.id}`);
    expect(co.status).toBe(200);
    expect(co.body).toMatchObject({ ...HIDDEN_COMPANY, name: 'Brightwater Ltd', contact_count: 1 });
    const companies = await hides.api.get('/api/v1/companies?limit=50');
    expect(companies.body.data).toEqual([expect.objectContaining({ id: company.id, ...HIDDEN_COMPANY })]);
    const coUpdated = await hides.api.patch(`/api/v1/companies/${company.id}`, { version: 1, city: 'Bergen' });
    expect(coUpdated.status, JSON.stringify(coUpdated.body)).toBe(200);
    expect(coUpdated.body).toMatchObject(HIDDEN_COMPANY);
    expect(JSON.stringify([co.body, companies.body, coUpdated.body])).not.toMatch(COMPANY_SECRETS);
  });

  it('leaves them out of search subtitles, the trash and duplicate warnings', async () => {
    const { admin, contact, hides } = await setUp();
    const adminHit = (await admin.get('/api/v1/search?q=Zoraida')).body.data.find((h: { id: string }) => h.id === contact.id);
    expect(adminHit.subtitle).toContain('Brightwater Ltd');
    const search = await hides.api.get('/api/v1/search?q=Zoraida');
    expect(search.status).toBe(200);
    expect(search.body.data).toEqual([expect.objectContaining({ id: contact.id, title: 'Zoraida Quenby' })]);
    expect(JSON.stringify(search.body)).not.toMatch(SECRETS);

    // the same email as Zoraida's: the warning names the record, and its owner only to those who may see owners
    const twin = await hides.api.post('/api/v1/contacts', { first_name: 'Zora', email: 'zoraida@example.com' });
    expect(twin.status).toBe(201);
    expect(twin.body.warnings).toEqual([expect.objectContaining({ details: { record_id: contact.id, reasons: ['same email'], owner_name: null } })]);
    const adminTwin = await admin.post('/api/v1/contacts', { first_name: 'Zora', email: 'zoraida@example.com' });
    expect(adminTwin.body.warnings[0].details).toMatchObject({ record_id: contact.id, owner_name: 'Olwen Owner' });
    const coTwin = await hides.api.post('/api/v1/companies', { name: 'Brightwater Ltd' });
    expect(coTwin.status).toBe(201);
    expect(coTwin.body.warnings[0].details).toMatchObject({ reasons: ['same name'], owner_name: null });

    expect((await admin.delete(`/api/v1/contacts/${contact.id}`)).status).toBe(204);
    const adminTrash = await admin.get('/api/v1/trash?object=contacts');
    expect(adminTrash.body.data).toEqual([expect.objectContaining({ id: contact.id, owner_name: 'Olwen Owner' })]);
    const trash = await hides.api.get('/api/v1/trash?object=contacts');
    expect(trash.status).toBe(200);
    expect(trash.body.data).toEqual([expect.objectContaining({ id: contact.id, title: 'Zoraida Quenby', owner_id: null, owner_name: null })]);
  });

  it('exports no column for them, contacts and companies, while an admin exports them', async () => {
    const { adminSession, hides } = await setUp();
    const full = await csv(adminSession, '/api/v1/contacts/export?format=csv');
    expect(full.header).toEqual(expect.arrayContaining(['owner_id', 'owner_name', 'company_id', 'company_name', 'consent_email', 'consent_sms', 'tags']));
    expect(full.rows[0]).toMatchObject({ owner_name: 'Olwen Owner', company_name: 'Brightwater Ltd', consent_email: 'true', tags: 'vip-secret' });

    const contacts = await csv(hides.session, '/api/v1/contacts/export?format=csv');
    expect(contacts.status).toBe(200);
    expect(contacts.rows.map((r) => r.display_name)).toEqual(['Zoraida Quenby']);
    for (const column of ['owner_id', 'owner_name', 'company_id', 'company_name', 'consent_email', 'consent_sms', 'tags']) {
      expect(contacts.header, column).not.toContain(column);
    }
    expect(contacts.text).not.toMatch(SECRETS);

    expect((await csv(adminSession, '/api/v1/companies/export?format=csv')).rows[0]).toMatchObject({ owner_name: 'Olwen Owner', tags: 'co-secret' });
    const companies = await csv(hides.session, '/api/v1/companies/export?format=csv');
    expect(companies.status).toBe(200);
    expect(companies.rows.map((r) => r.name)).toEqual(['Brightwater Ltd']);
    for (const column of ['owner_id', 'owner_name', 'tags']) expect(companies.header, column).not.toContain(column);
    expect(companies.text).not.toMatch(COMPANY_SECRETS);
  });

  it('drops their changes from the history and the timeline of contacts and companies', async () => {
    const { ws, admin, company, contact, hides } = await setUp();
    const other = await newUser(db, ws.workspaceId, { roleKey: 'sales', name: 'Olwen Successor' });
    const patched = await admin.patch(`/api/v1/contacts/${contact.id}`, {
      version: contact.version, owner_id: other.id, company_id: null, consent_email: false, consent_sms: false, tags: ['vip-secret', 'gold-secret'], city: 'Bergen',
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const changedKeys = (entries: { action: string; changes: Record<string, unknown> }[]) =>
      Object.keys(entries.find((e) => e.action === 'update')?.changes ?? {}).sort();

    const adminHistory = (await admin.get(`/api/v1/contacts/${contact.id}/history`)).body.data;
    expect(changedKeys(adminHistory)).toEqual(['city', 'company_id', 'consent_email', 'consent_sms', 'owner_id', 'tags']);
    const history = await hides.api.get(`/api/v1/contacts/${contact.id}/history`);
    expect(history.status).toBe(200);
    expect(changedKeys(history.body.data)).toEqual(['city']);
    // the creation too: its changes name every field set, the hidden ones left out
    const creation = (entries: { action: string; changes: object }[]) => Object.keys(entries.find((e) => e.action === 'create')?.changes ?? {});
    expect(creation(adminHistory)).toEqual(expect.arrayContaining(['owner_id', 'company_id', 'consent_email', 'consent_sms', 'tags', 'city']));
    expect(creation(history.body.data)).toEqual(expect.arrayContaining(['first_name', 'city']));
    for (const field of CONTACT_FIELDS) expect(creation(history.body.data), field).not.toContain(field);
    expect(JSON.stringify(history.body)).not.toMatch(/vip-secret|gold-secret|owner_id|company_id|consent|"tags"/u);

    const timeline = await hides.api.get(`/api/v1/contacts/${contact.id}/timeline`);
    expect(timeline.status).toBe(200);
    const update = timeline.body.data.find((e: { kind: string; payload: { action?: string } }) => e.kind === 'audit' && e.payload.action === 'update');
    expect(Object.keys(update.payload.changes)).toEqual(['city']);
    expect(update.summary).toBe('update: city');
    expect(JSON.stringify(timeline.body)).not.toMatch(/vip-secret|gold-secret|owner_id|company_id|consent|"tags"/u);
    const adminTimeline = (await admin.get(`/api/v1/contacts/${contact.id}/timeline`)).body.data;
    const adminUpdate = adminTimeline.find((e: { kind: string; payload: { action?: string } }) => e.kind === 'audit' && e.payload.action === 'update');
    expect(adminUpdate.payload.changes.tags).toEqual([['vip-secret'], ['vip-secret', 'gold-secret']]);

    // bulk actions write history too
    const bulk = await admin.post('/api/v1/companies/bulk', { ids: [company.id], action: 'change_owner', owner_id: other.id });
    expect(bulk.body).toEqual({ affected: 1 });
    const coHistory = await hides.api.get(`/api/v1/companies/${company.id}/history`);
    expect(coHistory.status).toBe(200);
    expect(coHistory.body.data.map((e: { action: string; changes: object }) => [e.action, Object.keys(e.changes)])).toContainEqual(['update', []]);
    expect(JSON.stringify(coHistory.body)).not.toMatch(/co-secret|owner_id|"tags"/u);
    const coTimeline = await hides.api.get(`/api/v1/companies/${company.id}/timeline`);
    expect(JSON.stringify(coTimeline.body)).not.toMatch(/co-secret|owner_id|"tags"/u);
    expect(Object.keys((await admin.get(`/api/v1/companies/${company.id}/history`)).body.data[0].changes)).toEqual(['owner_id']);
  });

  it('refuses filters on them (has_tag, owner_id, company_id, consents) in lists, exports, bulk actions and saved views', async () => {
    const { admin, olwen, company, hides, readOnly } = await setUp();
    const contactFilters = [
      { field: 'tags', op: 'has_tag', value: 'vip-secret' },
      { field: 'tags', op: 'is_empty', value: false },
      { field: 'owner_id', op: 'eq', value: olwen.id },
      { field: 'company_id', op: 'eq', value: company.id },
      { field: 'consent_email', op: 'eq', value: true },
      { field: 'consent_sms', op: 'is_empty', value: true },
    ];
    for (const filter of contactFilters) {
      const label = JSON.stringify(filter);
      const listed = await hides.api.get(`/api/v1/contacts?filter=${q(filter)}`);
      expect(listed.status, label).toBe(403);
      expect(listed.body.error, label).toMatchObject({ code: 'PERMISSION_DENIED', details: { field: filter.field } });
      // nested in a group, the condition is refused all the same
      expect((await hides.api.get(`/api/v1/contacts?filter=${q({ or: [{ field: 'city', op: 'eq', value: 'Oslo' }, filter] })}`)).status, label).toBe(403);
      expect((await hides.api.get(`/api/v1/contacts/export?format=csv&filter=${q(filter)}`)).status, label).toBe(403);
      expect((await hides.api.post('/api/v1/contacts/bulk', { filter, action: 'delete' })).status, label).toBe(403);
      expect((await hides.api.post('/api/v1/saved-views', { object: 'contacts', name: 'v', filter })).status, label).toBe(403);
      // a role that sees the field (read-only or not) filters on it
      expect((await readOnly.api.get(`/api/v1/contacts?filter=${q(filter)}`)).status, label).toBe(200);
      expect((await admin.get(`/api/v1/contacts?filter=${q(filter)}`)).status, label).toBe(200);
    }
    const tagged = await admin.get(`/api/v1/contacts?filter=${q(contactFilters[0])}`);
    expect(tagged.body.total).toBe(1);
    for (const filter of [{ field: 'tags', op: 'has_tag', value: 'co-secret' }, { field: 'owner_id', op: 'in', value: [olwen.id] }]) {
      const listed = await hides.api.get(`/api/v1/companies?filter=${q(filter)}`);
      expect(listed.status).toBe(403);
      expect(listed.body.error.code).toBe('PERMISSION_DENIED');
      expect((await hides.api.get(`/api/v1/companies/export?format=csv&filter=${q(filter)}`)).status).toBe(403);
      expect((await admin.get(`/api/v1/companies?filter=${q(filter)}`)).body.total).toBe(1);
    }
    // none of them is a sort key: a list cannot be ordered by them, hidden or not
    for (const sort of ['owner_id', 'tags', 'company_id', 'consent_email']) {
      expect((await hides.api.get(`/api/v1/contacts?sort=${sort}`)).body.error.code).toBe('SORT_INVALID');
      expect((await admin.get(`/api/v1/contacts?sort=${sort}`)).body.error.code).toBe('SORT_INVALID');
    }
    // the rest of the list still works for the role
    expect((await hides.api.get(`/api/v1/contacts?filter=${q({ field: 'city', op: 'eq', value: 'Oslo' })}`)).body.total).toBe(1);
  });

  it('refuses writes to them, one by one and in bulk (tag, untag, change owner), when hidden or read-only', async () => {
    const { ws, admin, company, contact, hides, readOnly } = await setUp();
    const heir = await newUser(db, ws.workspaceId, { roleKey: 'sales', name: 'Heir' });
    for (const role of [hides, readOnly]) {
      for (const [field, value] of [['owner_id', heir.id], ['company_id', null], ['consent_email', false], ['consent_sms', false], ['tags', []]] as const) {
        const res = await role.api.patch(`/api/v1/contacts/${contact.id}`, { version: contact.version, [field]: value });
        expect(res.status, field).toBe(403);
        expect(res.body.error, field).toMatchObject({ code: 'FIELD_READ_ONLY', details: { field } });
        expect((await role.api.post('/api/v1/contacts', { first_name: 'New', [field]: value })).body.error?.code, field).toBe('FIELD_READ_ONLY');
      }
      for (const [field, value] of [['owner_id', heir.id], ['tags', ['x']]] as const) {
        expect((await role.api.patch(`/api/v1/companies/${company.id}`, { version: 1, [field]: value })).body.error?.code, field).toBe('FIELD_READ_ONLY');
      }
      const oslo = { field: 'city', op: 'eq', value: 'Oslo' };
      for (const [object, id] of [['contacts', contact.id], ['companies', company.id]] as const) {
        for (const target of [{ ids: [id] }, { filter: oslo }]) {
          for (const body of [{ action: 'tag', tag: 'pwned' }, { action: 'untag', tag: 'vip-secret' }, { action: 'untag', tag: 'co-secret' }, { action: 'change_owner', owner_id: heir.id }]) {
            const res = await role.api.post(`/api/v1/${object}/bulk`, { ...target, ...body });
            expect(res.status, `${object} ${JSON.stringify(body)}`).toBe(403);
            expect(res.body.error.code).toBe('FIELD_READ_ONLY');
          }
        }
      }
    }
    // nothing changed; the admin's bulk actions still work
    expect((await admin.get(`/api/v1/contacts/${contact.id}`)).body).toMatchObject({ version: contact.version, tags: ['vip-secret'], company_id: company.id, consent_email: true });
    expect((await admin.get(`/api/v1/companies/${company.id}`)).body).toMatchObject({ version: 1, tags: ['co-secret'] });
    expect((await admin.post('/api/v1/contacts/bulk', { filter: { field: 'city', op: 'eq', value: 'Oslo' }, action: 'tag', tag: 'gold' })).body).toEqual({ affected: 1 });
    expect((await admin.get(`/api/v1/contacts/${contact.id}`)).body.tags).toEqual(['vip-secret', 'gold']);
    // a bulk action on other fields is still the role's to take
    expect((await hides.api.post('/api/v1/contacts/bulk', { ids: [contact.id], action: 'delete' })).body).toEqual({ affected: 1 });
  });

  it('leaves them out of duplicate pairs and merge answers, and refuses to take them from the merged record', async () => {
    const { admin, olwen, company, contact, hides } = await setUp();
    const twin = await created(admin, '/api/v1/contacts', { first_name: 'Zoraida', last_name: 'Quenby', email: 'zoraida@example.com', tags: ['twin-secret'] });
    const started = await admin.post('/api/v1/duplicates/scans', { object: 'contacts' });
    expect(started.status).toBe(202);
    let status = '';
    for (let i = 0; i < 300 && ['', 'queued', 'running'].includes(status); i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 100));
      status = (await admin.get(`/api/v1/jobs/${started.body.job_id}`)).body.status;
    }
    expect(status).toBe('succeeded');
    const [pair] = (await admin.get('/api/v1/duplicates?object=contacts')).body.data as { id: string }[];
    expect(pair).toBeDefined();
    const keys = (fields: { key: string }[]) => fields.map((f) => f.key);
    const adminDetail = await admin.get(`/api/v1/duplicates/${pair!.id}`);
    expect(keys(adminDetail.body.fields)).toEqual(expect.arrayContaining(['owner_name', 'company_name', 'tags']));
    const detail = await hides.api.get(`/api/v1/duplicates/${pair!.id}`);
    expect(detail.status).toBe(200);
    expect(keys(detail.body.fields)).toEqual(expect.arrayContaining(['emails', 'first_name']));
    for (const key of ['owner_name', 'company_name', 'tags']) expect(keys(detail.body.fields)).not.toContain(key);
    expect(JSON.stringify(detail.body)).not.toMatch(/Olwen|Brightwater|secret/u);

    const refused = await hides.api.post('/api/v1/merges', { object: 'contacts', survivor_id: contact.id, merged_id: twin.id, fields: { tags: 'merged' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'FIELD_READ_ONLY', details: { field: 'tags' } });
    const merged = await hides.api.post('/api/v1/merges', { object: 'contacts', survivor_id: contact.id, merged_id: twin.id });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.survivor).toMatchObject({ id: contact.id, ...HIDDEN_CONTACT });
    expect(JSON.stringify(merged.body)).not.toMatch(/Olwen|Brightwater|secret/u);
    // hidden fields are not the merging role's to write: no union of the twin's tags (ADR 12)
    expect((await admin.get(`/api/v1/contacts/${contact.id}`)).body).toMatchObject({ owner_id: olwen.id, company_id: company.id, tags: ['vip-secret'] });
  });
});
