import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checkAttributeWrites } from '../../src/modules/customers/fields/check-attribute-writes.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { client, logInAs, newUser, newWorkspace, testAppWithJobs, type Client } from '../support/test-app.ts';

// deleting a field queues a job (custom-field-delete-job.test.ts covers it in detail): this server runs workers
const { app, db, url } = await testAppWithJobs('relata-fields-');

async function adminOf(): Promise<{ api: Client; ws: Awaited<ReturnType<typeof newWorkspace>> }> {
  const ws = await newWorkspace(db);
  return { api: client(app, await logInAs(app, ws.adminEmail)), ws };
}

async function snapshot(workspaceId: string): Promise<string> {
  const { rows } = await sql<{ s: string }>`
    select coalesce(json_agg(json_build_object('id', id, 'v', version, 'a', attributes) order by id), '[]')::text as s
    from contacts where workspace_id = ${workspaceId}`.execute(db);
  return rows[0]!.s;
}

const LEVEL = { object: 'contacts', key: 'level', label: 'Level', label_zh: '等级', type: 'select', options: [{ value: 'gold', label: 'Gold' }, { value: 'silver', label: 'Silver' }] };

describe('custom field definitions', () => {
  it('creates, lists, updates and deletes definitions', async () => {
    const { api, ws } = await adminOf();
    const created = await api.post('/api/v1/custom-fields', LEVEL);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ object: 'contacts', key: 'level', label_zh: '等级', type: 'select', required: false, unique: false, sensitive: false });
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const repApi = client(app, await logInAs(app, rep.email));
    const list = await repApi.get('/api/v1/custom-fields?object=contacts');
    expect(list.status).toBe(200);
    expect(list.body.data.map((d: { key: string }) => d.key)).toEqual(['level']);
    expect((await api.get('/api/v1/custom-fields?object=companies')).body.data).toEqual([]);

    const patched = await api.patch(`/api/v1/custom-fields/${created.body.id}`, { label: 'Tier', options: [...LEVEL.options, { value: 'bronze', label: 'Bronze' }] });
    expect(patched.status).toBe(200);
    expect(patched.body.options).toHaveLength(3);
    const typeChange = await api.patch(`/api/v1/custom-fields/${created.body.id}`, { type: 'text' });
    expect(typeChange.body.error.code).toBe('VALIDATION_FAILED');

    const c = (await api.post('/api/v1/contacts', { last_name: 'X', attributes: { level: 'bronze' } })).body;
    expect(c.attributes).toEqual({ level: 'bronze' });
    const deleted = await api.delete(`/api/v1/custom-fields/${created.body.id}`);
    expect(deleted.status).toBe(202);
    // gone from reads at once, whether or not the job has run yet
    expect((await api.get(`/api/v1/contacts/${c.id}`)).body.attributes).toEqual({});
    expect((await api.get('/api/v1/custom-fields?object=contacts')).body.data).toEqual([]);
    let job = (await api.get(`/api/v1/jobs/${deleted.body.job_id}`)).body;
    for (let i = 0; i < 200 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await api.get(`/api/v1/jobs/${deleted.body.job_id}`)).body;
    }
    expect(job.status).toBe('succeeded');
    const { rows: left } = await sql<{ n: number }>`
      select count(*)::int as n from contacts where workspace_id = ${ws.workspaceId} and attributes ? 'level'`.execute(db);
    expect(left[0]!.n).toBe(0);
    expect((await api.delete(`/api/v1/custom-fields/${created.body.id}`)).status).toBe(404);
  });

  it('refuses bad definitions and non-admins', async () => {
    const { api, ws } = await adminOf();
    await api.post('/api/v1/custom-fields', LEVEL);
    const dup = await api.post('/api/v1/custom-fields', LEVEL);
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('UNIQUE_VIOLATION');
    expect((await api.post('/api/v1/custom-fields', { ...LEVEL, key: 'Bad Key' })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await api.post('/api/v1/custom-fields', { ...LEVEL, key: 'empty', options: [] })).body.error.code).toBe('FIELD_REQUIRED');
    expect((await api.post('/api/v1/custom-fields', { ...LEVEL, key: 'twice', options: [{ value: 'a', label: 'A' }, { value: 'a', label: 'B' }] })).body.error.code).toBe('FIELD_VALUE_INVALID');
    expect((await api.post('/api/v1/custom-fields', { ...LEVEL, key: 'weird', type: 'color' })).body.error.code).toBe('VALIDATION_FAILED');
    const rep = await newUser(db, ws.workspaceId, { roleKey: 'manager' });
    const res = await client(app, await logInAs(app, rep.email)).post('/api/v1/custom-fields', { ...LEVEL, key: 'other' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('PERMISSION_DENIED');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from field_definitions where workspace_id = ${ws.workspaceId}`.execute(db);
    expect(rows[0]!.n).toBe(1);
  });
});

describe('custom field values', () => {
  it('validates values on every write and changes nothing on error', async () => {
    const { api, ws } = await adminOf();
    for (const def of [
      LEVEL,
      { object: 'contacts', key: 'score', label: 'Score', type: 'number' },
      { object: 'contacts', key: 'budget', label: 'Budget', type: 'money' },
      { object: 'contacts', key: 'since', label: 'Since', type: 'date' },
      { object: 'contacts', key: 'vip', label: 'VIP', type: 'boolean' },
      { object: 'contacts', key: 'hobbies', label: 'Hobbies', type: 'multi_select', options: [{ value: 'tea', label: 'Tea' }] },
      { object: 'contacts', key: 'member_no', label: 'Member no', type: 'text', unique: true },
      { object: 'contacts', key: 'region_code', label: 'Region code', type: 'text', required: true },
    ]) {
      expect((await api.post('/api/v1/custom-fields', def)).status).toBe(201);
    }
    const ok = await api.post('/api/v1/contacts', {
      last_name: 'Ok', attributes: { level: 'gold', score: 1.5, budget: 12345, since: '2024-02-29', vip: true, hobbies: ['tea'], member_no: ' M-1 ', region_code: 'E' },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.attributes).toMatchObject({ member_no: 'M-1', budget: 12345 });
    const before = await snapshot(ws.workspaceId);
    const base = { region_code: 'E' };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, level: 'platinum' }, 400, 'FIELD_VALUE_INVALID'],
      [{ ...base, score: '12' }, 400, 'FIELD_VALUE_INVALID'],
      [{ ...base, budget: 12.5 }, 400, 'FIELD_VALUE_INVALID'],
      [{ ...base, since: '2023-02-30' }, 400, 'DATE_INVALID'],
      [{ ...base, vip: 'yes' }, 400, 'FIELD_VALUE_INVALID'],
      [{ ...base, hobbies: 'tea' }, 400, 'FIELD_VALUE_INVALID'],
      [{ ...base, hobbies: ['chess'] }, 400, 'FIELD_VALUE_INVALID'],
      [{ ...base, nope: 1 }, 400, 'FIELD_UNKNOWN'],
      [{ score: 1 }, 400, 'FIELD_REQUIRED'],
      [{ region_code: '  ' }, 400, 'FIELD_REQUIRED'],
      [{ ...base, member_no: 'M-1' }, 409, 'FIELD_VALUE_NOT_UNIQUE'],
    ];
    for (const [attributes, status, code] of cases) {
      const res = await api.post('/api/v1/contacts', { last_name: 'Bad', attributes });
      expect(res.status, JSON.stringify(attributes)).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    for (const [attributes, status, code] of [
      [{ level: 'platinum' }, 400, 'FIELD_VALUE_INVALID'],
      [{ region_code: null }, 400, 'FIELD_REQUIRED'],
      [{ nope: 'x' }, 400, 'FIELD_UNKNOWN'],
    ] as const) {
      const res = await api.patch(`/api/v1/contacts/${ok.body.id}`, { version: 1, attributes });
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    expect(await snapshot(ws.workspaceId)).toBe(before);
    // the record itself may keep its unique value on update; a second record may not take it
    expect((await api.patch(`/api/v1/contacts/${ok.body.id}`, { version: 1, attributes: { member_no: 'M-1', score: 2 } })).status).toBe(200);
    const other = (await api.post('/api/v1/contacts', { last_name: 'Other', attributes: { region_code: 'W' } })).body;
    const clash = await api.patch(`/api/v1/contacts/${other.id}`, { version: 1, attributes: { member_no: 'M-1' } });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('FIELD_VALUE_NOT_UNIQUE');
    const history = (await api.get(`/api/v1/contacts/${ok.body.id}/history`)).body;
    expect(history.data[0].changes).toEqual({ 'attributes.score': [1.5, 2] });
  });

  it('masks sensitive fields like phone and hides hidden ones everywhere', async () => {
    const { api, ws } = await adminOf();
    await api.post('/api/v1/custom-fields', { object: 'contacts', key: 'id_card', label: 'ID card', type: 'text', sensitive: true });
    await api.post('/api/v1/custom-fields', { object: 'contacts', key: 'salary', label: 'Salary', type: 'number' });
    await api.post('/api/v1/custom-fields', { object: 'contacts', key: 'wechat', label: 'WeChat', type: 'text', sensitive: true });
    await sql`update roles set permissions = permissions
                || jsonb_build_object('fields', '{"contacts": {"attributes.salary": "hidden"}}'::jsonb)
                || jsonb_build_object('masks', '{"contacts": {"phone": "list", "attributes.wechat": "none"}}'::jsonb)
              where workspace_id = ${ws.workspaceId} and key = 'marketing'`.execute(db);
    const user = await newUser(db, ws.workspaceId, { roleKey: 'marketing' });
    const mk = client(app, await logInAs(app, user.email));
    const c = (await api.post('/api/v1/contacts', { last_name: 'S', attributes: { id_card: '310101199001011234', salary: 30000, wechat: 'wx_abc123' } })).body;
    await api.patch(`/api/v1/contacts/${c.id}`, { version: 1, attributes: { salary: 40000, id_card: '310101199001019999' } });

    const list = (await mk.get('/api/v1/contacts')).body.data[0];
    expect(list.attributes).toEqual({ id_card: '310***********9999', wechat: 'wx_abc123' });
    const detail = (await mk.get(`/api/v1/contacts/${c.id}`)).body;
    expect(detail.attributes).toEqual({ id_card: '310101199001019999', wechat: 'wx_abc123' });
    const history = JSON.stringify((await mk.get(`/api/v1/contacts/${c.id}/history`)).body);
    expect(history).not.toContain('30000');
    expect(history).not.toContain('40000');
    expect(history).not.toContain('salary');
    const filter = encodeURIComponent(JSON.stringify({ field: 'attributes.salary', op: 'gt', value: 1 }));
    const res = await mk.get(`/api/v1/contacts?filter=${filter}`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('PERMISSION_DENIED');
    // the admin's role masks nothing
    expect((await api.get('/api/v1/contacts')).body.data[0].attributes).toEqual({ id_card: '310101199001019999', salary: 40000, wechat: 'wx_abc123' });
  });
});

describe('a sensitive field a role unmasks', () => {
  it('takes "none" for a sensitive custom field through the roles API, while the others stay masked like phone', async () => {
    const { api, ws } = await adminOf();
    await api.post('/api/v1/custom-fields', { object: 'contacts', key: 'id_card', label: 'ID card', type: 'text', sensitive: true });
    await api.post('/api/v1/custom-fields', { object: 'contacts', key: 'wechat', label: 'WeChat', type: 'text', sensitive: true });
    const role = await api.post('/api/v1/roles', {
      key: 'svc_unmasked', name: 'svc_unmasked',
      permissions: { objects: { contacts: { actions: ['view'], scope: 'all' } }, masks: { contacts: { phone: 'list', 'attributes.wechat': 'none' } } },
    });
    expect(role.status, JSON.stringify(role.body)).toBe(201);
    expect(role.body.permissions.masks.contacts).toEqual({ phone: 'list', 'attributes.wechat': 'none' });
    const user = await newUser(db, ws.workspaceId);
    await api.patch(`/api/v1/users/${user.id}`, { role_id: role.body.id });
    await api.post('/api/v1/contacts', { last_name: 'S', phone: '+8613800138000', attributes: { id_card: '310101199001019999', wechat: 'wx_abc123' } });
    const seen = (await client(app, await logInAs(app, user.email)).get('/api/v1/contacts')).body.data[0];
    expect(seen.attributes).toEqual({ id_card: '310***********9999', wechat: 'wx_abc123' });
    expect(seen.phone).toBe('+86138****8000');
    const typo = await api.post('/api/v1/roles', { key: 'typo', name: 'typo', permissions: { objects: {}, masks: { contacts: { phone: 'nowhere' } } } });
    expect(typo.status).toBe(400);
  });
});

describe('a value written while its field is deleted', () => {
  it('holds the field live until the write commits, and refuses a field retired before the write', async () => {
    const { api, ws } = await adminOf();
    expect((await api.post('/api/v1/custom-fields', { object: 'contacts', key: 'level', label: 'Level', type: 'text' })).status).toBe(201);
    const other = openDatabase(url, { max: 1 });
    try {
      await db.transaction().execute(async (tx) => {
        await checkAttributeWrites(tx, ws.workspaceId, 'contacts', null, { level: 'gold' }, []);
        // a concurrent deletion (retiring the field) waits for this transaction
        await sql`set lock_timeout = '300ms'`.execute(other.db);
        await expect(sql`update field_definitions set retired_at = now() where workspace_id = ${ws.workspaceId} and key = 'level'`.execute(other.db))
          .rejects.toThrow(/lock timeout/);
      });
      await sql`set lock_timeout = 0`.execute(other.db);
      await sql`update field_definitions set retired_at = now() where workspace_id = ${ws.workspaceId} and key = 'level'`.execute(other.db);
    } finally {
      await other.close();
    }
    await expect(db.transaction().execute((tx) => checkAttributeWrites(tx, ws.workspaceId, 'contacts', null, { level: 'gold' }, [])))
      .rejects.toMatchObject({ code: 'FIELD_UNKNOWN' });
    // removing the value (null) of a retired field is not refused
    await db.transaction().execute((tx) => checkAttributeWrites(tx, ws.workspaceId, 'contacts', null, { level: null }, []));
  });
});
