import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { JobCancelled, Jobs } from '../../src/platform/jobs/jobs.ts';
import { client, logInAs, newUser, newWorkspace } from '../support/test-app.ts';
import { testDatabase } from '../support/test-db.ts';

const { database } = await testDatabase();
const db = database.db;
const jobs = new Jobs({ db });
let release: () => void = () => undefined;
const gate = new Promise<void>((r) => (release = r));

jobs.register('test.count', async (ctx) => {
  const total = Number(ctx.payload.total);
  for (let i = 1; i <= total; i++) await ctx.progress(i, total);
  return { counted: total };
});
jobs.register('test.fail', async () => {
  throw Object.assign(new Error('the file is empty'), { code: 'IMPORT_FILE_EMPTY' });
});
jobs.register('test.wait', async (ctx) => {
  await ctx.progress(1, 10, 'waiting');
  await gate;
  if (await ctx.cancelRequested()) throw new JobCancelled();
  return {};
});

const app = await buildServer({ db, config: loadConfig({ LOG_LEVEL: 'silent' }), serveWeb: false, jobs });
await app.ready();
await jobs.start({ work: true });
afterAll(async () => {
  release();
  await jobs.stop();
  await app.close();
});

async function waitFor(api: ReturnType<typeof client>, id: string, status: string) {
  for (let i = 0; i < 200; i++) {
    const res = await api.get(`/api/v1/jobs/${id}`);
    if (res.body.status === status) return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} never reached ${status}`);
}

describe('jobs', () => {
  it('runs a job enqueued in a transaction and reports progress and result', async () => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const id = await db.transaction().execute((tx) => jobs.enqueue(tx, { workspaceId: ws.workspaceId, userId: ws.adminId, kind: 'test.count', payload: { total: 25 } }));
    const job = await waitFor(api, id, 'succeeded');
    expect(job.progress).toEqual({ done: 25, total: 25 });
    expect(job.result).toEqual({ counted: 25 });
    expect(job.attempts).toBe(1);
    const list = await api.get('/api/v1/jobs?kind=test.count');
    expect(list.body.data.map((j: { id: string }) => j.id)).toContain(id);
  });

  it('creates no job when the transaction rolls back', async () => {
    const ws = await newWorkspace(db);
    await expect(db.transaction().execute(async (tx) => {
      await jobs.enqueue(tx, { workspaceId: ws.workspaceId, userId: ws.adminId, kind: 'test.count', payload: { total: 1 } });
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    const { rows } = await sql<{ n: string }>`select count(*)::text as n from job_runs where workspace_id = ${ws.workspaceId}`.execute(db);
    expect(rows[0]!.n).toBe('0');
  });

  it('records a failure with its code', async () => {
    const ws = await newWorkspace(db);
    const api = client(app, await logInAs(app, ws.adminEmail));
    const id = await db.transaction().execute((tx) => jobs.enqueue(tx, { workspaceId: ws.workspaceId, userId: ws.adminId, kind: 'test.fail', payload: {} }));
    const job = await waitFor(api, id, 'failed');
    expect(job.error).toEqual({ code: 'IMPORT_FILE_EMPTY', message: 'the file is empty' });
  });

  it('lets the owner cancel a running job; other users and workspaces cannot see it', async () => {
    const ws = await newWorkspace(db);
    const other = await newWorkspace(db);
    const sales = await newUser(db, ws.workspaceId, { roleKey: 'sales' });
    const owner = client(app, await logInAs(app, sales.email));
    const id = await db.transaction().execute((tx) => jobs.enqueue(tx, { workspaceId: ws.workspaceId, userId: sales.id, kind: 'test.wait', payload: {} }));
    await waitFor(owner, id, 'running');
    const stranger = client(app, await logInAs(app, other.adminEmail));
    expect((await stranger.get(`/api/v1/jobs/${id}`)).status).toBe(404);
    expect((await stranger.post(`/api/v1/jobs/${id}/cancel`)).status).toBe(404);
    const colleague = client(app, await logInAs(app, (await newUser(db, ws.workspaceId, { roleKey: 'sales' })).email));
    expect((await colleague.get(`/api/v1/jobs/${id}`)).status).toBe(404);
    expect((await owner.post(`/api/v1/jobs/${id}/cancel`)).status).toBe(200);
    release();
    const job = await waitFor(owner, id, 'cancelled');
    expect(job.error.code).toBe('JOB_CANCELLED');
  });
});
