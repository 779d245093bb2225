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
