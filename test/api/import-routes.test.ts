import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { client, logInAs, newUser, newWorkspace, testAppWithJobs, type Client, type Session } from '../support/test-app.ts';

// Imports run as jobs: this file's server runs workers, with a private data directory.
const { app, db } = await testAppWithJobs('relata-import-api-');

async function upload(session: Session, object: string, name: string, content: string | Buffer) {
  const boundary = `----relata${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await app.inject({
    method: 'POST', url: `/api/v1/imports/uploads?object=${object}`, payload: body,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  return { status: res.statusCode, body: res.json() as any };
}

async function waitFor(api: Client, jobId: string): Promise<any> {
  for (let i = 0; i < 200; i++) {
    const res = await api.get(`/api/v1/jobs/${jobId}`);
    if (['succeeded', 'failed', 'cancelled'].includes(res.body.status)) return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} did not finish`);
}

async function adminSession() {
  const w = await newWorkspace(db);
  const session = await logInAs(app, w.adminEmail);
  return { w, session, api: client(app, session) };
}

describe('import over HTTP', () => {
  it('uploads, previews with suggested mapping, runs as a job, reports errors and undoes', async () => {
    const { w, session, api } = await adminSession();
    const up = await upload(session, 'contacts', '客户.csv', '姓名,手机,邮箱\n李雷,13800138000,lilei@example.com\n韩梅梅,12345,hmm@example.com\n');
    expect(up.status).toBe(201);
    expect(up.body.headers).toEqual(['姓名', '手机', '邮箱']);
    expect(up.body.preview).toHaveLength(2);
    expect(up.body.suggested_mapping).toEqual([{ header: '姓名', target: 'name' }, { header: '手机', target: 'phone' }, { header: '邮箱', target: 'email' }]);

    const start = await api.post('/api/v1/imports', {
      upload_id: up.body.upload_id, object: 'contacts', mapping: { 姓名: 'name', 手机: 'phone', 邮箱: 'email' }, mode: 'upsert', save_mapping_as: '门店导出',
    });
    expect(start.status).toBe(202);
    const job = await waitFor(api, start.body.job_id);
    expect(job.status).toBe('succeeded');
    expect(job.progress.done).toBe(2);
    const batch = await api.get(`/api/v1/imports/${start.body.batch_id}`);
    expect(batch.body).toMatchObject({ status: 'succeeded', rows_created: 1, rows_failed: 1, object: 'contacts', file_name: '客户.csv' });

    const errs = await api.get(`/api/v1/imports/${start.body.batch_id}/errors`);
    expect(errs.body.data).toEqual([{ row: 3, column: '手机', code: 'CONTACT_PHONE_INVALID', message: expect.any(String) }]);
    const report = await app.inject({ method: 'GET', url: `/api/v1/imports/${start.body.batch_id}/errors.csv`, headers: { cookie: session.cookie } });
    expect(report.statusCode).toBe(200);
    const lines = report.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('row,column,code,message,姓名,手机,邮箱');
    expect(lines[1]).toMatch(/^3,手机,CONTACT_PHONE_INVALID,.*,韩梅梅,12345,hmm@example.com$/);

    const mappings = await api.get('/api/v1/import-mappings?object=contacts');
    expect(mappings.body.data.map((m: { name: string }) => m.name)).toEqual(['门店导出']);
    const list = await api.get('/api/v1/imports');
    expect(list.body.data[0].id).toBe(start.body.batch_id);

    const undo = await api.post(`/api/v1/imports/${start.body.batch_id}/undo`);
    expect(undo.status).toBe(202);
    const undoJob = await waitFor(api, undo.body.job_id);
    expect(undoJob.result).toMatchObject({ removed: 1, restored: 0 });
    const { rows } = await sql`select 1 from contacts where workspace_id = ${w.workspaceId}`.execute(db);
    expect(rows).toHaveLength(0);
    expect((await api.post(`/api/v1/imports/${start.body.batch_id}/undo`)).body.error.code).toBe('IMPORT_NOT_UNDOABLE');
  });

  it("shows in a record's history and timeline the imports that created or changed it, without an audit row per record", async () => {
    const { w, session, api } = await adminSession();
    const anna = (await api.post('/api/v1/contacts', { first_name: 'Anna', email: 'anna@example.com' })).body;
    const run = async (content: string) => {
      const up = await upload(session, 'contacts', 'people.csv', content);
      const start = await api.post('/api/v1/imports', {
        upload_id: up.body.upload_id, object: 'contacts', mapping: { name: 'name', email: 'email', city: 'city' }, mode: 'upsert', match: 'email',
      });
      expect((await waitFor(api, start.body.job_id)).status).toBe('succeeded');
      return Number(start.body.batch_id);
    };
    const first = await run('name,email,city\nAnna,anna@example.com,Berlin\nNina New,nina@example.com,Rome\n');
    const second = await run('name,email,city\nAnna,anna@example.com,Hamburg\n');

    const history = await api.get(`/api/v1/contacts/${anna.id}/history?limit=2`);
    expect(history.body.data.map((h: any) => [h.action, h.actor_name, h.changes])).toEqual([
      ['update', 'Admin', { import_batch_id: [null, second] }],
      ['update', 'Admin', { import_batch_id: [null, first] }],
    ]);
    const older = await api.get(`/api/v1/contacts/${anna.id}/history?limit=2&cursor=${encodeURIComponent(history.body.next_cursor)}`);
    expect(older.body.data.map((h: any) => h.action)).toEqual(['create']);
    expect(older.body.next_cursor).toBeNull();

    const { rows: nina } = await sql<{ id: string }>`select id::text from contacts where workspace_id = ${w.workspaceId} and email = 'nina@example.com'`.execute(db);
    const timeline = await api.get(`/api/v1/contacts/${nina[0]!.id}/timeline`);
    expect(timeline.body.data.map((e: any) => [e.kind, e.payload.action, e.payload.changes])).toEqual([['audit', 'create', { import_batch_id: [null, first] }]]);

    const seen: string[] = [];
    let cursor = '';
    do {
      const page = await api.get(`/api/v1/contacts/${anna.id}/timeline?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((e: any) => `${e.payload.action}:${e.payload.changes.import_batch_id?.[1] ?? '-'}`));
      cursor = page.body.next_cursor ?? '';
    } while (cursor);
    expect(seen).toEqual([`update:${second}`, `update:${first}`, 'create:-']);

    // the import's entries come from its own record of what it did (import_batch_rows), not from audit_log
    const { rows: audited } = await sql<{ n: number }>`
      select count(*)::int as n from audit_log where workspace_id = ${w.workspaceId} and object_type = 'contacts'`.execute(db);
    expect(audited[0]!.n).toBe(1);
  });

  it('refuses bad files with stable codes', async () => {
    const { session } = await adminSession();
    expect((await upload(session, 'contacts', 'empty.csv', '')).body.error.code).toBe('IMPORT_FILE_EMPTY');
    expect((await upload(session, 'contacts', 'dup.csv', 'email,Email\na@b.co,c@d.co\n')).body.error.code).toBe('IMPORT_HEADER_DUPLICATE');
    expect((await upload(session, 'contacts', 'junk.csv', Buffer.from([0x00, 0xff, 0x13, 0x00, 0x9c, 0x80, 0x00, 0x01]))).body.error.code).toBe('IMPORT_FILE_UNREADABLE');
    const ok = await upload(session, 'contacts', 'header-only.csv', 'name,email\n');
    expect(ok.status).toBe(201);
    expect(ok.body.preview).toEqual([]);
  });

  it('needs the import permission, and keeps workspaces apart', async () => {
    const { w, session, api } = await adminSession();
    const viewer = await newUser(db, w.workspaceId, { roleKey: 'viewer' });
    const viewerSession = await logInAs(app, viewer.email);
    expect((await upload(viewerSession, 'contacts', 'a.csv', 'name\nX\n')).body.error.code).toBe('PERMISSION_DENIED');

    const up = await upload(session, 'contacts', 'a.csv', 'name\nX\n');
    const start = await api.post('/api/v1/imports', { upload_id: up.body.upload_id, object: 'contacts', mode: 'create' });
    await waitFor(api, start.body.job_id);
    const other = await adminSession();
    expect((await other.api.get(`/api/v1/imports/${start.body.batch_id}`)).status).toBe(404);
    expect((await other.api.post(`/api/v1/imports/${start.body.batch_id}/undo`)).status).toBe(404);
    expect((await other.api.post('/api/v1/imports', { upload_id: up.body.upload_id, object: 'contacts' })).status).toBe(404);
  });
});
