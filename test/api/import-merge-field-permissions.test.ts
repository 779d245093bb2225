import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadPrincipal } from '../../src/modules/accounts/index.ts';
import { createImport, runImport } from '../../src/modules/data/index.ts';
import { enqueueImport } from '../../src/modules/data/import/import-job.ts';
import type { Principal } from '../../src/platform/http/access.ts';
import { cliProcess } from '../support/cli-process.ts';
import { client, logInAs, newUser, newWorkspace, testAppWithJobs, type Client, type Session } from '../support/test-app.ts';

// Field rules (ADR 3) hold for imports and merges as for the API's own writes: a column mapped to a hidden or
// read-only field is refused (when the import is created, and again when it runs), and a merge's default rules
// never fill or unite such a field. Imports and bulk merges run as jobs: this server runs workers.
const { app, db, jobs } = await testAppWithJobs('relata-field-rules-');
const { node, dir } = await cliProcess('relata-field-rules-cli-');
const BIN = path.resolve('bin/relata.mjs');

let fileNo = 0;
function file(content: string): string {
  const p = path.join(dir, `f${++fileNo}.csv`);
  fs.writeFileSync(p, content);
  return p;
}

type Rules = Record<string, Record<string, 'hidden' | 'readonly' | 'editable'>>;

async function setRules(workspaceId: string, roleKey: string, fields: Rules): Promise<void> {
  await sql`update roles set permissions = jsonb_set(permissions, '{fields}', ${JSON.stringify(fields)}::jsonb)
            where workspace_id = ${workspaceId} and key = ${roleKey}`.execute(db);
}

/** A workspace with a custom field `level`, its administrator and a marketing user (import, edit and bulk on every record). */
async function setup() {
  const ws = await newWorkspace(db);
  const adminSession = await logInAs(app, ws.adminEmail);
  const admin = client(app, adminSession);
  expect((await admin.post('/api/v1/custom-fields', { object: 'contacts', key: 'level', label: 'Level', label_zh: '等级', type: 'text' })).status).toBe(201);
  const user = await newUser(db, ws.workspaceId, { roleKey: 'marketing', name: 'Mia Marketing' });
  const session = await logInAs(app, user.email);
  const principal = async (): Promise<Principal> => (await loadPrincipal(db, ws.workspaceId, user.id))!;
  return { ws, admin, adminSession, user, session, api: client(app, session), principal };
}

async function upload(session: Session, object: string, content: string) {
  const boundary = `----relata${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await app.inject({
    method: 'POST', url: `/api/v1/imports/uploads?object=${object}`, payload: body,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { upload_id: string; suggested_mapping: { header: string; target: string | null }[]; targets: { key: string; writable: boolean }[] };
}

async function waitFor(api: Client, jobId: string): Promise<{ status: string; error: { code: string } | null }> {
  for (let i = 0; i < 300; i++) {
    const res = await api.get(`/api/v1/jobs/${jobId}`);
    if (['succeeded', 'failed', 'cancelled'].includes(res.body.status)) return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} did not finish`);
}

async function counts(workspaceId: string) {
  const { rows } = await sql<{ batches: number; contacts: number; companies: number; fields: number }>`
    select (select count(*)::int from import_batches where workspace_id = ${workspaceId}) as batches,
           (select count(*)::int from contacts where workspace_id = ${workspaceId}) as contacts,
           (select count(*)::int from companies where workspace_id = ${workspaceId}) as companies,
           (select count(*)::int from field_definitions where workspace_id = ${workspaceId}) as fields`.execute(db);
  return rows[0]!;
}

async function contactRow(workspaceId: string, email: string) {
  const { rows } = await sql<{ id: string; display_name: string; city: string | null; tags: string[]; owner_id: string; consent_email: boolean; attributes: Record<string, unknown>; version: number }>`
    select id::text, display_name, city, tags, owner_id::text, consent_email, attributes, version from contacts
    where workspace_id = ${workspaceId} and email = ${email} and deleted_at is null`.execute(db);
  return rows[0];
}

const CONTACTS_CSV = '名,姓,邮箱,城市,标签,负责人,允许邮件营销,Level\n娜,李,li.na@example.com,上海,VIP,{owner},是,gold\n';

describe('imports respect field rules', () => {
  it('refuses at creation (REST) a column mapped to a hidden or read-only field, standard, reference, consent, name or custom; nothing is created', async () => {
    const { ws, session, api } = await setup();
    const content = CONTACTS_CSV.replace('{owner}', ws.adminEmail);
    await setRules(ws.workspaceId, 'marketing', {
      contacts: { tags: 'readonly', owner_id: 'hidden', consent_email: 'readonly', 'attributes.level': 'readonly', display_name: 'readonly', city: 'editable' },
      companies: { owner_id: 'readonly' },
    });
    const up = await upload(session, 'contacts', content);
    const base = { 名: 'first_name', 姓: 'last_name', 邮箱: 'email', 城市: 'city', 标签: null, 负责人: null, 允许邮件营销: null, Level: null };
    const refused = async (mapping: Record<string, string | null>) => {
      const res = await api.post('/api/v1/imports', { upload_id: up.upload_id, object: 'contacts', mapping: { ...base, ...mapping } });
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(res.body.error.code).toBe('FIELD_READ_ONLY');
      return res.body.error.details as { header: string; field: string; target: string };
    };
    expect(await refused({ 标签: 'tags' })).toMatchObject({ header: '标签', field: 'tags', target: 'tags' });
    expect(await refused({ 负责人: 'owner' })).toMatchObject({ header: '负责人', field: 'owner_id', target: 'owner' });
    expect(await refused({ 允许邮件营销: 'consent_email' })).toMatchObject({ header: '允许邮件营销', field: 'consent_email' });
    expect(await refused({ Level: 'attributes.level' })).toMatchObject({ header: 'Level', field: 'attributes.level' });
    // a full name writes both parts and the name made of them
    expect(await refused({ 名: null, 姓: null, 邮箱: 'email', Level: 'name' })).toMatchObject({ header: 'Level', field: 'display_name', target: 'name' });
    // every mode: an update writes the field as much as a create
    const update = await api.post('/api/v1/imports', { upload_id: up.upload_id, object: 'contacts', mapping: { ...base, 标签: 'tags' }, mode: 'update', match: 'email' });
    expect(update.body.error.code).toBe('FIELD_READ_ONLY');
    expect(await counts(ws.workspaceId)).toMatchObject({ batches: 0, contacts: 0 });

    // companies: the owner reference
    const companies = await upload(session, 'companies', 'Company name,Owner email\nAcme,someone@example.com\n');
    const company = await api.post('/api/v1/imports', { upload_id: companies.upload_id, object: 'companies', mapping: { 'Company name': 'name', 'Owner email': 'owner' } });
    expect(company.status).toBe(403);
    expect(company.body.error).toMatchObject({ code: 'FIELD_READ_ONLY', details: { header: 'Owner email', field: 'owner_id' } });
    expect(await counts(ws.workspaceId)).toMatchObject({ batches: 0, companies: 0 });

    // the columns the role may write still import
    const allowed = await api.post('/api/v1/imports', { upload_id: up.upload_id, object: 'contacts', mapping: base });
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(202);
    expect((await waitFor(api, allowed.body.job_id)).status).toBe('succeeded');
    expect(await contactRow(ws.workspaceId, 'li.na@example.com')).toMatchObject({ city: '上海', tags: [], consent_email: false, attributes: {} });
  });

  it('refuses an orders import that would create contacts with fields the role may not write', async () => {
    const { ws, principal } = await setup();
    await setRules(ws.workspaceId, 'marketing', { contacts: { email: 'readonly' } });
    const p = file('订单号,下单时间,客户邮箱,金额\nA-1,2026-03-01,new@example.com,10\n');
    await expect(createImport(db, await principal(), { object: 'orders', path: p, fileName: 'o.csv', createMissingContacts: true }))
      .rejects.toMatchObject({ code: 'FIELD_READ_ONLY', details: { header: '客户邮箱', field: 'email', target: 'contact_email' } });
    // linking orders to existing contacts by email writes no contact field
    const { batchId } = await createImport(db, await principal(), { object: 'orders', path: p, fileName: 'o.csv' });
    expect(batchId).toMatch(/^\d+$/);
  });

  it('does not suggest such fields: the mapping step lists read-only ones as not writable and leaves hidden ones out', async () => {
    const { ws, session, adminSession, principal } = await setup();
    await setRules(ws.workspaceId, 'marketing', { contacts: { tags: 'readonly', owner_id: 'hidden', 'attributes.level': 'readonly' } });
    const content = '姓名,邮箱,标签,负责人,Level\n李娜,li.na@example.com,VIP,nobody@example.com,gold\n';
    const mine = await upload(session, 'contacts', content);
    expect(mine.suggested_mapping).toEqual([
      { header: '姓名', target: 'name' }, { header: '邮箱', target: 'email' }, { header: '标签', target: null },
      { header: '负责人', target: null }, { header: 'Level', target: null },
    ]);
    const access = Object.fromEntries(mine.targets.map((t) => [t.key, t.writable]));
    expect(access).toMatchObject({ name: true, email: true, tags: false, 'attributes.level': false });
    expect(access).not.toHaveProperty('owner');

    const admins = await upload(adminSession, 'contacts', content);
    expect(admins.suggested_mapping.map((s) => s.target)).toEqual(['name', 'email', 'tags', 'owner', 'attributes.level']);
    expect(admins.targets.every((t) => t.writable)).toBe(true);

    // without a mapping the import takes the suggestion: the unsuggested columns are skipped, not refused
    const { batchId, mapping } = await createImport(db, await principal(), { object: 'contacts', path: file(content), fileName: 'c.csv' });
    expect(mapping).toEqual({ 姓名: 'name', 邮箱: 'email', 标签: null, 负责人: null, Level: null });
    const batch = await runImport(db, ws.workspaceId, batchId);
    expect([batch.status, batch.rows_created]).toEqual(['succeeded', 1]);
    expect(await contactRow(ws.workspaceId, 'li.na@example.com')).toMatchObject({ display_name: '李娜', tags: [], attributes: {} });
  });

  it('fails the job with the same code, nothing applied, when the role changed after the import was created', async () => {
    const { ws, api, principal } = await setup();
    // an existing contact the import would update
    expect((await api.post('/api/v1/contacts', { last_name: 'Berg', emails: [{ value: 'anna@example.com', label: null }], tags: ['old'] })).status).toBe(201);
    const before = await contactRow(ws.workspaceId, 'anna@example.com');
    const content = 'name,email,tags,city\nAnna Berg,anna@example.com,new,Hamburg\nBo Chen,bo@example.com,vip,Paris\n';

    const created = await createImport(db, await principal(), { object: 'contacts', path: file(content), fileName: 'c.csv', mode: 'upsert' });
    await setRules(ws.workspaceId, 'marketing', { contacts: { tags: 'readonly' } });
    const jobId = await enqueueImport(db, jobs, await principal(), created.batchId);
    const job = await waitFor(api, jobId);
    expect(job).toMatchObject({ status: 'failed', error: { code: 'FIELD_READ_ONLY' } });
    const batch = (await api.get(`/api/v1/imports/${created.batchId}`)).body;
    expect(batch).toMatchObject({ status: 'failed', rows_created: 0, rows_updated: 0, error: { code: 'FIELD_READ_ONLY' } });
    expect(await contactRow(ws.workspaceId, 'anna@example.com')).toEqual(before);
    expect(await counts(ws.workspaceId)).toMatchObject({ contacts: 1 });

    // changed while the file is being staged: refused before anything is written
    await setRules(ws.workspaceId, 'marketing', {});
    const second = await createImport(db, await principal(), { object: 'contacts', path: file(content), fileName: 'c.csv', mode: 'upsert' });
    let changed = false;
    const result = await runImport(db, ws.workspaceId, second.batchId, {
      onProgress: async (_done, _total, phase) => {
        if (phase !== 'staging' || changed) return;
        changed = true;
        await setRules(ws.workspaceId, 'marketing', { contacts: { tags: 'hidden' } });
      },
    });
    expect(changed).toBe(true);
    expect(result).toMatchObject({ status: 'failed', rows_created: 0, rows_updated: 0, error: { code: 'FIELD_READ_ONLY' } });
    expect(await contactRow(ws.workspaceId, 'anna@example.com')).toEqual(before);
    expect(await counts(ws.workspaceId)).toMatchObject({ contacts: 1 });
    const { rows } = await sql`select 1 from import_batch_rows where workspace_id = ${ws.workspaceId}`.execute(db);
    expect(rows).toEqual([]);
  });

  it('refuses a CLI import acting as a restricted user (--as), and creates nothing', async () => {
    const { ws, user } = await setup();
    await setRules(ws.workspaceId, 'marketing', { contacts: { tags: 'readonly' } });
    const p = file('name,email,tags\nAnna Berg,anna@example.com,vip\n');
    const map = path.join(dir, 'map.json');
    fs.writeFileSync(map, JSON.stringify({ name: 'name', email: 'email', tags: 'tags' }));
    const run = await node([BIN, 'import', 'contacts', p, '--map', map, '--as', user.email, '--json']);
    expect(run.status, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout).error).toMatchObject({ code: 'FIELD_READ_ONLY' });
    expect(JSON.parse(run.stdout).error.message).toContain('tags');
    expect(await counts(ws.workspaceId)).toMatchObject({ batches: 0, contacts: 0 });
  });

  it('lets an unrestricted administrator import every field as before', async () => {
    const { ws, admin, adminSession } = await setup();
    const content = CONTACTS_CSV.replace('{owner}', ws.adminEmail);
    const up = await upload(adminSession, 'contacts', content);
    expect(up.suggested_mapping.map((s) => s.target)).toEqual(['first_name', 'last_name', 'email', 'city', 'tags', 'owner', 'consent_email', 'attributes.level']);
    const start = await admin.post('/api/v1/imports', { upload_id: up.upload_id, object: 'contacts' });
    expect(start.status, JSON.stringify(start.body)).toBe(202);
    expect((await waitFor(admin, start.body.job_id)).status).toBe('succeeded');
    expect(await contactRow(ws.workspaceId, 'li.na@example.com')).toMatchObject({
      display_name: '李娜', city: '上海', tags: ['VIP'], owner_id: ws.adminId, consent_email: true, attributes: { level: 'gold' },
    });
  });
});

async function contact(api: Client, body: Record<string, unknown>): Promise<{ id: string }> {
  const res = await api.post('/api/v1/contacts', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A pair whose merged record could fill the survivor's empty fields and add tags, emails and a custom field. */
async function pairOf(admin: Client, workspaceId: string) {
  const company = (await admin.post('/api/v1/companies', { name: 'Acme' })).body as { id: string };
  const survivor = await contact(admin, {
    first_name: '小明', last_name: '王', emails: [{ value: 'ming@example.com', label: null }], tags: ['vip'], source: 'fair', lifecycle_stage: 'lead',
    value_tier: 'gold', gender: 'male', birthday: '1990-01-01',
  });
  const merged = await contact(admin, {
    first_name: '晓明', last_name: '王', emails: [{ value: 'wang@example.com', label: null }], tags: ['老客户'], city: '北京', street: '长安街 1 号',
    company_id: company.id, attributes: { level: 'gold' },
  });
  await admin.post('/api/v1/notes', { contact_id: merged.id, body: '喜欢绿茶' });
  const { rows } = await sql<{ id: string }>`insert into duplicate_pairs (workspace_id, object_type, a_id, b_id, score)
    values (${workspaceId}, 'contact', least(${survivor.id}::bigint, ${merged.id}::bigint), greatest(${survivor.id}::bigint, ${merged.id}::bigint), 0.99)
    returning id::text`.execute(db);
  return { survivor, merged, pairId: rows[0]!.id, companyId: company.id };
}

const MERGE_RULES: Rules = { contacts: { city: 'readonly', tags: 'readonly', email: 'readonly', company_id: 'hidden', 'attributes.level': 'readonly' } };

async function stored(id: string) {
  const { rows } = await sql<{ city: string | null; street: string | null; tags: string[]; emails: { value: string }[]; company_id: string | null; attributes: Record<string, unknown> }>`
    select city, street, tags, emails, company_id::text, attributes from contacts where id = ${id}`.execute(db);
  return rows[0]!;
}

async function notesOf(id: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from notes where contact_id = ${id}`.execute(db);
  return rows[0]!.n;
}

describe('merges respect field rules', () => {
  it('keeps the survivor\'s value of read-only and hidden fields under the default rules; the preview says so; related rows still move', async () => {
    const { ws, admin, api } = await setup();
    const { survivor, merged, pairId } = await pairOf(admin, ws.workspaceId);
    await setRules(ws.workspaceId, 'marketing', MERGE_RULES);

    const preview = await api.get(`/api/v1/duplicates/${pairId}`);
    expect(preview.status).toBe(200);
    const readOnly = Object.fromEntries((preview.body.fields as { key: string; read_only: boolean }[]).map((f) => [f.key, f.read_only]));
    expect(readOnly).toMatchObject({ city: true, tags: true, emails: true, 'attributes.level': true, street: false, first_name: false });
    expect(readOnly).not.toHaveProperty('company_name');

    const res = await api.post('/api/v1/merges', { object: 'contacts', survivor_id: survivor.id, merged_id: merged.id, pair_id: pairId });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.merge.moved).toMatchObject({ notes: 1 });
    const after = await stored(survivor.id);
    expect(after).toMatchObject({ city: null, tags: ['vip'], company_id: null, attributes: {}, street: '长安街 1 号' });
    expect(after.emails.map((e) => e.value)).toEqual(['ming@example.com']);
    expect(await notesOf(survivor.id)).toBe(1);
    // choosing the other value of such a field is refused, as before
    const other = await pairOf(admin, ws.workspaceId);
    const chosen = await api.post('/api/v1/merges', { object: 'contacts', survivor_id: other.survivor.id, merged_id: other.merged.id, fields: { tags: 'merged' } });
    expect(chosen.body.error.code).toBe('FIELD_READ_ONLY');
  });

  it('bulk merge keeps them too', async () => {
    const { ws, admin, api } = await setup();
    const { survivor, merged } = await pairOf(admin, ws.workspaceId);
    await setRules(ws.workspaceId, 'marketing', MERGE_RULES);
    const started = await api.post('/api/v1/merges/bulk', { object: 'contacts', min_score: 0.9 });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const job = await waitFor(api, started.body.job_id);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const { rows } = await sql<{ merged_into_id: string | null }>`select merged_into_id::text from contacts where id = ${merged.id}`.execute(db);
    expect(rows[0]!.merged_into_id).toBe(survivor.id);
    expect(await stored(survivor.id)).toMatchObject({ city: null, tags: ['vip'], company_id: null, attributes: {}, street: '长安街 1 号' });
    expect(await notesOf(survivor.id)).toBe(1);
  });

  it('lets an unrestricted administrator fill and unite as before', async () => {
    const { ws, admin } = await setup();
    const { survivor, merged, pairId, companyId } = await pairOf(admin, ws.workspaceId);
    const preview = await admin.get(`/api/v1/duplicates/${pairId}`);
    expect((preview.body.fields as { read_only: boolean }[]).every((f) => !f.read_only)).toBe(true);
    const res = await admin.post('/api/v1/merges', { object: 'contacts', survivor_id: survivor.id, merged_id: merged.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = await stored(survivor.id);
    expect(after).toMatchObject({ city: '北京', tags: ['vip', '老客户'], company_id: companyId, attributes: { level: 'gold' }, street: '长安街 1 号' });
    expect(after.emails.map((e) => e.value)).toEqual(['ming@example.com', 'wang@example.com']);
  });
});
